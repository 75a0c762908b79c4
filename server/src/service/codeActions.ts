// Quick fixes and "fix all" from validation issues. Pure: edits are document offsets.

import type { Fix, Issue, TextEdit } from './types';

export interface QuickFix {
  readonly title: string;
  readonly issue: Issue;
  readonly fix: Fix;
  /** The fix an editor may apply with one keystroke: the only fix of its issue, or the first of a safe set; never a clamp. */
  readonly preferred: boolean;
}

/** The fixes of every issue that overlaps [start, end]. */
export function getQuickFixes(issues: readonly Issue[], start: number, end: number): QuickFix[] {
  const result: QuickFix[] = [];
  for (const issue of issues) {
    if (issue.end < start || issue.start > end) continue;
    const fixes = issue.fixes ?? [];
    fixes.forEach((fix, index) => result.push({ title: fix.title, issue, fix, preferred: fix.preferred !== false && index === 0 && (fixes.length === 1 || fix.safe) }));
  }
  return result;
}

export interface FixAllPlan {
  /** Non-overlapping edits, in document order. */
  readonly edits: TextEdit[];
  /** The issues those edits repair. */
  readonly fixed: Issue[];
}

/**
 * Every safe fix, as one set of edits that do not overlap: when two fixes touch the same text, the one
 * for the earlier issue wins and the other waits for the next pass.
 */
export function planFixAll(issues: readonly Issue[]): FixAllPlan {
  const edits: TextEdit[] = [];
  const fixed: Issue[] = [];
  for (const issue of issues) {
    const fix = issue.fixes?.find((candidate) => candidate.safe);
    if (!fix) continue;
    if (fix.edits.some((edit) => edits.some((other) => overlaps(edit, other)))) continue;
    edits.push(...fix.edits);
    fixed.push(issue);
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}

/** Edits conflict when their ranges intersect, or when both start at the same place (two insertions). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** A name followed by `=` and a quote: the text writes an attribute. */
const ATTRIBUTE_ASSIGNMENT = /[^\s<>"'=]\s*=\s*["']/;

/**
 * Whether the fix inserts an element or an attribute: one of its edits writes markup (`<`) or a whole
 * `name="…"` pair. Renames, value changes and removals do not.
 */
export function insertsMarkup(fix: Fix): boolean {
  return fix.edits.some((edit) => edit.newText.includes('<') || ATTRIBUTE_ASSIGNMENT.test(edit.newText));
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
