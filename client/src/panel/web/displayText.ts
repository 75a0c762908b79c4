// What a log line looks like on screen. Log text comes from HTTP requests and is hostile input: the panel
// only ever puts it into the DOM as textContent (never as markup), and this makes misleading characters
// visible: control characters become their Unicode control pictures (NUL shows as ␀), bidirectional
// controls, which can make a line read differently from what it holds, and invisible characters such as a
// zero-width space show as <U+202E>, <U+200B> (the notation of the hover and the diagnostics), ANSI colour
// sequences are dropped, and a very long line is cut so that one line cannot stall layout.

import { HIDDEN_CHARACTER_CLASS, codePointName } from '../../../../server/src/protocol/hiddenCharacters';

/** Characters shown of one line; the raw file has the rest. */
export const MAX_LINE_LENGTH = 2000;

const ANSI_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]/g;
// The characters the whole tool makes visible (protocol/hiddenCharacters.ts), the same in hover and diagnostics.
const HIDDEN_CHARACTER = new RegExp(`[${HIDDEN_CHARACTER_CLASS}]`, 'gu');

/** One line as displayed. */
export function displayLine(line: string): string {
  const cut = line.length > MAX_LINE_LENGTH;
  const head = cut ? line.slice(0, endOfCut(line)) : line;
  const shown = head.replace(ANSI_SEQUENCE, '').replace(HIDDEN_CHARACTER, visibleForm);
  return cut ? `${shown} … (${(line.length - head.length).toLocaleString('en-US')} more characters)` : shown;
}

/** The physical lines of an entry (the server joins them with `\n`). */
export function entryLines(text: string): string[] {
  return text.split(/\r?\n/);
}

// Never cut between the two halves of a surrogate pair.
function endOfCut(line: string): number {
  const code = line.charCodeAt(MAX_LINE_LENGTH - 1);
  return code >= 0xd800 && code <= 0xdbff ? MAX_LINE_LENGTH - 1 : MAX_LINE_LENGTH;
}

function visibleForm(character: string): string {
  const code = character.codePointAt(0)!;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codePointName(character);
}
