// The app_offline.htm beside a web.config, on disk: what is there, what Take App Offline may do about it, and
// the write itself. No vscode import, so unit tests reach it. The page is created exclusively ('wx': O_CREAT |
// O_EXCL), which never follows a symlink and never replaces a file that appeared since the folder was looked at;
// a symlink found there is refused outright, as writing through it would change its target instead.

import { lstat, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const APP_OFFLINE_NAME = 'app_offline.htm';

/** What is at app_offline.htm in the site folder (any letter case, as Windows and so ANCM match it), as lstat sees it. */
export type AppOfflineState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'symlink'; readonly path: string }
  /** A folder, FIFO or device by that name. */
  | { readonly kind: 'other'; readonly path: string };

/** The entry among `names` that ANCM would take for app_offline.htm. */
export function appOfflineNameIn(names: readonly string[]): string | undefined {
  return names.find((name) => name.toLowerCase() === APP_OFFLINE_NAME);
}

export async function inspectAppOffline(siteFolder: string): Promise<AppOfflineState> {
  const name = appOfflineNameIn(await readdir(siteFolder));
  if (name === undefined) return { kind: 'absent' };
  const file = path.join(siteFolder, name);
  let stats;
  try {
    stats = await lstat(file);
  } catch (error) {
    // Removed between the listing and the look.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  if (stats.isSymbolicLink()) return { kind: 'symlink', path: file };
  return stats.isFile() ? { kind: 'file', path: file } : { kind: 'other', path: file };
}

/** Whether Take App Offline may go on to ask and write, or must stop with a message saying why. */
export type TakeOfflinePlan = { readonly kind: 'confirm'; readonly question: string; readonly detail: string } | { readonly kind: 'stop'; readonly severity: 'info' | 'error'; readonly message: string };

export function planTakeOffline(state: AppOfflineState, siteName: string): TakeOfflinePlan {
  switch (state.kind) {
    case 'absent':
      return {
        kind: 'confirm',
        question: `Take ${siteName} offline?`,
        detail: `IIS answers every request with this page (503) until ${APP_OFFLINE_NAME} is removed.`,
      };
    case 'file':
      return { kind: 'stop', severity: 'info', message: alreadyOfflineMessage(state.path) };
    case 'symlink':
      return {
        kind: 'stop',
        severity: 'error',
        message: `${path.basename(state.path)} in ${path.dirname(state.path)} is a symbolic link: ANCM Tools does not write through it. Remove the link first.`,
      };
    case 'other':
      return { kind: 'stop', severity: 'error', message: `${path.basename(state.path)} in ${path.dirname(state.path)} is not a file: remove it first.` };
  }
}

export function alreadyOfflineMessage(file: string): string {
  return `The site is already offline: ${path.basename(file)} is in ${path.dirname(file)}.`;
}

/**
 * Creates app_offline.htm with `page`, only when nothing is at that path: 'exists' when a file, a symlink (even
 * one pointing nowhere) or anything else is already there. Other errors (EACCES) reject.
 */
export async function createAppOfflineExclusively(siteFolder: string, page: string): Promise<'written' | 'exists'> {
  try {
    await writeFile(path.join(siteFolder, APP_OFFLINE_NAME), page, { flag: 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}
