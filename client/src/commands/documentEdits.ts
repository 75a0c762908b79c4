// Applies edits the language server computed (server/src/lsp/editRequests.ts) as ordinary editor edits: one
// undoable step on the document as it is in the editor, unsaved changes included. Nothing is saved, except a
// project file that had no unsaved changes (see `applyToProjectFile`).

import { Range, type TextDocument, WorkspaceEdit, window, workspace } from 'vscode';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { type WebConfigEditAction, type WebConfigEdits, isEditRefused } from '../../../server/src/protocol/edits';
import { MAX_EDIT_ATTEMPTS, type ServerRequests } from '../serverRequests';
import { type TargetWebConfig, resolveTargetWebConfig } from '../targetWebConfig';
import { confirmWriteInRestrictedMode } from './restrictedMode';

/**
 * Applies edits computed for `version` of the document. False when the document has moved on since (the ranges
 * would land in the wrong place) or VS Code refused the edit.
 */
export async function applyTextEdits(document: TextDocument, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  if (document.version !== version) return false;
  const workspaceEdit = new WorkspaceEdit();
  for (const { range, newText } of edits) {
    workspaceEdit.replace(document.uri, new Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
  }
  return workspace.applyEdit(workspaceEdit);
}

/**
 * Asks the server for the edit and applies it. The edit is asked again when the document changed between the
 * answer and the apply (say, while a confirmation was up), so what is applied always matches the text.
 * Undefined after telling the user why nothing was applied.
 */
async function askAndApply(server: ServerRequests, action: string, target: TargetWebConfig, request: WebConfigEditAction, beforeApply: () => Thenable<boolean>): Promise<WebConfigEdits | undefined> {
  const { document } = target;
  let confirmed = false;
  for (let attempt = 1; attempt <= MAX_EDIT_ATTEMPTS; attempt++) {
    const result = await server.computeEdit(document, request, target.cursor);
    if (isEditRefused(result)) {
      void window.showWarningMessage(`${action}: ${result.cannot}`);
      return undefined;
    }
    if (result.edits.length === 0) return result;
    if (!confirmed) {
      if (!(await beforeApply())) return undefined;
      confirmed = true;
    }
    if (await applyTextEdits(document, result.version, result.edits)) return result;
    if (document.version === result.version) {
      void window.showErrorMessage(`${action}: VS Code could not apply the edit to ${workspace.asRelativePath(document.uri)}.`);
      return undefined;
    }
  }
  void window.showWarningMessage(`${action}: ${workspace.asRelativePath(document.uri)} kept changing while the edit was computed. Run the command again.`);
  return undefined;
}

/**
 * The steps every web.config command shares: find the target, choose the request (`choose` may ask the user
 * something first and return undefined when they dismiss it), ask the server for the edit, confirm in Restricted
 * Mode, apply, and show the file so the change can be reviewed, saved or undone. A reason the edit cannot be made
 * is shown as a warning. Returns the target and the result once applied (also when there was nothing to change).
 */
export async function editWebConfig(
  server: ServerRequests,
  action: string,
  choose: (target: TargetWebConfig) => WebConfigEditAction | undefined | Thenable<WebConfigEditAction | undefined>,
): Promise<{ readonly target: TargetWebConfig; readonly result: WebConfigEdits } | undefined> {
  const target = await resolveTargetWebConfig();
  if (!target) return undefined;
  const request = await choose(target);
  if (!request) return undefined;
  const where = workspace.asRelativePath(target.document.uri);
  const result = await askAndApply(server, action, target, request, () => confirmWriteInRestrictedMode(`${action} in ${where}`));
  if (!result) return undefined;
  if (result.edits.length > 0 && !window.visibleTextEditors.some((editor) => editor.document === target.document)) await window.showTextDocument(target.document);
  return { target, result };
}

/** A follow-up edit of the same web.config (the V1 → V2 module switch), asked for its current text. */
export async function editWebConfigAgain(server: ServerRequests, action: string, target: TargetWebConfig, request: WebConfigEditAction): Promise<WebConfigEdits | undefined> {
  return askAndApply(server, action, target, request, async () => true);
}

/**
 * Edits a file the user did not have in front of them (the project file). Saved when it had no unsaved
 * changes, so it is not left dirty out of sight; otherwise left for the user to save with their own changes.
 */
export async function applyToProjectFile(document: TextDocument, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  const hadUnsavedChanges = document.isDirty;
  if (!(await applyTextEdits(document, version, edits))) return false;
  return hadUnsavedChanges ? true : document.save();
}
