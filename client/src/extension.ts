// VS Code glue: starts the bundled ANCM language server over IPC for web.config files, and registers the
// commands and the status bar. The files keep their language (xml), so this works beside any XML extension.

import * as path from 'node:path';
import { type ExtensionContext, window, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerAppOfflineStatusBar } from './appOfflineStatusBar';
import { registerAppOfflineCommands } from './commands/appOfflineCommands';
import { registerDebugLogCommands } from './commands/debugLogCommands';
import { registerHostingModelCommands } from './commands/hostingModelCommands';
import { registerStdoutLoggingCommands } from './commands/stdoutLoggingCommands';
import { WEB_CONFIG_DOCUMENT_SELECTOR } from './documentSelector';
import { registerLogPanel } from './panel/registerLogPanel';
import { registerHostingModelStatusBar } from './statusBar';
import { type WorkspaceTrustParams } from '../../server/src/protocol/logs';
import { WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/protocol/requests';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // The commands edit files by themselves, so they are ready before (and without) the language server.
  registerHostingModelCommands(context);
  registerStdoutLoggingCommands(context);
  registerDebugLogCommands(context);
  registerAppOfflineCommands(context);
  registerHostingModelStatusBar(context);
  registerAppOfflineStatusBar(context);
  const logPanel = registerLogPanel(context);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // One log channel for the server's own log and the LSP trace (`ancm.trace.server`), with levels and times.
  const outputChannel = window.createOutputChannel('ANCM Language Server', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: WEB_CONFIG_DOCUMENT_SELECTOR,
    // Asked at each (re)start. The server reads logs only inside the site until it hears the workspace is trusted.
    initializationOptions: () => ({ retriggerCompletionCommand: 'editor.action.triggerSuggest', workspaceTrusted: workspace.isTrusted }),
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  client = new LanguageClient('ancm', 'ANCM Language Server', serverOptions, clientOptions);
  logPanel.attachClient(client);
  const started = client;
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(async () => {
      // A server not running yet learns it from initializationOptions when it starts.
      if (started.isRunning()) await started.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true } satisfies WorkspaceTrustParams);
      logPanel.reopen();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
