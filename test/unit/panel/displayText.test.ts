import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LINE_LENGTH, displayLine, entryLines } from '../../../client/src/panel/web/displayText';

describe('display text', () => {
  it('leaves ordinary text, markup-looking text and entities exactly as written', () => {
    for (const text of ['info: Application started.', '<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', '&lt;b&gt; &amp;', 'tab\tseparated']) {
      assert.equal(displayLine(text), text);
    }
  });

  it('shows control characters as control pictures', () => {
    assert.equal(displayLine('a\0b'), 'a\u2400b');
    assert.equal(displayLine('bell\x07 esc\x1b del\x7f'), 'bell\u2407 esc\u241b del\u2421');
    assert.equal(displayLine('carriage\rreturn'), 'carriage\u240dreturn');
    assert.equal(displayLine('next\u0085line'), 'next<U+0085>line');
  });

  it('shows bidirectional controls, which could make a line read differently from what it holds', () => {
    assert.equal(displayLine('user\u202Egnp.exe'), 'user<U+202E>gnp.exe');
    assert.equal(displayLine('\u2066isolate\u2069'), '<U+2066>isolate<U+2069>');
  });

  it('drops ANSI colour sequences', () => {
    assert.equal(displayLine('\x1b[40m\x1b[32minfo\x1b[39m\x1b[22m\x1b[49m: started'), 'info: started');
  });

  it('cuts a very long line and says how much is left', () => {
    const line = 'x'.repeat(1_000_000);
    const shown = displayLine(line);
    assert.ok(shown.length < MAX_LINE_LENGTH + 50);
    assert.ok(shown.endsWith(`… (${(1_000_000 - MAX_LINE_LENGTH).toLocaleString('en-US')} more characters)`));
  });

  it('never cuts a surrogate pair in half', () => {
    const line = `${'x'.repeat(MAX_LINE_LENGTH - 1)}😀${'y'.repeat(10)}`;
    const shown = displayLine(line);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(shown));
  });

  it('splits an entry into its lines', () => {
    assert.deepEqual(entryLines('first\r\nsecond\nthird'), ['first', 'second', 'third']);
    assert.deepEqual(entryLines('one line'), ['one line']);
  });
});
