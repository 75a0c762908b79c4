// The fixes rules offer most often, built with the XML edit toolkit (xmlEdit/), and the read of a value that is
// complete (its closing quote typed).

import { type XmlAttribute, type XmlElement, isComplete } from '../parse/xmlDocument';
import type { Fix } from '../types';
import { insertAfterElement, removeElement, replaceValue } from '../xmlEdit/edits';

/**
 * The value once its closing quote is typed; undefined while it is still being typed (no `=`, no quotes,
 * or an open quote), so value rules stay quiet mid-edit.
 */
export function completeValue(attribute: XmlAttribute): string | undefined {
  return attribute.valueClosed ? attribute.value : undefined;
}

/** A fix that replaces one attribute's value. */
export function valueFix(title: string, attribute: XmlAttribute, newValue: string, safe: boolean): Fix {
  return { title, edits: [replaceValue(attribute, newValue)], safe };
}

/** A value moved to the nearest limit: never safe, never the one-keystroke fix (it may invert what was meant). */
export function clampFix(title: string, attribute: XmlAttribute, newValue: string): Fix {
  return { ...valueFix(title, attribute, newValue, false), preferred: false };
}

/** A fix that removes a whole element; none while the element (or anything in it) is still being typed. */
export function removeElementFix(title: string, text: string, element: XmlElement, safe: boolean): Fix[] {
  return isComplete(element) ? [{ title, edits: [removeElement(text, element)], safe }] : [];
}

/** A fix that inserts markup after an element; none while the element is still being typed. */
export function insertAfterElementFix(title: string, text: string, element: XmlElement, markup: string, safe: boolean): Fix[] {
  return isComplete(element) ? [{ title, edits: [insertAfterElement(text, element, markup)], safe }] : [];
}
