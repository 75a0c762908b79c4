// Open Latest stdout Log: the newest stdout file of a web.config's site, found the way ANCM names them
// (stdoutLogFile is a prefix; the files carry the worker's start time and process id), read from disk here:
// the language server is not needed for it. The folder is judged first, as the panel's are (logPathPolicy.ts):
// in Restricted Mode only inside the site, elsewhere outside the workspace only once the user agreed.

import * as path from 'node:path';
import { type TextDocument, Uri, commands, window, workspace } from 'vscode';
import { locateSiteLogs } from '../../../server/src/logs/discovery';
import { permittedLogs } from '../../../server/src/logs/logPathPolicy';
import { confinedPath } from '../../../server/src/logs/openLogFile';
import { listStdoutLogs } from '../../../server/src/logs/stdoutFiles';
import { describeWithheldLog } from '../../../server/src/protocol/logs';
import { ENABLE_STDOUT_LOGGING } from '../commands/stdoutLoggingCommands';
import { type LogPathDecisions, askToReadWithheldLogs } from './withheldLogs';

export async function openLatestStdoutLog(webConfig: TextDocument, decisions: LogPathDecisions): Promise<void> {
  if (webConfig.uri.scheme !== 'file') {
    void window.showInformationMessage('The logs are found next to web.config on disk: save this web.config to a folder first.');
    return;
  }
  // The editor's text, unsaved edits included: the user sees the stdoutLogFile they typed.
  const trusted = workspace.isTrusted;
  const logs = locateSiteLogs(webConfig.uri.fsPath, webConfig.getText(), trusted ? process.env : {});
  const policy = {
    trusted,
    roots: [logs.siteRoot, ...(trusted ? (workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath) : [])],
    consented: new Set(decisions.allowed()),
  };
  const [withheld] = permittedLogs(logs, [], policy).withheld.filter((log) => log.setting === 'stdoutLogFile');
  if (withheld) {
    if (!withheld.askable) {
      void window.showWarningMessage(`Restricted Mode reads only the logs inside the site: ${describeWithheldLog(withheld)}.`);
      return;
    }
    const site = workspace.asRelativePath(webConfig.uri);
    if (!(await askToReadWithheldLogs([withheld], decisions, site, true))) return;
  }
  const newest = (await listStdoutLogs(logs.stdoutFolder, logs.stdoutPrefix, trusted ? undefined : logs.siteRoot)).at(-1);
  if (newest) {
    // A symbolic link in the folder is opened only when it leads to a file inside the site (Restricted Mode).
    const file = trusted ? newest.path : await confinedPath(newest.path, logs.siteRoot).catch(() => undefined);
    if (file === undefined) {
      void window.showWarningMessage(`Restricted Mode reads only the logs inside the site: ${newest.path} leads outside it.`);
      return;
    }
    await commands.executeCommand('vscode.open', Uri.file(file), { preview: false });
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
