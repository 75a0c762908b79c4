// Open Latest stdout Log: the newest stdout file of a web.config's site. The server finds it (the file names carry
// the worker's start time and process id) and judges the folder by the same path policy as the panel: in
// Restricted Mode only inside the site, elsewhere outside the workspace only once the user agreed.

import { type TextDocument, Uri, commands, window, workspace } from 'vscode';
import { describeWithheldLog } from '../../../server/src/protocol/logs';
import { LATEST_STDOUT_REQUEST } from '../../../server/src/protocol/requests';
import { ENABLE_STDOUT_LOGGING } from '../commands/stdoutLoggingCommands';
import type { LogServerConnection } from './logSession';
import { type LogPathDecisions, askToReadWithheldLogs } from './withheldLogs';

export async function openLatestStdoutLog(webConfig: TextDocument, decisions: LogPathDecisions, server: LogServerConnection | undefined): Promise<void> {
  if (webConfig.uri.scheme !== 'file') {
    void window.showInformationMessage('The logs are found next to web.config on disk: save this web.config to a folder first.');
    return;
  }
  if (!server) {
    void window.showWarningMessage('The ANCM language server is not running, and it finds the logs. The "ANCM Language Server" output tells why.');
    return;
  }
  // The server reads the editor's text, unsaved edits included: the user sees the stdoutLogFile they typed.
  let result = await server.sendRequest(LATEST_STDOUT_REQUEST, { webConfigUri: webConfig.uri.toString(), allowedPaths: decisions.allowed() });
  if ('withheld' in result) {
    if (!result.withheld.askable) {
      void window.showWarningMessage(`Restricted Mode reads only the logs inside the site: ${describeWithheldLog(result.withheld)}.`);
      return;
    }
    if (!(await askToReadWithheldLogs([result.withheld], decisions, workspace.asRelativePath(webConfig.uri), true))) return;
    result = await server.sendRequest(LATEST_STDOUT_REQUEST, { webConfigUri: webConfig.uri.toString(), allowedPaths: decisions.allowed() });
    if ('withheld' in result) return;
  }
  if ('file' in result) {
    await commands.executeCommand('vscode.open', Uri.file(result.file), { preview: false });
    return;
  }
  const { pattern, stdoutEnabled } = result.none;
  if (stdoutEnabled) {
    void window.showInformationMessage(`No stdout log yet (${pattern}). ANCM writes one each time the app starts, when the app pool identity may write to that folder.`);
    return;
  }
  const enable = 'Enable stdout Logging';
  const choice = await window.showInformationMessage(`No stdout log found (${pattern}), and stdout logging is off in this web.config.`, enable);
  if (choice === enable) await commands.executeCommand(ENABLE_STDOUT_LOGGING);
}
