// Text from a log or a web.config value goes to a terminal (or a CI log that reads commands from its
// lines): a control character in it could move the cursor, retitle the window, hide or reorder what is
// shown (ESC and OSC sequences, CR, backspace, bidi overrides) or start a line of its own, and an
// invisible format character (a zero-width space, U+FEFF, a soft hyphen, a tag character) makes two
// different values look the same. Text output shows each as an escape instead, in one notation:
//   \r for a carriage return, \n for a line break where the format has none,
//   \xHH for the other C0 controls, DEL and the C1 controls (U+0080–U+009F),
//   \uHHHH (\u{HHHHH} beyond U+FFFF) for the format characters (Unicode category Cf: the bidi controls
//   U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, the zero-width U+200B–U+200D and U+2060, U+FEFF,
//   U+00AD, the tags U+E0000–U+E007F...) and the Hangul fillers that print as blanks (service/hiddenCharacters.ts).
// Tab stays, and so does a backslash (Windows paths are full of them): the escapes are for reading, and
// --format json is the exact record.

import { HIDDEN_CHARACTER_CLASS } from '../../protocol/hiddenCharacters';

const SINGLE_LINE = new RegExp(`[${HIDDEN_CHARACTER_CLASS}]`, 'gu');
/** The same class without the line feed. */
const KEEPING_LINE_BREAKS = new RegExp(`(?!\\n)[${HIDDEN_CHARACTER_CLASS}]`, 'gu');
/** What JSON.stringify leaves raw of the above (it escapes C0 itself). */
const RAW_IN_JSON = new RegExp(`(?![\\x00-\\x1f])[${HIDDEN_CHARACTER_CLASS}]`, 'gu');

export interface VisibleTextOptions {
  /** Keep line feeds: the format itself shows text over several lines (a log entry). Default false. */
  readonly lineBreaks?: boolean;
}

/** The text with every control and format character but tab (and line feed, when kept) written as an escape. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  return text.replace(options.lineBreaks ? KEEPING_LINE_BREAKS : SINGLE_LINE, escapeCharacter);
}

/**
 * JSON text with DEL, the C1 controls and the format characters written as `\uHHHH` escapes: the same string to a JSON
 * reader, inert in a terminal. (They can only occur inside strings, so the escapes are valid there.)
 */
export function jsonWithoutRawControls(json: string): string {
  // Beyond U+FFFF a character is two UTF-16 code units: JSON writes each as its own \uHHHH escape.
  return json.replace(RAW_IN_JSON, (character) => [...Array(character.length).keys()].map((index) => `\\u${hex(character.charCodeAt(index), 4)}`).join(''));
}

function escapeCharacter(character: string): string {
  if (character === '\r') return '\\r';
  if (character === '\n') return '\\n';
  const code = character.codePointAt(0)!;
  if (code <= 0x9f) return `\\x${hex(code, 2)}`;
  return code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 5)}}`;
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
