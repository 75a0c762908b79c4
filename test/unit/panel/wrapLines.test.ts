import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wrapLine } from '../../../client/src/panel/web/wrapLines';

function rows(text: string, columns: number): string[] {
  const starts = wrapLine(text, columns);
  return starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length));
}

describe('wrapping a line', () => {
  it('keeps a line that fits, or any line when the width is unknown', () => {
    assert.deepEqual(rows('short', 10), ['short']);
    assert.deepEqual(rows('x'.repeat(50), Number.POSITIVE_INFINITY), ['x'.repeat(50)]);
  });

  it('breaks at a space in the second half of a row, else at the width', () => {
    assert.deepEqual(rows('Request finished in 12 ms', 12), ['Request ', 'finished in ', '12 ms']);
    assert.deepEqual(rows('abcdefghijklmnop', 5), ['abcde', 'fghij', 'klmno', 'p']);
  });

  it('never splits a surrogate pair', () => {
    const pieces = rows(`abcd😀efgh`, 5);
    assert.deepEqual(pieces, ['abcd', '😀efg', 'h']);
  });
});
