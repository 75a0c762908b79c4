// Helpers for edit tests: apply a result's edits, and check what every edit must keep: edits never overlap
// (VS Code rejects overlapping edits), and well-formed XML stays well-formed.

import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { applyEdits } from '../../../server/src/service/codeActions';
import type { EditResult } from '../../../server/src/service/types';
import { isCannot } from '../../../server/src/service/edits/editResult';

/** The text after the result's edits; fails when the result is a "cannot". */
export function applyResult(text: string, result: EditResult): string {
  assert.ok(!isCannot(result), `expected edits, got: ${isCannot(result) ? result.cannot : ''}`);
  const sorted = [...result.edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].end <= sorted[i].start, 'edits overlap');
  const after = applyEdits(text, result.edits);
  if (XMLValidator.validate(text) === true) assert.equal(XMLValidator.validate(after), true, `the edit broke the XML:\n${after}`);
  return after;
}

/** The reason of a "cannot" result; fails when the result has edits. */
export function reasonOf(result: EditResult): string {
  assert.ok(isCannot(result), 'expected a reason, got edits');
  return result.cannot;
}

export function lines(...textLines: string[]): string {
  return textLines.join('\n');
}
