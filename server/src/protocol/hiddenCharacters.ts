// Characters that change how text reads without showing themselves: controls (Cc: NUL, ESC, CR, LF...),
// format characters (Cf: the bidi embeddings, overrides, isolates and marks that "Trojan Source" attacks
// use, zero-width spaces and joiners, U+FEFF, the soft hyphen, tag characters) and the Hangul fillers that
// render as blanks. A web.config value or a log line holding one can read as something else than what
// IIS, ANCM or the app sees, so wherever such text is shown it is shown with these made visible, as VS
// Code's editor does with `editor.renderControlCharacters` and its Unicode highlighting.
// The log panel's web side keeps its own copy of this class (it may import only the protocol), and a
// test checks that the two agree.

/** The class, for a RegExp with the `u` flag. Tab is left out: it is plain whitespace. */
export const HIDDEN_CHARACTER_CLASS = '\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\p{Cf}\\u115f\\u1160\\u3164\\uffa0';

const HIDDEN_CHARACTER = new RegExp(`[${HIDDEN_CHARACTER_CLASS}]`, 'gu');
const HAS_HIDDEN_CHARACTER = new RegExp(`[${HIDDEN_CHARACTER_CLASS}]`, 'u');

/** `<U+202E>`: the notation of the whole tool (hover, diagnostics, the log panel). */
export function codePointName(character: string): string {
  return `<U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function hasHiddenCharacter(text: string): boolean {
  return HAS_HIDDEN_CHARACTER.test(text);
}

/** Plain text (a diagnostic message): every hidden character written as `<U+XXXX>`. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTER, codePointName);
}

/**
 * Splits a text into runs of ordinary text and single hidden characters, so that a renderer can style the
 * hidden ones differently from ordinary text that happens to read `<U+202E>`.
 */
export function splitHiddenCharacters(text: string): { readonly text: string; readonly hidden: boolean }[] {
  const parts: { text: string; hidden: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN_CHARACTER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), hidden: false });
    parts.push({ text: match[0], hidden: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hidden: false });
  return parts;
}
