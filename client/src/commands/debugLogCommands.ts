// Enable Debug Log... / Disable Debug Log: ANCM's own diagnostic log, set through the debugFile and debugLevel
// handler settings of the target web.config.

import { type ExtensionContext, commands, window } from 'vscode';
import type { AncmLevel } from '../../../server/src/protocol/levels';
import type { ServerRequests } from '../serverRequests';
import { editWebConfig } from './documentEdits';

export const ENABLE_DEBUG_LOG = 'ancm.enableDebugLog';
export const DISABLE_DEBUG_LOG = 'ancm.disableDebugLog';

const LEVEL_CHOICES: readonly { readonly label: AncmLevel; readonly detail: string }[] = [
  { label: 'ERROR', detail: 'Failures only.' },
  { label: 'WARNING', detail: 'Failures and warnings.' },
  { label: 'INFO', detail: 'Also startup, configuration and shutdown steps: usually enough to see why an app does not start.' },
  { label: 'TRACE', detail: 'Everything, including events for each request. Verbose.' },
];

// ANCM reads the settings once per worker process (AspNetCore/applicationmanager.cpp), so saving alone may not be enough.
const TAKES_EFFECT = 'ANCM reads the debug settings when the worker process starts: recycle the app pool after saving web.config.';

export function registerDebugLogCommands(context: ExtensionContext, server: ServerRequests): void {
  context.subscriptions.push(
    commands.registerCommand(ENABLE_DEBUG_LOG, () => enableDebugLogWithPick(server)),
    commands.registerCommand(DISABLE_DEBUG_LOG, () => disableDebugLogCommand(server)),
  );
}

async function enableDebugLogWithPick(server: ServerRequests): Promise<void> {
  const picked = await window.showQuickPick(LEVEL_CHOICES, { placeHolder: 'Debug log level (each includes the more severe ones)' });
  if (!picked) return;
  const level = picked.label;
  const applied = await editWebConfig(server, 'Enable debug log', () => ({ action: 'enableDebugLog', arg: level }));
  if (!applied) return;
  const setting = `debugLevel="${applied.result.debugLevel}"`;
  void window.showInformationMessage(
    applied.result.edits.length === 0
      ? `The debug log is already on with ${setting}.`
      : `The debug log is set to ${setting}. ${TAKES_EFFECT} The log is not size-limited: disable it when you are done.`,
  );
}

async function disableDebugLogCommand(server: ServerRequests): Promise<void> {
  const applied = await editWebConfig(server, 'Disable debug log', () => ({ action: 'disableDebugLog' }));
  if (!applied) return;
  void window.showInformationMessage(applied.result.edits.length === 0 ? 'No debug log is set in web.config.' : `The debug log settings are removed. ${TAKES_EFFECT}`);
}
