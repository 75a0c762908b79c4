// Text from a log or a web.config value goes to a terminal (or a CI log that reads commands from its
// lines): a control character in it could move the cursor, retitle the window, hide or reorder what is
// shown (ESC and OSC sequences, CR, backspace, bidi overrides) or start a line of its own. Text output
// shows each as an escape instead, in one notation:
//   \r for a carriage return, \n for a line break where the format has none,
//   \xHH for the other C0 controls, DEL and the C1 controls (U+0080–U+009F),
//   \uHHHH for the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
// Tab stays, and so does a backslash (Windows paths are full of them): the escapes are for reading, and
// --format json is the exact record.

const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const SINGLE_LINE = new RegExp(`[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`, 'g');
const KEEPING_LINE_BREAKS = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`, 'g');
/** What JSON.stringify leaves raw of the above (it escapes C0 itself). */
const RAW_IN_JSON = new RegExp(`[\\x7f-\\x9f${BIDI_CONTROLS}]`, 'g');

export interface VisibleTextOptions {
  /** Keep line feeds: the format itself shows text over several lines (a log entry). Default false. */
  readonly lineBreaks?: boolean;
}

/** The text with every control character but tab (and line feed, when kept) written as an escape. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  return text.replace(options.lineBreaks ? KEEPING_LINE_BREAKS : SINGLE_LINE, escapeCharacter);
}

/**
 * JSON text with DEL, the C1 and the bidi controls written as `\uHHHH` escapes: the same string to a JSON
 * reader, inert in a terminal. (They can only occur inside strings, so the escapes are valid there.)
 */
export function jsonWithoutRawControls(json: string): string {
  return json.replace(RAW_IN_JSON, (character) => `\\u${hex(character, 4)}`);
}

function escapeCharacter(character: string): string {
  if (character === '\r') return '\\r';
  if (character === '\n') return '\\n';
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`;
}

function hex(character: string, digits: number): string {
  return character.charCodeAt(0).toString(16).padStart(digits, '0');
}
