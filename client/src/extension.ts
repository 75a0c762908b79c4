// VS Code glue: starts the bundled ANCM language server over IPC for web.config files, and registers the
// commands and the status bar. The files keep their language (xml), so this works beside any XML extension.

import * as path from 'node:path';
import { type ExtensionContext, window, workspace } from 'vscode';
import { DidOpenTextDocumentNotification, LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { registerAppOfflineStatusBar } from './appOfflineStatusBar';
import { registerAppOfflineCommands } from './commands/appOfflineCommands';
import { registerDebugLogCommands } from './commands/debugLogCommands';
import { registerHostingModelCommands } from './commands/hostingModelCommands';
import { registerPublishFolderCommands } from './commands/publishFolderCommands';
import { registerPublishedWebConfigCommands } from './commands/publishedWebConfigCommands';
import { registerStdoutLoggingCommands } from './commands/stdoutLoggingCommands';
import { SERVED_DOCUMENT_SELECTOR } from './documentSelector';
import { EventTextDocuments } from './eventTextSync';
import { registerLogPanel } from './panel/registerLogPanel';
import { ServerRequests } from './serverRequests';
import { registerHostingModelStatusBar } from './statusBar';
import { type WorkspaceTrustParams } from '../../server/src/protocol/logs';
import { WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/protocol/requests';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // One log channel for the server's own log and the LSP trace (`ancm.trace.server`), with levels and times.
  const outputChannel = window.createOutputChannel('ANCM Language Server', { log: true });
  context.subscriptions.push(outputChannel);
  const eventText = new EventTextDocuments();
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_DOCUMENT_SELECTOR,
    // Asked at each (re)start. The server reads logs only inside the site until it hears the workspace is trusted.
    initializationOptions: () => ({ retriggerCompletionCommand: 'editor.action.triggerSuggest', workspaceTrusted: workspace.isTrusted }),
    outputChannel,
    traceOutputChannel: outputChannel,
    // Plain-text and .log documents go to the server only when they hold ANCM's Event Log records.
    middleware: {
      didOpen: (document, next) => (eventText.open(document.uri.toString(), document.languageId, document.getText()) ? next(document) : Promise.resolve()),
      didChange: async (event, next) => {
        const { document } = event;
        const sync = eventText.change(document.uri.toString(), document.languageId, () => document.getText());
        if (sync === 'forward') return next(event);
        if (sync === 'openNow') {
          await client?.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: document.uri.toString(), languageId: document.languageId, version: document.version, text: document.getText() },
          });
        }
      },
      didClose: (document, next) => (eventText.close(document.uri.toString(), document.languageId) ? next(document) : Promise.resolve()),
    },
  };
  client = new LanguageClient('ancm', 'ANCM Language Server', serverOptions, clientOptions);
  const started = client;

  // The commands and the status bar ask the server for edits and state; registered before it starts, they wait
  // for it (the client's sendRequest does), and say so when it is not running.
  const server = new ServerRequests(started);
  registerHostingModelCommands(context, server);
  registerStdoutLoggingCommands(context, server);
  registerDebugLogCommands(context, server);
  registerAppOfflineCommands(context);
  registerPublishFolderCommands(context, started);
  registerPublishedWebConfigCommands(context, started);
  const hostingModelStatus = registerHostingModelStatusBar(context, server);
  registerAppOfflineStatusBar(context);
  const logPanel = registerLogPanel(context);
  logPanel.attachClient(started);
  context.subscriptions.push(
    // A (re)started server has the documents again: ask what the status bar shows.
    started.onDidChangeState(({ newState }) => {
      if (newState === State.Running || newState === State.Stopped) hostingModelStatus.refresh();
    }),
  );
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
