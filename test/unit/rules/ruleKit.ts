// Helpers for rule tests: run one rule, apply a fix, and check that a fix really repairs the text.

import assert from 'node:assert/strict';
import { isWellFormedXml } from '../../../server/src/service/parse/strictXml';
import { findRule } from '../../../server/src/service/rules/registry';
import type { Fix, Issue } from '../../../server/src/service/types';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';

/** The issues one rule reports on the text (through the runner, so transforms and severities apply). */
export function check(ruleId: string, text: string): Issue[] {
  const rule = findRule(ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const { issues, failures } = doValidation(parseWebConfig(text), {}, [rule]);
  assert.deepEqual(failures, [], `rule ${ruleId} threw`);
  for (const issue of issues) assertMessageShape(issue);
  return issues;
}

/**
 * The most characters a message may have. A Problems row shows about 120-160 before it truncates, so a message
 * leads with the problem, then the consequence and at most a short fix; this bound catches a paragraph.
 */
export const MAX_MESSAGE_LENGTH = 200;

/** A message fits a Problems row: short, and led by the problem rather than by the consequence. */
export function assertMessageShape(issue: Issue): void {
  assert.ok(
    issue.message.length <= MAX_MESSAGE_LENGTH,
    `${issue.rule}: a message of ${issue.message.length} characters (at most ${MAX_MESSAGE_LENGTH}): ${issue.message}`,
  );
  assert.doesNotMatch(issue.message, /^IIS rejects the file/, `${issue.rule}: lead with the problem, not the consequence: ${issue.message}`);
}

/** The text each issue marks. */
export function marked(text: string, issues: readonly Issue[]): string[] {
  return issues.map((issue) => text.slice(issue.start, issue.end));
}

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/**
 * Applies the issue's fix (the one titled, or the only one) and asserts what every fix must do: the
 * result is well-formed XML when the input was, and the rule no longer reports that issue. Returns the text.
 */
export function applyAndRecheck(ruleId: string, text: string, issue: Issue, title?: string): string {
  const fixes = issue.fixes ?? [];
  const fix = title === undefined ? fixes[0] : fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix${title ? ` titled "${title}"` : ''} among: ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  const fixed = applyFix(text, fix);
  if (isWellFormedXml(text)) assert.ok(isWellFormedXml(fixed), `fix "${fix.title}" broke the XML:\n${fixed}`);
  const remaining = check(ruleId, fixed).filter((after) => after.message === issue.message);
  assert.deepEqual(remaining, [], `fix "${fix.title}" did not remove the issue:\n${fixed}`);
  return fixed;
}
