import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from './cursor';
import { check } from './rules/ruleKit';
import { applyEdits, getQuickFixes, planFixAll } from '../../server/src/service/codeActions';
import type { Issue } from '../../server/src/service/types';

function issue(start: number, end: number, fixes: Issue['fixes']): Issue {
  return { rule: 'test-rule', message: `at ${start}`, start, end, severity: 'warning', fixes };
}

describe('quick fixes', () => {
  const issues = [
    issue(0, 4, [{ title: 'A', edits: [{ start: 0, end: 4, newText: 'a' }], safe: true }]),
    issue(10, 12, [
      { title: 'B1', edits: [{ start: 10, end: 12, newText: 'b' }], safe: false },
      { title: 'B2', edits: [{ start: 10, end: 12, newText: 'bb' }], safe: false },
    ]),
  ];

  it('returns the fixes of the issues overlapping the range, preferring a lone or safe first fix', () => {
    assert.deepEqual(getQuickFixes(issues, 2, 2).map((fix) => [fix.title, fix.preferred]), [['A', true]]);
    assert.deepEqual(getQuickFixes(issues, 0, 20).map((fix) => [fix.title, fix.preferred]), [['A', true], ['B1', false], ['B2', false]]);
    assert.deepEqual(getQuickFixes(issues, 5, 9), []);
  });

  it('never prefers a clamp, even as the only fix of its issue', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" rapidFailsPerMinute="200" />');
    const [clamp] = check('invalid-number', text);
    assert.ok(clamp, 'rapidFailsPerMinute="200" is out of range');
    const lone = { ...clamp, fixes: clamp.fixes!.slice(-1) };
    assert.deepEqual(getQuickFixes([lone], clamp.start, clamp.end).map((fix) => [fix.title, fix.preferred]), [[lone.fixes[0].title, false]]);
  });
});

describe('fix all', () => {
  it('takes only safe fixes, skips one that overlaps an earlier edit, and applies them together', () => {
    const text = 'yes and 2097152 and FILE, TRACE';
    const issues = [
      issue(0, 3, [{ title: 'true', edits: [{ start: 0, end: 3, newText: 'true' }], safe: true }]),
      issue(1, 2, [{ title: 'overlapping', edits: [{ start: 1, end: 2, newText: 'X' }], safe: true }]),
      issue(8, 15, [{ title: 'hex', edits: [{ start: 8, end: 15, newText: '0x200000' }], safe: false }]),
      issue(20, 31, [{ title: 'normalize', edits: [{ start: 20, end: 31, newText: 'FILE,TRACE' }], safe: true }]),
    ];
    const plan = planFixAll(issues);
    assert.equal(applyEdits(text, plan.edits), 'true and 2097152 and FILE,TRACE');
    assert.deepEqual(plan.fixed.map((fixed) => fixed.start), [0, 20]);
  });

  it('treats two insertions at the same place as a conflict', () => {
    const issues = [
      issue(5, 5, [{ title: 'first', edits: [{ start: 5, end: 5, newText: '1' }], safe: true }]),
      issue(5, 5, [{ title: 'second', edits: [{ start: 5, end: 5, newText: '2' }], safe: true }]),
    ];
    assert.equal(applyEdits('abcdefgh', planFixAll(issues).edits), 'abcde1fgh');
  });
});
