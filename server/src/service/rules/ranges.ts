// Ranges and edits rules report most often.

import type { XmlAttribute, XmlElement } from '../parse/xmlDocument';
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

export function renameAttribute(attribute: XmlAttribute, newName: string): TextEdit {
  return { ...nameSpan(attribute), newText: newName };
}

/** A fix that replaces one attribute's value. */
export function valueFix(title: string, attribute: XmlAttribute, newValue: string, safe: boolean): Fix {
  return { title, edits: [replaceValue(attribute, newValue)], safe };
}

/**
 * Removes a whole element together with the indentation before it and the line break after it, so the
 * surrounding lines stay as they were.
 */
export function removeElement(text: string, element: XmlElement): TextEdit {
  let start = element.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = element.end;
  const lineStartsHere = start === 0 || text[start - 1] === '\n';
  if (lineStartsHere) {
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    else end = element.end;
  } else {
    start = element.start;
  }
  return { start, end, newText: '' };
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
