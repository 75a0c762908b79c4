// VS Code glue: starts the bundled ANCM language server over IPC for web.config files.
// The files keep their language (xml), so this works beside any XML extension.

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { WEB_CONFIG_DOCUMENT_SELECTOR } from './documentSelector';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: WEB_CONFIG_DOCUMENT_SELECTOR,
    initializationOptions: { retriggerCompletionCommand: 'editor.action.triggerSuggest' },
  };
  client = new LanguageClient('ancm', 'ANCM Language Server', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
