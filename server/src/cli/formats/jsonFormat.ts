// `--format json`: one document with every file's findings and the totals.

import type { CheckedFile } from '../checkFiles';
import type { CheckTotals } from './textFormat';
import { jsonWithoutRawControls } from './visibleText';

export function formatJson(files: readonly CheckedFile[], totals: CheckTotals): string {
  return jsonWithoutRawControls(JSON.stringify({ files: files.map(({ path, issues, fixed, fixSkipped }) => ({ path, issues, fixed, ...(fixSkipped !== undefined && { fixSkipped }) })), totals }, null, 2));
}
