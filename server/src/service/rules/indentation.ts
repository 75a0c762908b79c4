// Indentation of inserted lines: match what the file already uses, so fixes read like hand edits.

import type { XmlElement } from '../parse/xmlDocument';

/** The whitespace between the start of the element's line and the element. */
export function indentationOf(text: string, element: XmlElement): string {
  let lineStart = element.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  const before = text.slice(lineStart, element.start);
  return /^[ \t]*$/.test(before) ? before : '';
}

/** One level of indentation: the difference between a child's and its parent's, else two spaces. */
export function indentUnitOf(text: string, child: XmlElement): string {
  if (!child.parent) return '  ';
  const inner = indentationOf(text, child);
  const outer = indentationOf(text, child.parent);
  return inner.length > outer.length && inner.startsWith(outer) ? inner.slice(outer.length) : '  ';
}

/** The line break the file uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
