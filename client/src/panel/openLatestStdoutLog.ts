// Open Latest stdout Log: the newest stdout file of a web.config's site, found the way ANCM names them
// (stdoutLogFile is a prefix; the files carry the worker's start time and process id), read from disk here:
// the language server is not needed for it.

import * as path from 'node:path';
import { type TextDocument, Uri, commands, window } from 'vscode';
import { locateSiteLogs } from '../../../server/src/logs/discovery';
import { listStdoutLogs } from '../../../server/src/logs/stdoutFiles';
import { ENABLE_STDOUT_LOGGING } from '../commands/stdoutLoggingCommands';

export async function openLatestStdoutLog(webConfig: TextDocument): Promise<void> {
  if (webConfig.uri.scheme !== 'file') {
    void window.showInformationMessage('The logs are found next to web.config on disk: save this web.config to a folder first.');
    return;
  }
  // The editor's text, unsaved edits included: the user sees the stdoutLogFile they typed.
  const logs = locateSiteLogs(webConfig.uri.fsPath, webConfig.getText());
  const newest = (await listStdoutLogs(logs.stdoutFolder, logs.stdoutPrefix)).at(-1);
  if (newest) {
    await commands.executeCommand('vscode.open', Uri.file(newest.path), { preview: false });
    return;
  }
  const pattern = path.join(logs.stdoutFolder, `${logs.stdoutPrefix}_*.log`);
  if (logs.stdoutEnabled) {
    void window.showInformationMessage(`No stdout log yet (${pattern}). ANCM writes one each time the app starts, when the app pool identity may write to that folder.`);
    return;
  }
  const enable = 'Enable stdout Logging';
  const choice = await window.showInformationMessage(`No stdout log found (${pattern}), and stdout logging is off in this web.config.`, enable);
  if (choice === enable) await commands.executeCommand(ENABLE_STDOUT_LOGGING);
}
