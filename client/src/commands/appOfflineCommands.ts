// Take App Offline / Bring App Online: app_offline.htm beside web.config. ANCM watches for the file: while it
// exists the app is stopped and every request gets the page with HTTP 503. These commands write the file on
// disk directly (not as an editor edit): taking the app offline is the point, not a change to review. Taking a
// live site offline is asked first; what may be written, and how, is in appOfflineFile.ts.

import * as path from 'node:path';
import { type ExtensionContext, Uri, commands, window, workspace } from 'vscode';
import { appOfflinePage, isGeneratedAppOfflinePage } from './appOfflinePage';
import { resolveTargetWebConfig } from '../targetWebConfig';
import { APP_OFFLINE_NAME, type AppOfflineState, alreadyOfflineMessage, createAppOfflineExclusively, inspectAppOffline, planTakeOffline } from './appOfflineFile';
import { RESTRICTED_MODE_DETAIL, confirmWriteInRestrictedMode } from './restrictedMode';

export const TAKE_APP_OFFLINE = 'ancm.takeAppOffline';
export const BRING_APP_ONLINE = 'ancm.bringAppOnline';

export function registerAppOfflineCommands(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand(TAKE_APP_OFFLINE, takeAppOffline), commands.registerCommand(BRING_APP_ONLINE, bringAppOnline));
}

/** The folder of the target web.config (the site root ANCM watches), or undefined with the user told why. */
async function siteFolder(): Promise<Uri | undefined> {
  const target = await resolveTargetWebConfig();
  if (!target) return undefined;
  if (target.document.isUntitled) {
    void window.showWarningMessage(`Save web.config first: ${APP_OFFLINE_NAME} goes into the folder that holds it.`);
    return undefined;
  }
  // The exclusive create and the symlink check need the real file system, not a virtual one.
  if (target.document.uri.scheme !== 'file') {
    void window.showWarningMessage('Take App Offline and Bring App Online work on web.config files on disk.');
    return undefined;
  }
  return Uri.joinPath(target.document.uri, '..');
}

/** What is at app_offline.htm, or undefined with the user told why it could not be looked at. */
async function inspect(folder: Uri): Promise<AppOfflineState | undefined> {
  try {
    return await inspectAppOffline(folder.fsPath);
  } catch (error) {
    void window.showErrorMessage(`Could not read ${workspace.asRelativePath(folder)}: ${messageOf(error)}`);
    return undefined;
  }
}

async function takeAppOffline(): Promise<void> {
  const folder = await siteFolder();
  if (!folder) return;
  const state = await inspect(folder);
  if (!state) return;
  const plan = planTakeOffline(state, path.basename(folder.fsPath));
  if (plan.kind === 'stop') {
    void (plan.severity === 'error' ? window.showErrorMessage(plan.message) : window.showInformationMessage(plan.message));
    return;
  }
  const takeOffline = 'Take Offline';
  // One question, with the Restricted Mode reason added when the workspace is not trusted.
  const detail = workspace.isTrusted ? plan.detail : `${plan.detail}\n\n${RESTRICTED_MODE_DETAIL}`;
  if ((await window.showWarningMessage(plan.question, { modal: true, detail }, takeOffline)) !== takeOffline) return;
  let outcome: 'written' | 'exists';
  try {
    outcome = await createAppOfflineExclusively(folder.fsPath, appOfflinePage());
  } catch (error) {
    void window.showErrorMessage(`Could not write ${APP_OFFLINE_NAME}: ${messageOf(error)}`);
    return;
  }
  if (outcome === 'exists') {
    // Something appeared there while the question was open; it is left as it is.
    void window.showInformationMessage(alreadyOfflineMessage(path.join(folder.fsPath, APP_OFFLINE_NAME)));
    return;
  }
  const bringOnline = 'Bring App Online';
  const choice = await window.showInformationMessage(
    `The app is offline: ANCM stops it and answers every request with ${APP_OFFLINE_NAME} (HTTP 503) until the file is removed.`,
    bringOnline,
  );
  if (choice === bringOnline) await bringAppOnline();
}

async function bringAppOnline(): Promise<void> {
  const folder = await siteFolder();
  if (!folder) return;
  const state = await inspect(folder);
  if (!state) return;
  const where = workspace.asRelativePath(folder);
  if (state.kind === 'absent') {
    void window.showInformationMessage(`The app is not offline: there is no ${APP_OFFLINE_NAME} in ${where}.`);
    return;
  }
  if (state.kind === 'other') {
    void window.showErrorMessage(`${path.basename(state.path)} in ${where} is not a file: remove it yourself.`);
    return;
  }
  const name = path.basename(state.path);
  // A symlink is never read (its target could be anything); deleting it removes only the link.
  const ours = state.kind === 'file' && (await isOurPage(Uri.file(state.path)));
  if (!ours) {
    const remove = 'Delete';
    const what = state.kind === 'symlink' ? 'is a symbolic link' : 'was not written by ANCM Tools';
    const choice = await window.showWarningMessage(`${name} in ${where} ${what}. Delete it and bring the app online?`, { modal: true }, remove);
    if (choice !== remove) return;
  } else if (!(await confirmWriteInRestrictedMode(`Delete ${name} from ${where} and bring the app online`))) {
    return;
  }
  try {
    await workspace.fs.delete(Uri.file(state.path));
  } catch (error) {
    void window.showErrorMessage(`Could not delete ${name}: ${messageOf(error)}`);
    return;
  }
  void window.showInformationMessage(`The app is back online: ${name} is removed, and ANCM starts the app on the next request.`);
}

async function isOurPage(file: Uri): Promise<boolean> {
  try {
    return isGeneratedAppOfflinePage(new TextDecoder().decode(await workspace.fs.readFile(file)));
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
