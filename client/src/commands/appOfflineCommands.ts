// Take App Offline / Bring App Online: app_offline.htm beside web.config. ANCM watches for the file: while it
// exists the app is stopped and every request gets the page with HTTP 503. These commands write the file on
// disk directly (not as an editor edit): taking the app offline is the point, not a change to review.

import * as path from 'node:path';
import { type ExtensionContext, FileType, Uri, commands, window, workspace } from 'vscode';
import { APP_OFFLINE_FILE_NAME, appOfflinePage, isGeneratedAppOfflinePage } from '../../../server/src/service/edits/appOfflinePage';
import { resolveTargetWebConfig } from '../targetWebConfig';
import { confirmWriteInRestrictedMode } from './restrictedMode';

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
    void window.showWarningMessage('Save web.config first: app_offline.htm goes into the folder that holds it.');
    return undefined;
  }
  return Uri.joinPath(target.document.uri, '..');
}

/** An existing app_offline.htm in the folder, matched ignoring case as Windows (and so ANCM) does. */
async function findAppOffline(folder: Uri): Promise<Uri | undefined> {
  const entries = await workspace.fs.readDirectory(folder);
  const found = entries.find(([name, type]) => type === FileType.File && name.toLowerCase() === APP_OFFLINE_FILE_NAME);
  return found && Uri.joinPath(folder, found[0]);
}

async function isOurPage(file: Uri): Promise<boolean> {
  return isGeneratedAppOfflinePage(new TextDecoder().decode(await workspace.fs.readFile(file)));
}

async function takeAppOffline(): Promise<void> {
  const folder = await siteFolder();
  if (!folder) return;
  const existing = await findAppOffline(folder);
  const where = workspace.asRelativePath(folder);
  if (existing) {
    if (await isOurPage(existing)) {
      void window.showInformationMessage(`The app is already offline: ${path.basename(existing.fsPath)} is in ${where}.`);
      return;
    }
    const replace = 'Replace';
    const choice = await window.showWarningMessage(
      `${path.basename(existing.fsPath)} already exists in ${where}, so the app is already offline. Replace that page with the ANCM Tools one?`,
      { modal: true },
      replace,
    );
    if (choice !== replace) return;
  } else if (!(await confirmWriteInRestrictedMode(`Write ${APP_OFFLINE_FILE_NAME} to ${where} and take the app offline`))) {
    return;
  }
  const file = existing ?? Uri.joinPath(folder, APP_OFFLINE_FILE_NAME);
  try {
    await workspace.fs.writeFile(file, new TextEncoder().encode(appOfflinePage()));
  } catch (error) {
    void window.showErrorMessage(`Could not write ${APP_OFFLINE_FILE_NAME}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const bringOnline = 'Bring App Online';
  const choice = await window.showInformationMessage(
    `The app is offline: ANCM stops it and answers every request with ${APP_OFFLINE_FILE_NAME} (HTTP 503) until the file is removed.`,
    bringOnline,
  );
  if (choice === bringOnline) await bringAppOnline();
}

async function bringAppOnline(): Promise<void> {
  const folder = await siteFolder();
  if (!folder) return;
  const existing = await findAppOffline(folder);
  const where = workspace.asRelativePath(folder);
  if (!existing) {
    void window.showInformationMessage(`The app is not offline: there is no ${APP_OFFLINE_FILE_NAME} in ${where}.`);
    return;
  }
  const name = path.basename(existing.fsPath);
  if (!(await isOurPage(existing))) {
    const remove = 'Delete';
    const choice = await window.showWarningMessage(`${name} in ${where} was not written by ANCM Tools. Delete it and bring the app online?`, { modal: true }, remove);
    if (choice !== remove) return;
  } else if (!(await confirmWriteInRestrictedMode(`Delete ${name} from ${where} and bring the app online`))) {
    return;
  }
  try {
    await workspace.fs.delete(existing);
  } catch (error) {
    void window.showErrorMessage(`Could not delete ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  void window.showInformationMessage(`The app is back online: ${name} is removed, and ANCM starts the app on the next request.`);
}
