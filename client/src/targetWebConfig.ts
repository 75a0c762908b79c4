// Which web.config a command works on: the active editor's when it is one (with the cursor, so the section
// under it can be targeted), else the only web.config in the workspace, else the one the user picks.
// Only plain web.config files are searched for: a web.*.config transform is what publish applies, not what
// IIS reads, so it is a target only when the user has it open.

import { type DocumentFilter, type TextDocument, type Uri, languages, window, workspace } from 'vscode';
import type { Position } from 'vscode-languageserver-protocol';
import { WEB_CONFIG_GLOBS } from './documentSelector';

export interface TargetWebConfig {
  readonly document: TextDocument;
  /** The cursor (as plain LSP data) when the command runs on the active editor; undefined for a file found in the workspace. */
  readonly cursor: Position | undefined;
}

const WEB_CONFIG_FILTERS: DocumentFilter[] = WEB_CONFIG_GLOBS.map((pattern) => ({ pattern }));

export function isWebConfig(document: TextDocument): boolean {
  return languages.match(WEB_CONFIG_FILTERS, document) > 0;
}

/** The target, or undefined when there is none or the user dismissed the pick (already told why). */
export async function resolveTargetWebConfig(): Promise<TargetWebConfig | undefined> {
  const editor = window.activeTextEditor;
  if (editor && isWebConfig(editor.document)) {
    const { line, character } = editor.selection.active;
    return { document: editor.document, cursor: { line, character } };
  }
  const uri = await findWebConfig();
  return uri ? { document: await workspace.openTextDocument(uri), cursor: undefined } : undefined;
}

async function findWebConfig(): Promise<Uri | undefined> {
  // Default excludes (files.exclude) apply; packages under node_modules never hold the site's web.config.
  const found = (await workspace.findFiles(WEB_CONFIG_GLOBS[0])).filter((uri) => !uri.path.includes('/node_modules/'));
  if (found.length === 0) {
    void window.showInformationMessage('No web.config found in this workspace. Open a web.config and run the command again.');
    return undefined;
  }
  if (found.length === 1) return found[0];
  const items = found.map((uri) => ({ label: workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label));
  const picked = await window.showQuickPick(items, { placeHolder: 'Which web.config?' });
  return picked?.uri;
}
