// IIS's configuration system parses web.config with a strict, namespace-aware XML parser: a file that is
// not well-formed fails every request with HTTP 500.19 ("Configuration file is not well-formed XML", error
// 0x8007000d). Windows' XML parsers (XmlLite, MSXML 6) and .NET's XmlReader, which read the same files
// for System.Configuration, all apply Namespaces in XML 1.0 by default, so an undeclared prefix (`xdt:`
// without `xmlns:xdt`) is reported like any other well-formedness error. parse/strictXml.ts finds each
// error at its place.
//
// Fixes only where the repair is certain: a bare `&` becomes `&amp;` and an HTML entity its numeric
// reference (both keep the text IIS would have read had it been escaped); text before the XML declaration
// is removed. Separating a comment's `--`, removing a repeated attribute, removing a declaration that follows
// other markup and escaping the `&` of an entity name HTML does not know are offered, never applied
// unreviewed: which attribute the user meant, or what `&ss;` was meant to be, is theirs.
//
// The strict parse costs about as much as a full parse, so on a large file it runs only when the tolerant
// scan met something suspect (XmlDocument.suspect); a small file is always checked.

import { htmlEntityCodePoint } from '../parse/htmlEntities';
import { type StrictXmlError, findStrictXmlErrors } from '../parse/strictXml';
import type { WebConfigDocument } from '../webConfig';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
/** Up to this size (UTF-16 code units) every validation runs the strict check. Typical web.config files are a few KB. */
const ALWAYS_VALIDATE_BELOW = 256 * 1024;
const CONSEQUENCE = 'IIS rejects the file (HTTP 500.19).';

export const xmlNotWellFormedRule: Rule = {
  id: 'xml-not-well-formed',
  description: 'The file is not well-formed XML, so IIS rejects it with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: WEB_CONFIG_DOCS,
  check(document) {
    return wellFormednessFindings(document);
  },
};

const findingsByDocument = new WeakMap<WebConfigDocument, Finding[]>();

/** Whether IIS's parser would accept the document (computed once per parsed document). */
export function isWellFormed(document: WebConfigDocument): boolean {
  return wellFormednessFindings(document).length === 0;
}

function wellFormednessFindings(document: WebConfigDocument): Finding[] {
  let findings = findingsByDocument.get(document);
  if (!findings) {
    findings = computeFindings(document);
    findingsByDocument.set(document, findings);
  }
  return findings;
}

function computeFindings(document: WebConfigDocument): Finding[] {
  const { text } = document;
  if (text.trim() === '' || text === '\uFEFF') return [];
  if (text.length > ALWAYS_VALIDATE_BELOW && !document.xml.suspect) return [];
  return findStrictXmlErrors(text).map((error) => toFinding(document, error));
}

function toFinding(document: WebConfigDocument, error: StrictXmlError): Finding {
  const { text } = document;
  switch (error.kind) {
    case 'bare-ampersand':
      return {
        message: `Bare '&'${error.detail === 'value' ? ' in a value' : ''}: write '&amp;'. ${CONSEQUENCE}`,
        start: error.start,
        end: error.end,
        fixes: [{ title: "Escape it as '&amp;'", safe: true, edits: [{ start: error.start, end: error.end, newText: '&amp;' }] }],
      };
    case 'undefined-entity': {
      const codePoint = htmlEntityCodePoint(error.detail);
      if (codePoint === undefined) {
        // Most often a literal `&` that happens to precede a name and `;` (`Password=p&ss;`): offered, not applied.
        return {
          message: `Entity '&${error.detail};' is not defined in XML (only &amp; &lt; &gt; &quot; &apos;). ${CONSEQUENCE}`,
          start: error.start,
          end: error.end,
          fixes: [{ title: `Escape the '&' ('&amp;${error.detail};')`, safe: false, edits: [{ start: error.start, end: error.start + 1, newText: '&amp;' }] }],
        };
      }
      const reference = `&#${codePoint};`;
      return {
        message: `HTML entity '&${error.detail};' is not XML: write '${reference}'. ${CONSEQUENCE}`,
        start: error.start,
        end: error.end,
        fixes: [{ title: `Write it as '${reference}'`, safe: true, edits: [{ start: error.start, end: error.end, newText: reference }] }],
      };
    }
    case 'double-hyphen-in-comment': {
      const hyphens = error.detail;
      // A run of hyphens at the comment's end also needs a space before its closing `-->`.
      const atCommentEnd = error.end > error.start + hyphens.length;
      const separated = hyphens.split('').join(' ') + (atCommentEnd ? ' ' : '');
      const message = hyphens.length === 1
        ? `Comment ends in '--->': XML comments may not end with '-'. ${CONSEQUENCE}`
        : `'--' inside a comment: XML forbids it. ${CONSEQUENCE}`;
      return {
        message,
        start: error.start,
        end: error.end,
        fixes: [{ title: hyphens.length === 1 ? "Put a space before '-->'" : `Separate the hyphens ('${separated.trimEnd()}')`, safe: false, edits: [{ start: error.start, end: error.start + hyphens.length, newText: separated }] }],
      };
    }
    case 'declaration-not-first': {
      const prefixStart = error.prefixStart ?? 0;
      if (error.prefixHasMarkup) {
        return {
          message: `XML declaration after other content: it may only open the file. ${CONSEQUENCE}`,
          start: error.start,
          end: Math.min(error.start + 5, error.end),
          fixes: [{ title: 'Remove the XML declaration', safe: false, edits: [{ start: error.start, end: error.end, newText: '' }] }],
        };
      }
      const prefix = text.slice(prefixStart, error.start);
      const visibleStart = prefixStart + (prefix.length - prefix.trimStart().length);
      const visibleEnd = prefixStart + prefix.trimEnd().length;
      const marksText = visibleEnd > visibleStart;
      return {
        message: `${marksText ? 'Text' : 'Whitespace'} before the XML declaration: it must open the file. ${CONSEQUENCE}`,
        start: marksText ? visibleStart : error.start,
        end: marksText ? visibleEnd : Math.min(error.start + 5, error.end),
        fixes: [{ title: `Remove the ${marksText ? 'text' : 'whitespace'} before the XML declaration`, safe: true, edits: [{ start: prefixStart, end: error.start, newText: '' }] }],
      };
    }
    case 'duplicate-attribute': {
      const fixes: Fix[] = error.removeStart === undefined || error.removeEnd === undefined
        ? []
        : [{ title: `Remove the later '${error.detail}'`, safe: false, edits: [{ start: error.removeStart, end: error.removeEnd, newText: '' }] }];
      return { message: `Attribute '${error.detail}' repeated: an element may have each attribute once. ${CONSEQUENCE}`, start: error.start, end: error.end, fixes };
    }
    case 'undeclared-prefix':
      if (error.detail.endsWith('=')) {
        return { message: `'${text.slice(error.start, error.end)}=""' unbinds a prefix, which XML 1.0 namespaces forbid. ${CONSEQUENCE}`, start: error.start, end: error.end };
      }
      return { message: `Namespace prefix '${error.detail}:' is not declared: add xmlns:${error.detail} to an enclosing element. ${CONSEQUENCE}`, start: error.start, end: error.end };
    case 'unterminated':
      return { message: `Unclosed ${error.detail}: it runs to the end of the file. ${CONSEQUENCE}`, start: error.start, end: error.end };
    case 'parser':
      return parserFinding(document, error);
  }
}

/** saxes's message, led by the problem, at the character or tag it names. */
function parserFinding(document: WebConfigDocument, error: StrictXmlError): Finding {
  const { text } = document;
  const at = error.start;
  const message = error.detail;
  const char = text.charAt(at);
  if (message === 'disallowed character.') {
    if (char === '<') return { message: `'<' in an attribute value (or a value left unclosed): write '&lt;' or close the quote. ${CONSEQUENCE}`, start: at, end: at + 1 };
    const codePoint = text.codePointAt(at) ?? 0;
    const unit = codePoint > 0xffff ? 2 : 1;
    return { message: `Character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML. ${CONSEQUENCE}`, start: at, end: Math.min(at + unit, text.length) };
  }
  if (message === 'malformed character entity.') {
    const amp = text.lastIndexOf('&', at);
    return { message: `Character reference '${text.slice(amp, at + 1)}' names a character XML does not allow. ${CONSEQUENCE}`, start: amp, end: at + 1 };
  }
  if (message.startsWith('the string "]]>"')) {
    const start = Math.max(text.lastIndexOf(']]>', at), 0);
    return { message: `']]>' in text: write ']]&gt;'. ${CONSEQUENCE}`, start, end: start + 3 };
  }
  if (message === 'documents may contain only one root.') {
    const second = document.xml.roots[1];
    if (second) return { message: `A second root element <${second.name}>: only <configuration> may be at the top. ${CONSEQUENCE}`, start: second.nameStart, end: second.nameEnd };
  }
  const unclosed = /^unclosed tag: (.*)$/.exec(message);
  if (unclosed) {
    const element = [...document.xml.elements].reverse().find((candidate) => candidate.name === unclosed[1] && !candidate.selfClosing && candidate.endTag?.closed !== true);
    if (element) return { message: `Element <${element.name}> is never closed. ${CONSEQUENCE}`, start: element.nameStart, end: element.nameEnd };
  }
  if (message === 'text data outside of root node.') {
    let start = Math.min(at, text.length - 1);
    while (start > 0 && text.charAt(start - 1) !== '>') start--;
    while (start < text.length && /\s/.test(text.charAt(start))) start++;
    return { message: `Text outside the root element: only comments and whitespace may stand there. ${CONSEQUENCE}`, start, end: tokenEnd(text, start) };
  }
  const start = tagStartBefore(text, at);
  const end = tokenEnd(text, start);
  const closeTag = /^(unexpected close tag|unmatched closing tag: .*)\.$/.test(message);
  if (closeTag) return { message: `End tag </${text.slice(start, nameEnd(text, start))}> does not match the element it closes. ${CONSEQUENCE}`, start, end: nameEnd(text, start) };
  const wording = PARSER_WORDING[message] ?? `Not well-formed XML: ${message.replace(/\.$/, '')}.`;
  return { message: `${wording} ${CONSEQUENCE}`, start, end };
}

/** saxes's messages that read better led by the problem. */
const PARSER_WORDING: Record<string, string> = {
  'unexpected end.': 'The file ends inside markup.',
  'unquoted attribute value.': 'Attribute value without quotes: put it in "…".',
  'attribute without value.': 'Attribute without a value: write name="value".',
  'no whitespace between attributes.': 'No space between two attributes.',
  'document must contain a root element.': 'No root element: the file needs <configuration>.',
};

/** The end of the XML name at the offset. */
function nameEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < 200 && !/[\s=<>/"']/.test(text[end])) end++;
  return end > start ? end : Math.min(start + 1, text.length);
}

/** saxes reports tag errors just past the tag's `>`: step back to the tag's name, so the squiggle is on it. */
function tagStartBefore(text: string, at: number): number {
  if (at >= text.length) return Math.max(text.length - 1, 0);
  if (text.charAt(at) !== '>') return at;
  const lt = text.lastIndexOf('<', at);
  if (lt < 0) return at;
  return text.charAt(lt + 1) === '/' ? lt + 2 : lt + 1;
}

/** The end of the word at the offset, so the squiggle covers something visible. */
function tokenEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < 80 && !/[\s<>]/.test(text[end])) end++;
  return end > start ? end : Math.min(start + 1, text.length);
}
