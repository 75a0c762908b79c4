import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LINE_LENGTH, displayLine, entryLines } from '../../../client/src/panel/web/displayText';
import { hasHiddenCharacter } from '../../../server/src/protocol/hiddenCharacters';

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

  it('shows invisible characters, which make two different lines look the same', () => {
    assert.equal(displayLine('admin\u200b'), 'admin<U+200B>');
    assert.equal(displayLine('a\u200cb\u200dc\u2060d\ufeffe\u00adf'), 'a<U+200C>b<U+200D>c<U+2060>d<U+FEFF>e<U+00AD>f');
    assert.equal(displayLine('tag\u{e0041}\u3164x'), 'tag<U+E0041><U+3164>x');
  });

  it('makes visible exactly the characters the server shows in hover and diagnostics', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (code === 0x1b) continue; // the start of an ANSI sequence, dropped with it when one follows
      const character = String.fromCodePoint(code);
      if ((displayLine(character) !== character) !== hasHiddenCharacter(character)) differ.push(`U+${code.toString(16).toUpperCase()}`);
    }
    assert.deepEqual(differ, []);
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
