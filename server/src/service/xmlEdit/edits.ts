// The XML edit toolkit of the rules' fixes and the commands: edits over the tolerant model that read like hand
// edits. A value is escaped for the quotes around it; new attributes take the quotes the tag already uses and follow
// its layout (one attribute per line or all on one); new elements take the file's indentation and line breaks.

import { type Quote, type XmlAttribute, type XmlDocument, type XmlElement, isClosed } from '../parse/xmlDocument';
import type { TextEdit } from '../types';
import { followsLineBreak, indentUnitOf, indentationOf, lineBreakOf } from './layout';
import { nameSpan, valueSpan } from './spans';

/** The quote new attributes take: the element's own first quoted attribute's, else the document's first, else `"`. */
export function quoteOf(element: XmlElement | undefined, document: XmlDocument): Quote {
  for (const candidate of element ? [element, ...document.elements] : document.elements) {
    const quoted = candidate.attributes.find((attribute) => attribute.quote !== undefined);
    if (quoted?.quote) return quoted.quote;
  }
  return '"';
}

export function formatAttribute(name: string, value: string, quote: Quote): string {
  return `${name}=${formatValue(value, quote)}`;
}

/** A value in its quotes, escaped for them. */
function formatValue(value: string, quote: Quote): string {
  return `${quote}${escapeAttributeValue(value, quote)}${quote}`;
}

/** Escapes what cannot stand in a value between these quotes. */
export function escapeAttributeValue(value: string, quote: Quote): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? escaped.replace(/"/g, '&quot;') : escaped.replace(/'/g, '&apos;');
}

/** Why attributes cannot be added to or changed in the start tag yet; undefined when it is complete. */
export function startTagProblem(element: XmlElement): string | undefined {
  if (element.startTagEnd === undefined) return `The <${element.name}> start tag is not closed yet.`;
  const unfinished = element.attributes.find((attribute) => !attribute.valueClosed);
  if (unfinished) return `The ${unfinished.name} attribute of <${element.name}> is not complete (it needs a quoted value).`;
  return undefined;
}

/** Why children cannot be added to the element yet; undefined when its tags are closed. */
export function elementProblem(element: XmlElement): string | undefined {
  return isClosed(element) ? undefined : `The <${element.name}> element is not closed yet.`;
}

/** Why children cannot be appended to the element: it, or the last child they would follow, is incomplete. */
export function appendChildrenProblem(parent: XmlElement): string | undefined {
  const lastChild = parent.children.at(-1);
  return elementProblem(parent) ?? (lastChild ? elementProblem(lastChild) : undefined);
}

/** The attribute with this value: the text inside its quotes replaced, or `="value"` written after a bare name. */
export function replaceValue(attribute: XmlAttribute, newValue: string): TextEdit {
  if (attribute.valueStart === undefined) return { start: attribute.nameEnd, end: attribute.end, newText: `=${formatValue(newValue, '"')}` };
  return { ...valueSpan(attribute), newText: escapeAttributeValue(newValue, attribute.quote ?? '"') };
}

/** Replaces a complete attribute's value inside its quotes; undefined when it already has that value. */
export function replaceAttributeValue(attribute: XmlAttribute, value: string): TextEdit | undefined {
  if (attribute.value === value || attribute.valueStart === undefined || attribute.valueEnd === undefined) return undefined;
  return replaceValue(attribute, value);
}

export function renameAttribute(attribute: XmlAttribute, newName: string): TextEdit {
  return { ...nameSpan(attribute), newText: newName };
}

/**
 * Adds attributes after the last one (or after the element name), in one edit so their order is fixed.
 * When the last attribute starts its own line, each new one goes on its own line with the same indentation.
 */
export function appendAttributes(text: string, element: XmlElement, attributes: readonly (readonly [string, string])[], quote: Quote): TextEdit {
  const last = element.attributes.at(-1);
  const at = last ? last.end : element.nameEnd;
  const ownLineIndent = last ? indentationBefore(text, last.nameStart) : undefined;
  const separator = ownLineIndent === undefined ? ' ' : lineBreakOf(text) + ownLineIndent;
  const newText = attributes.map(([name, value]) => separator + formatAttribute(name, value, quote)).join('');
  return { start: at, end: at, newText };
}

/**
 * Renames an element in its start tag and its end tag. Undefined for an element that was never closed: renaming
 * its start tag alone would pair some later end tag differently.
 */
export function renameElement(element: XmlElement, newName: string): TextEdit[] | undefined {
  const start: TextEdit = { start: element.nameStart, end: element.nameEnd, newText: newName };
  if (element.selfClosing) return [start];
  if (!element.endTag) return undefined;
  return [start, { start: element.endTag.nameStart, end: element.endTag.nameEnd, newText: newName }];
}

/** Inserts ` name="value"` pairs right after the element name, before any existing attribute. */
export function insertAttributesAfterName(element: XmlElement, attributes: readonly (readonly [string, string])[]): TextEdit {
  return { start: element.nameEnd, end: element.nameEnd, newText: formatAttributes(attributes) };
}

/** Inserts ` name="value"` right after an existing attribute. */
export function insertAttributeAfter(attribute: XmlAttribute, name: string, value: string): TextEdit {
  return { start: attribute.end, end: attribute.end, newText: formatAttributes([[name, value]]) };
}

function formatAttributes(attributes: readonly (readonly [string, string])[]): string {
  return attributes.map(([name, value]) => ` ${formatAttribute(name, value, '"')}`).join('');
}

/**
 * Removes an attribute together with the whitespace before it (a line break too, for one-attribute-per-line
 * layouts). When something other than whitespace, `/` or `>` follows it, one space stays, so the tokens on
 * either side do not run together.
 */
export function removeAttribute(text: string, attribute: XmlAttribute): TextEdit {
  let start = attribute.nameStart;
  while (start > 0 && ' \t\r\n'.includes(text[start - 1])) start--;
  const next = text[attribute.end];
  const separate = next !== undefined && !' \t\r\n/>'.includes(next);
  return { start, end: attribute.end, newText: separate ? ' ' : '' };
}

/**
 * Removes a whole element together with the indentation before it and the line break after it, so the
 * surrounding lines stay as they were.
 */
export function removeElement(text: string, element: XmlElement): TextEdit {
  let start = element.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = element.end;
  const lineStartsHere = start === 0 || followsLineBreak(text, start);
  if (lineStartsHere) {
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n' || text[end] === '\r') end++;
    else end = element.end;
  } else {
    start = element.start;
  }
  return { start, end, newText: '' };
}

/**
 * Inserts markup as the element's next sibling: on a new line with the same indentation when the element
 * starts its line, else right after it.
 */
export function insertAfterElement(text: string, element: XmlElement, markup: string): TextEdit {
  let lineStart = element.start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const startsLine = lineStart === 0 || followsLineBreak(text, lineStart);
  const newText = startsLine ? `${lineBreakOf(text)}${indentationOf(text, element)}${markup}` : markup;
  return { start: element.end, end: element.end, newText };
}

/** A line of new markup, `depth` levels below the new child's own indentation. */
export interface MarkupLine {
  readonly depth: number;
  readonly markup: string;
}

/**
 * Adds markup as the element's last children, indented one level below it (the level its children already
 * use, else the file's unit). A self-closing element is opened up and given an end tag. The element and
 * its last child must be complete (see `appendChildrenProblem`).
 */
export function appendChildren(text: string, parent: XmlElement, lines: readonly MarkupLine[]): TextEdit {
  const lineBreak = lineBreakOf(text);
  const parentIndent = indentationOf(text, parent);
  const lastChild = parent.children.at(-1);
  const unit = indentUnitOf(text, lastChild ?? parent);
  const childIndent = (lastChild && indentationBefore(text, lastChild.start)) ?? parentIndent + unit;
  const block = lines.map((line) => childIndent + unit.repeat(line.depth) + line.markup).join(lineBreak);
  const closing = `${lineBreak}${parentIndent}</${parent.name}>`;

  if (parent.selfClosing) {
    const slash = skipWhitespaceBackward(text, parent.startTagEnd! - 2);
    return { start: slash, end: parent.startTagEnd!, newText: `>${lineBreak}${block}${closing}` };
  }
  if (lastChild) return { start: lastChild.end, end: lastChild.end, newText: lineBreak + block };
  const contentStart = parent.startTagEnd!;
  const endTagStart = parent.endTag!.start;
  if (text.slice(contentStart, endTagStart).trim() === '') {
    return { start: contentStart, end: endTagStart, newText: `${lineBreak}${block}${lineBreak}${parentIndent}` };
  }
  // Only comments or text inside: go after them, on the end tag's line when it has its own.
  const endTagLineStart = skipBlanksBackward(text, endTagStart);
  if (endTagLineStart > 0 && followsLineBreak(text, endTagLineStart)) return { start: endTagLineStart, end: endTagLineStart, newText: block + lineBreak };
  return { start: endTagStart, end: endTagStart, newText: `${lineBreak}${block}${lineBreak}${parentIndent}` };
}

/** The spaces and tabs before the offset when only they stand between it and the start of its line. */
function indentationBefore(text: string, offset: number): string | undefined {
  const lineStart = skipBlanksBackward(text, offset);
  return lineStart === 0 || followsLineBreak(text, lineStart) ? text.slice(lineStart, offset) : undefined;
}

function skipBlanksBackward(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

function skipWhitespaceBackward(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && ' \t\r\n'.includes(text[at - 1])) at--;
  return at;
}
