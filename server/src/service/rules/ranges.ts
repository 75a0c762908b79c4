// Ranges, edits and attribute reads that rules use most often.

import { type XmlAttribute, type XmlElement, isComplete } from '../parse/xmlDocument';
import { followsLineBreak, indentationOf, lineBreakOf } from './indentation';
import type { Fix, TextEdit } from './types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function nameSpan(attribute: XmlAttribute): Span {
  return { start: attribute.nameStart, end: attribute.nameEnd };
}

/** The value between the quotes; the name when there is no value (an empty value still gets its position). */
export function valueSpan(attribute: XmlAttribute): Span {
  if (attribute.valueStart === undefined || attribute.valueEnd === undefined) return nameSpan(attribute);
  return { start: attribute.valueStart, end: attribute.valueEnd };
}

/** The value when it has text; the whole attribute for an empty value, so the mark is never zero-width. */
export function valueOrAttributeSpan(attribute: XmlAttribute): Span {
  return attribute.value ? valueSpan(attribute) : attributeSpan(attribute);
}

/**
 * Part of a value, given as offsets into the (decoded) value. When entities make the source text longer than
 * the value, the offsets do not map onto the text and the whole value is returned instead.
 */
export function valuePartSpan(attribute: XmlAttribute, start: number, end: number): Span {
  const whole = valueSpan(attribute);
  if (attribute.valueStart === undefined || attribute.value === undefined || whole.end - whole.start !== attribute.value.length) return whole;
  return { start: whole.start + start, end: whole.start + end };
}

/** The whole attribute, `name="value"`. */
export function attributeSpan(attribute: XmlAttribute): Span {
  return { start: attribute.nameStart, end: attribute.end };
}

export function elementNameSpan(element: XmlElement): Span {
  return { start: element.nameStart, end: element.nameEnd };
}

export function replaceValue(attribute: XmlAttribute, newValue: string): TextEdit {
  const span = valueSpan(attribute);
  if (attribute.valueStart === undefined) return { start: attribute.nameEnd, end: attribute.end, newText: `="${escapeAttribute(newValue)}"` };
  return { ...span, newText: escapeAttribute(newValue) };
}

/**
 * The value once its closing quote is typed; undefined while it is still being typed (no `=`, no quotes,
 * or an open quote), so value rules stay quiet mid-edit.
 */
export function completeValue(attribute: XmlAttribute): string | undefined {
  return attribute.valueClosed ? attribute.value : undefined;
}

export function renameAttribute(attribute: XmlAttribute, newName: string): TextEdit {
  return { ...nameSpan(attribute), newText: newName };
}

/** A fix that replaces one attribute's value. */
export function valueFix(title: string, attribute: XmlAttribute, newValue: string, safe: boolean): Fix {
  return { title, edits: [replaceValue(attribute, newValue)], safe };
}

/** A value moved to the nearest limit: never safe, never the one-keystroke fix (it may invert what was meant). */
export function clampFix(title: string, attribute: XmlAttribute, newValue: string): Fix {
  return { ...valueFix(title, attribute, newValue, false), preferred: false };
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
  return attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
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

/** A fix that removes a whole element; none while the element (or anything in it) is still being typed. */
export function removeElementFix(title: string, text: string, element: XmlElement, safe: boolean): Fix[] {
  return isComplete(element) ? [{ title, edits: [removeElement(text, element)], safe }] : [];
}

/** A fix that inserts markup after an element; none while the element is still being typed. */
export function insertAfterElementFix(title: string, text: string, element: XmlElement, markup: string, safe: boolean): Fix[] {
  return isComplete(element) ? [{ title, edits: [insertAfterElement(text, element, markup)], safe }] : [];
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
