// Indentation of inserted lines: match what the file already uses, so fixes read like hand edits.

import type { XmlElement } from '../parse/xmlDocument';

/** The whitespace between the start of the element's line and the element. */
export function indentationOf(text: string, element: XmlElement): string {
  const before = text.slice(lineStartOf(text, element.start), element.start);
  return /^[ \t]*$/.test(before) ? before : '';
}

/**
 * Whether a line break ends just before the offset. A lone CR counts: XML reads it as a line break (XML 1.0
 * section 2.11, "End-of-Line Handling"), and `ancm check --fix` edits such files as they are on disk.
 */
export function followsLineBreak(text: string, offset: number): boolean {
  const previous = text[offset - 1];
  return previous === '\n' || previous === '\r';
}

/** Where the offset's line starts: after the last LF, CRLF or lone CR before it. */
export function lineStartOf(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart > 0 && !followsLineBreak(text, lineStart)) lineStart--;
  return lineStart;
}

/** One level of indentation: the difference between a child's and its parent's, else two spaces. */
export function indentUnitOf(text: string, child: XmlElement): string {
  if (!child.parent) return '  ';
  const inner = indentationOf(text, child);
  const outer = indentationOf(text, child.parent);
  return inner.length > outer.length && inner.startsWith(outer) ? inner.slice(outer.length) : '  ';
}

/**
 * The line break the file uses most: CRLF, LF, or a lone CR (classic Mac OS files), so that inserted lines
 * match their neighbours; LF for a file of one line. A file that mixes them gets the most common one (VS
 * Code's text buffer counts too, in pieceTreeTextBufferBuilder.ts `_getEOL`, though it writes only LF or CRLF).
 */
export function lineBreakOf(text: string): string {
  // Every insertion fix asks, and a large file has many: the text's answer is counted once.
  if (lastCounted?.text !== text) lastCounted = { text, lineBreak: countLineBreaks(text) };
  return lastCounted.lineBreak;
}

let lastCounted: { readonly text: string; readonly lineBreak: string } | undefined;

function countLineBreaks(text: string): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let index = text.indexOf('\r'); index >= 0; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) === 0x0a) crlf++;
    else cr++;
  }
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lf++;
  lf -= crlf;
  if (crlf === 0 && cr === 0) return '\n';
  if (crlf >= cr && crlf >= lf) return '\r\n';
  return cr > lf ? '\r' : '\n';
}
