import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonWithoutRawControls, visibleText } from '../../server/src/cli/formats/visibleText';

/** Every character a terminal or a CI log could act on, as the tests below expect it shown. */
const CONTROLS: [raw: string, shown: string][] = [
  ['\x1b', '\\x1b'], ['\x00', '\\x00'], ['\x07', '\\x07'], ['\b', '\\x08'], ['\x0b', '\\x0b'], ['\f', '\\x0c'], ['\r', '\\r'],
  ['\x1f', '\\x1f'], ['\x7f', '\\x7f'], ['\x80', '\\x80'], ['\x85', '\\x85'], ['\x9b', '\\x9b'], ['\x9d', '\\x9d'], ['\x9f', '\\x9f'],
  ['\u061c', '\\u061c'], ['\u200e', '\\u200e'], ['\u200f', '\\u200f'], ['\u202a', '\\u202a'], ['\u202e', '\\u202e'],
  ['\u2066', '\\u2066'], ['\u2069', '\\u2069'],
  // Invisible format characters: zero-width space, non-joiner and joiner, word joiner, BOM, soft hyphen,
  // Mongolian vowel separator, interlinear annotation, a tag character, and a Hangul filler.
  ['\u200b', '\\u200b'], ['\u200c', '\\u200c'], ['\u200d', '\\u200d'], ['\u2060', '\\u2060'], ['\ufeff', '\\ufeff'],
  ['\u00ad', '\\u00ad'], ['\u180e', '\\u180e'], ['\ufff9', '\\ufff9'], ['\u{e0041}', '\\u{e0041}'], ['\u3164', '\\u3164'],
];

describe('visibleText', () => {
  it('shows every control character as an escape', () => {
    for (const [raw, shown] of CONTROLS) assert.equal(visibleText(`a${raw}b`), `a${shown}b`, JSON.stringify(raw));
  });

  it('shows a whole escape sequence inert: colour, OSC title, cursor movement', () => {
    assert.equal(visibleText('\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b[2A'), '\\x1b[31mred\\x1b[0m \\x1b]0;owned\\x07 \\x1b[2A');
  });

  it('keeps tab, printable text and backslashes as they are', () => {
    const text = 'C:\\inetpub\\logs\\stdout\tÉCHEC σας ошибка 失败 \u00a0\u00e9 \u2028';
    assert.equal(visibleText(text), text);
  });

  it('keeps line feeds where the format shows several lines, and escapes a lone or paired CR', () => {
    assert.equal(visibleText('one\ntwo\r\nthree\rfour', { lineBreaks: true }), 'one\ntwo\\r\nthree\\rfour');
    assert.equal(visibleText('one\ntwo'), 'one\\ntwo');
  });

  it('escapes in JSON what JSON.stringify leaves raw, and the value reads back the same', () => {
    const value = { text: CONTROLS.map(([raw]) => raw).join('|') + ' é ✓' };
    const json = jsonWithoutRawControls(JSON.stringify(value));
    assert.doesNotMatch(json, /[\x00-\x1f\x7f-\x9f\p{Cf}\u3164]/u);
    assert.match(json, /\\udb40\\udc41/);
    assert.match(json, /\\u202e/);
    assert.match(json, / é ✓/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
