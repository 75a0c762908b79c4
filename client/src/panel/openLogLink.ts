// The links in a log entry, as the extension opens them. Both come from log text, so neither is trusted:
// a source location opens only a file inside the workspace (symbolic links resolved first), and a URL goes
// to VS Code's openExternal, which asks the user before it opens a site they have not trusted. Nothing is
// fetched here.

import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { Position, Range, Uri, commands, env, window, workspace } from 'vscode';
import { isWebUrl } from '../../../server/src/protocol/webviewMessages';
import { bestMatches, isInsideAnyFolder, isPlainFileName, pathSegments } from './workspacePaths';

/** Files of one name looked at, at most: a name as common as Program.cs is in many projects. */
const MAX_CANDIDATES = 200;

export async function openLogLocation(reference: string, line: number | undefined): Promise<void> {
  const folders = await workspaceFolderPaths();
  if (folders.length === 0) {
    void window.showInformationMessage(`${reference} is not in the workspace: open the folder that holds the app's source first.`);
    return;
  }
  const file = (await asWorkspaceFile(reference, folders)) ?? (await findByName(reference, folders));
  if (file === null) return; // the user dismissed the choice
  if (!file) {
    void window.showInformationMessage(`${reference} is not in this workspace.`);
    return;
  }
  const at = new Position(Math.max(0, (line ?? 1) - 1), 0);
  await commands.executeCommand('vscode.open', Uri.file(file), { selection: new Range(at, at), preview: true });
}

export async function openLogUrl(url: string): Promise<void> {
  if (!isWebUrl(url)) return;
  try {
    // VS Code shows its own "Do you want to open the external website?" unless the user trusts the domain.
    await env.openExternal(Uri.parse(url, true));
  } catch (error) {
    void window.showErrorMessage(`Could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function workspaceFolderPaths(): Promise<string[]> {
  const folders = (workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  return Promise.all(folders.map((folder) => realpath(folder.uri.fsPath).catch(() => folder.uri.fsPath)));
}

/** The reference itself, when it is a path on this machine to a file inside the workspace. */
async function asWorkspaceFile(reference: string, folders: readonly string[]): Promise<string | undefined> {
  if (!path.isAbsolute(reference)) return undefined;
  const real = await realpath(reference).catch(() => undefined);
  return real !== undefined && isInsideAnyFolder(real, folders) ? real : undefined;
}

/** A workspace file of the same name (the closest by trailing folders); null when the user dismissed the pick. */
async function findByName(reference: string, folders: readonly string[]): Promise<string | undefined | null> {
  const name = pathSegments(reference).at(-1);
  if (name === undefined || !isPlainFileName(name)) return undefined;
  const found = await workspace.findFiles(`**/${name}`, undefined, MAX_CANDIDATES);
  const inside: string[] = [];
  for (const uri of found) {
    const real = await realpath(uri.fsPath).catch(() => undefined);
    if (real !== undefined && isInsideAnyFolder(real, folders)) inside.push(real);
  }
  const matches = bestMatches(reference, inside);
  if (matches.length <= 1) return matches[0];
  const picked = await window.showQuickPick(
    matches.map((file) => ({ label: workspace.asRelativePath(file), file })),
    { placeHolder: `Which file is ${reference}?` },
  );
  return picked ? picked.file : null;
}
