// Enable / Disable stdout Logging: stdoutLogEnabled (and a stdoutLogFile when none is set) on the target
// web.config's <aspNetCore> section.

import { type ExtensionContext, commands, window } from 'vscode';
import type { ServerRequests } from '../serverRequests';
import { editWebConfig } from './documentEdits';

export const ENABLE_STDOUT_LOGGING = 'ancm.enableStdoutLogging';
export const DISABLE_STDOUT_LOGGING = 'ancm.disableStdoutLogging';

export function registerStdoutLoggingCommands(context: ExtensionContext, server: ServerRequests): void {
  context.subscriptions.push(
    commands.registerCommand(ENABLE_STDOUT_LOGGING, () => changeStdoutLogging(server, true)),
    commands.registerCommand(DISABLE_STDOUT_LOGGING, () => changeStdoutLogging(server, false)),
  );
}

async function changeStdoutLogging(server: ServerRequests, enabled: boolean): Promise<void> {
  const action = enabled ? 'Enable stdout logging' : 'Disable stdout logging';
  const applied = await editWebConfig(server, action, () => ({ action: enabled ? 'enableStdoutLogging' : 'disableStdoutLogging' }));
  if (!applied) return;
  const state = enabled ? 'on' : 'off';
  if (applied.result.edits.length === 0) {
    void window.showInformationMessage(`stdout logging is already ${state}.`);
  } else if (enabled) {
    void window.showInformationMessage(
      'stdout logging is on once web.config is saved: ANCM writes the app\'s console output to <stdoutLogFile>_<timestamp>_<pid>.log. ' +
        'The app pool identity needs write access there, and the files are never rotated or deleted, so turn logging off when you are done.',
    );
  } else {
    void window.showInformationMessage('stdout logging is off once web.config is saved.');
  }
}
