// The log features for activate(): the ANCM Logs view and its commands, Show Logs and Open Latest stdout Log.

import { type ExtensionContext, type Uri, commands, window, workspace } from 'vscode';
import { isWebConfig, resolveTargetWebConfig } from '../targetWebConfig';
import { LOGS_VIEW_ID, LogPanelProvider } from './logPanelProvider';
import { openLatestStdoutLog } from './openLatestStdoutLog';
import { LogPathDecisions } from './withheldLogs';

export const SHOW_LOGS = 'ancm.showLogs';
export const OPEN_LATEST_STDOUT_LOG = 'ancm.openLatestStdoutLog';

/** Registers the view and commands; give the returned provider the language client once it exists. */
export function registerLogPanel(context: ExtensionContext): LogPanelProvider {
  // The empty state's "Choose web.config…" asks even when the panel has a target (it may be the wrong one).
  const pathDecisions = new LogPathDecisions(context.workspaceState);
  const provider: LogPanelProvider = new LogPanelProvider(context.extensionUri, pathDecisions, async () => {
    const chosen = await resolveTargetWebConfig();
    if (chosen) await provider.show(chosen.document.uri);
  });
  context.subscriptions.push(
    provider,
    // Kept alive while hidden, like the Output view: 100,000 entries are not re-sent on every reveal.
    window.registerWebviewViewProvider(LOGS_VIEW_ID, provider, { webviewOptions: { retainContextWhenHidden: true } }),
    commands.registerCommand(SHOW_LOGS, async () => {
      const target = await logsTarget(provider);
      if (target) await provider.show(target);
    }),
    commands.registerCommand(OPEN_LATEST_STDOUT_LOG, async () => {
      const target = await logsTarget(provider);
      if (target) await openLatestStdoutLog(await workspace.openTextDocument(target), pathDecisions, provider.runningServer);
    }),
  );
  return provider;
}

/**
 * The web.config to show logs for: the active editor's when it is one, else the one the panel shows (the
 * commands also run from the panel's title bar), else the usual search and pick.
 */
async function logsTarget(provider: LogPanelProvider): Promise<Uri | undefined> {
  const editor = window.activeTextEditor;
  if (editor && isWebConfig(editor.document)) return editor.document.uri;
  if (provider.currentTarget) return provider.currentTarget;
  return (await resolveTargetWebConfig())?.document.uri;
}
