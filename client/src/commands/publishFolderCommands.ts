// ANCM: Check Publish Folder...: pick a folder (a `dotnet publish` output), the language server reads it and runs the
// publish checks with the web.config in it (issue 15), and the findings are listed here; picking one opens web.config
// at its line, or the file it is about. The server does the reading and the checking; this file only asks and shows.

import * as path from 'node:path';
import { type ExtensionContext, ProgressLocation, type QuickPickItem, Range, Uri, commands, window, workspace } from 'vscode';
import { type CheckPublishFolderFinding, type CheckPublishFolderParams, type CheckPublishFolderResult, type PublishFindingSeverity, isNotPublishOutput } from '../../../server/src/protocol/publish';
import { CHECK_PUBLISH_FOLDER_REQUEST } from '../../../server/src/protocol/requests';

export const CHECK_PUBLISH_FOLDER = 'ancm.checkPublishFolder';

/** What this needs of the LanguageClient (its sendRequest waits for a starting server and rejects once it stopped). */
export interface PublishFolderServer {
  sendRequest(type: typeof CHECK_PUBLISH_FOLDER_REQUEST, params: CheckPublishFolderParams): Promise<CheckPublishFolderResult>;
}

const ICONS: Record<PublishFindingSeverity, string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };
const ORDER: Record<PublishFindingSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
/** Files worth opening in an editor when a finding is about them (not a dll or an .exe). */
const TEXT_FILE = /\.(json|config|htm|html|txt|xml)$/i;

interface FindingItem extends QuickPickItem {
  readonly finding: CheckPublishFolderFinding;
}

export function registerPublishFolderCommands(context: ExtensionContext, server: PublishFolderServer): void {
  context.subscriptions.push(commands.registerCommand(CHECK_PUBLISH_FOLDER, (folder?: unknown) => checkPublishFolder(server, folder instanceof Uri ? folder : undefined)));
}

/** Where the folder dialog opens: the active web.config's folder, else the first workspace folder. */
function defaultFolder(): Uri | undefined {
  const active = window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return Uri.joinPath(active, '..');
  return workspace.workspaceFolders?.[0]?.uri;
}

async function pickFolder(): Promise<Uri | undefined> {
  const picked = await window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Check', title: 'Check Publish Folder', defaultUri: defaultFolder() });
  return picked?.[0];
}

async function checkPublishFolder(server: PublishFolderServer, given: Uri | undefined): Promise<void> {
  const folder = given ?? (await pickFolder());
  if (!folder) return;
  if (folder.scheme !== 'file') {
    void window.showWarningMessage('Check Publish Folder reads folders on disk.');
    return;
  }
  const name = path.basename(folder.fsPath) || folder.fsPath;
  let result: CheckPublishFolderResult;
  try {
    result = await window.withProgress({ location: ProgressLocation.Notification, title: `Checking ${name}…` }, () => server.sendRequest(CHECK_PUBLISH_FOLDER_REQUEST, { folder: folder.fsPath }));
  } catch (error) {
    void window.showErrorMessage(`Could not check ${name}: the ANCM language server is not running (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  if (isNotPublishOutput(result)) {
    void window.showWarningMessage(`${name} is not a publish output: it has no *.runtimeconfig.json or *.deps.json, nor the app its web.config names. Pick the folder \`dotnet publish\` wrote.`);
    return;
  }
  if (result.findings.length === 0) {
    void window.showInformationMessage(`${name}: no problems found by the publish checks.`);
    return;
  }
  const findings = [...result.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const items: FindingItem[] = findings.map((finding) => ({
    label: `${ICONS[finding.severity]} ${finding.message}`,
    description: finding.id,
    detail: finding.file === undefined ? undefined : `${path.relative(folder.fsPath, finding.file) || path.basename(finding.file)}${finding.line === undefined ? '' : `:${finding.line + 1}`}`,
    finding,
  }));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const picked = await window.showQuickPick(items, {
    title: `${name}: ${findings.length} publish finding${findings.length === 1 ? '' : 's'}${errors > 0 ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}`,
    placeHolder: 'Pick one to open web.config at its line, or the file it is about',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await openFinding(picked.finding);
}

async function openFinding(finding: CheckPublishFolderFinding): Promise<void> {
  if (finding.file === undefined || (finding.line === undefined && !TEXT_FILE.test(finding.file))) return;
  try {
    const document = await workspace.openTextDocument(Uri.file(finding.file));
    const line = Math.min(finding.line ?? 0, Math.max(document.lineCount - 1, 0));
    await window.showTextDocument(document, { selection: new Range(line, 0, line, 0) });
  } catch (error) {
    void window.showErrorMessage(`Could not open ${finding.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
