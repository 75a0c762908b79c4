// The ranges of the tolerant model's pieces that diagnostics mark and edits replace.

import type { XmlAttribute, XmlElement } from '../parse/xmlDocument';

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
