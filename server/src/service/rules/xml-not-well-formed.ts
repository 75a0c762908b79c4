// IIS reads web.config with a strict XML parser: a file that is not well-formed fails every request
// with HTTP 500.19 ("Configuration file is not well-formed XML"). fast-xml-parser's validator finds
// the first such error and its position. On a large file it costs as much as a full parse and tens of
// megabytes of garbage per keystroke, so there it runs only when the tolerant scan met something
// suspect; a small file is always validated.

import { XMLValidator } from 'fast-xml-parser';
import type { Rule } from './types';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
/** Up to this size (UTF-16 code units) every validation runs the validator. Typical web.config files are a few KB. */
const ALWAYS_VALIDATE_BELOW = 256 * 1024;

export const xmlNotWellFormedRule: Rule = {
  id: 'xml-not-well-formed',
  description: 'The file is not well-formed XML, so IIS rejects it with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: WEB_CONFIG_DOCS,
  check(document) {
    const { text } = document;
    if (text.trim() === '') return [];
    if (text.length > ALWAYS_VALIDATE_BELOW && !document.xml.suspect) return [];
    const result = XMLValidator.validate(text);
    if (result === true) {
      // The validator accepts several root elements; IIS does not.
      const [, second] = document.xml.roots;
      if (!second) return [];
      return [{ message: `Not well-formed XML: a second root element <${second.name}>; only <configuration> may be at the top. IIS rejects the whole file with HTTP 500.19.`, start: second.nameStart, end: second.nameEnd }];
    }
    const { msg, line, col } = result.err;
    // The validator leaves out the line or column for some errors: fall back to the start.
    const start = offsetOf(text, Number.isInteger(line) ? line : 1, Number.isInteger(col) ? col : 1);
    return [{ message: `Not well-formed XML: ${msg} IIS rejects the whole file with HTTP 500.19.`, start, end: tokenEnd(text, start) }];
  },
};

/** The offset of a 1-based line and column, clamped into the text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/** The end of the word at the offset, so the squiggle covers something visible. */
function tokenEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < 80 && !/[\s<>]/.test(text[end])) end++;
  return end > start ? end : Math.min(start + 1, text.length);
}
