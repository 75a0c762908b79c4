import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHighlighter } from '../../../client/src/panel/web/highlight';

describe('filter highlighting', () => {
  it('marks a plain filter case-insensitively, its regex characters as themselves', () => {
    const highlight = createHighlighter('a.b', false)!;
    assert.deepEqual(highlight('A.B axb a.b'), [{ start: 0, end: 3 }, { start: 8, end: 11 }]);
  });

  it('marks a regular expression case-insensitively, and never an empty match', () => {
    const highlight = createHighlighter('fail(ed)?|x*', true)!;
    assert.deepEqual(highlight('Failed: xx'), [{ start: 0, end: 6 }, { start: 8, end: 10 }]);
  });

  it('marks nothing without filter text or with an expression that does not compile', () => {
    assert.equal(createHighlighter('', false), undefined);
    assert.equal(createHighlighter('(unclosed', true), undefined);
  });

  it('stops at a bound on a long line full of matches', () => {
    assert.equal(createHighlighter('a', false)!('a'.repeat(100_000)).length, 500);
  });
});
