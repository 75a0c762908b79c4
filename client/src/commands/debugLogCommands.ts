// Enable Debug Log... / Disable Debug Log: ANCM's own diagnostic log, set through the debugFile and debugLevel
// handler settings of the target web.config.

import { type ExtensionContext, commands, window } from 'vscode';
import type { DebugLevelName } from '../../../server/src/ancm/debugLevel';
import { debugLevelValue, disableDebugLog, enableDebugLog } from '../../../server/src/service/edits/debugLogEdit';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { editWebConfig } from './documentEdits';

export const ENABLE_DEBUG_LOG = 'ancm.enableDebugLog';
export const DISABLE_DEBUG_LOG = 'ancm.disableDebugLog';

const LEVEL_CHOICES: readonly { readonly label: DebugLevelName; readonly detail: string }[] = [
  { label: 'ERROR', detail: 'Failures only.' },
  { label: 'WARNING', detail: 'Failures and warnings.' },
  { label: 'INFO', detail: 'Also startup, configuration and shutdown steps: usually enough to see why an app does not start.' },
  { label: 'TRACE', detail: 'Everything, including events for each request. Verbose.' },
];

// ANCM reads the settings once per worker process (REFERENCE §3), so saving alone may not be enough.
const TAKES_EFFECT = 'ANCM reads the debug settings when the worker process starts: recycle the app pool after saving web.config.';

export function registerDebugLogCommands(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand(ENABLE_DEBUG_LOG, enableDebugLogWithPick), commands.registerCommand(DISABLE_DEBUG_LOG, disableDebugLogCommand));
}

async function enableDebugLogWithPick(): Promise<void> {
  const picked = await window.showQuickPick(LEVEL_CHOICES, { placeHolder: 'Debug log level (each includes the more severe ones)' });
  if (!picked) return;
  const level = picked.label;
  const applied = await editWebConfig('Enable debug log', (target) => enableDebugLog(parseWebConfig(target.document.getText()), level, target.cursorOffset));
  if (!applied) return;
  const setting = `debugLevel="${debugLevelValue(level)}"`;
  void window.showInformationMessage(
    applied.result.edits.length === 0
      ? `The debug log is already on with ${setting}.`
      : `The debug log is set to ${setting}. ${TAKES_EFFECT} The log is not size-limited: disable it when you are done.`,
  );
}

async function disableDebugLogCommand(): Promise<void> {
  const applied = await editWebConfig('Disable debug log', (target) => disableDebugLog(parseWebConfig(target.document.getText()), target.cursorOffset));
  if (!applied) return;
  void window.showInformationMessage(applied.result.edits.length === 0 ? 'No debug log is set in web.config.' : `The debug log settings are removed. ${TAKES_EFFECT}`);
}
