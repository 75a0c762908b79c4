// Applies edits computed by the pure functions in server/src/service/edits as ordinary editor edits: one
// undoable step on the document as it is in the editor, unsaved changes included. Nothing is saved, except a
// project file that had no unsaved changes (see `applyToProjectFile`).

import { Range, type TextDocument, WorkspaceEdit, window, workspace } from 'vscode';
import { type Cannot, type Edits, isCannot } from '../../../server/src/service/edits/editResult';
import type { TextEdit } from '../../../server/src/service/rules/types';
import { type TargetWebConfig, resolveTargetWebConfig } from '../targetWebConfig';
import { confirmWriteInRestrictedMode } from './restrictedMode';

export async function applyTextEdits(document: TextDocument, edits: readonly TextEdit[]): Promise<boolean> {
  const workspaceEdit = new WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(document.uri, new Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  }
  return workspace.applyEdit(workspaceEdit);
}

/**
 * The steps every web.config command shares: find the target, compute the edits (`compute` may ask the user
 * something first and return undefined when they dismiss it), confirm in Restricted Mode, apply, and show the
 * file so the change can be reviewed, saved or undone. A reason the edit cannot be made is shown as a warning.
 * Returns the target and the result once applied (also when there was nothing to change).
 */
export async function editWebConfig<Result extends Edits>(
  action: string,
  compute: (target: TargetWebConfig) => Result | Cannot | undefined | Thenable<Result | Cannot | undefined>,
): Promise<{ readonly target: TargetWebConfig; readonly result: Result } | undefined> {
  const target = await resolveTargetWebConfig();
  if (!target) return undefined;
  const result = await compute(target);
  if (!result) return undefined;
  if (isCannot(result)) {
    void window.showWarningMessage(`${action}: ${result.cannot}`);
    return undefined;
  }
  if (result.edits.length > 0) {
    if (!(await confirmWriteInRestrictedMode(`${action} in ${workspace.asRelativePath(target.document.uri)}`))) return undefined;
    if (!(await applyTextEdits(target.document, result.edits))) {
      void window.showErrorMessage(`${action}: VS Code could not apply the edit to ${workspace.asRelativePath(target.document.uri)}.`);
      return undefined;
    }
    if (!window.visibleTextEditors.some((editor) => editor.document === target.document)) await window.showTextDocument(target.document);
  }
  return { target, result };
}

/**
 * Edits a file the user did not have in front of them (the project file). Saved when it had no unsaved
 * changes, so it is not left dirty out of sight; otherwise left for the user to save with their own changes.
 */
export async function applyToProjectFile(document: TextDocument, edits: readonly TextEdit[]): Promise<boolean> {
  const hadUnsavedChanges = document.isDirty;
  if (!(await applyTextEdits(document, edits))) return false;
  return hadUnsavedChanges ? true : document.save();
}
