// Restricted Mode: the workspace is not trusted, so ANCM Tools asks before it changes or writes files there
// (package.json declares this as limited support for untrusted workspaces).

import { window, workspace } from 'vscode';

export const RESTRICTED_MODE_DETAIL = 'This workspace is in Restricted Mode. ANCM Tools asks before it changes files in a workspace you have not trusted.';

/** True when writing may go ahead: the workspace is trusted, or the user agreed to `action`. */
export async function confirmWriteInRestrictedMode(action: string): Promise<boolean> {
  if (workspace.isTrusted) return true;
  const proceed = 'Continue';
  const choice = await window.showWarningMessage(
    `${action}?`,
    { modal: true, detail: RESTRICTED_MODE_DETAIL },
    proceed,
  );
  return choice === proceed;
}
