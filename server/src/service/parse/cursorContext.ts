// What the cursor is on: an element name, an attribute name, an attribute value, or element content.
// Completion and hover both start here.

import { type XmlAttribute, type XmlDocument, type XmlElement, elementAt, inStartTag } from './xmlDocument';

export type CursorContext =
  /** Typing a tag name after `<`. `element` is the partial element when a name has been typed. */
  | { readonly kind: 'elementName'; readonly element: XmlElement | undefined; readonly parent: XmlElement | undefined; readonly replaceStart: number; readonly replaceEnd: number }
  /** Inside a start tag, on an attribute name or where a new one can go. */
  | { readonly kind: 'attributeName'; readonly element: XmlElement; readonly attribute: XmlAttribute | undefined; readonly replaceStart: number; readonly replaceEnd: number }
  | { readonly kind: 'attributeValue'; readonly element: XmlElement; readonly attribute: XmlAttribute; readonly replaceStart: number; readonly replaceEnd: number }
  /** Between tags. `replaceStart` covers a word typed without `<`. */
  | { readonly kind: 'content'; readonly parent: XmlElement | undefined; readonly replaceStart: number; readonly replaceEnd: number }
  /** Inside an end tag, a comment, or an XML declaration: nothing to offer. */
  | { readonly kind: 'none' };

const NONE: CursorContext = { kind: 'none' };

export function cursorContext(document: XmlDocument, offset: number): CursorContext {
  if (offset < 0 || offset > document.text.length || inComment(document, offset)) return NONE;
  const element = elementAt(document, offset);
  if (element) {
    if (offset <= element.nameEnd) {
      return { kind: 'elementName', element, parent: element.parent, replaceStart: element.nameStart, replaceEnd: element.nameEnd };
    }
    if (inStartTag(element, offset)) return startTagContext(element, offset);
    if (element.endTag && offset > element.endTag.start) return NONE;
  }
  return contentContext(document.text, element, offset);
}

function startTagContext(element: XmlElement, offset: number): CursorContext {
  for (const attribute of element.attributes) {
    if (offset >= attribute.nameStart && offset <= attribute.nameEnd) {
      return { kind: 'attributeName', element, attribute, replaceStart: attribute.nameStart, replaceEnd: attribute.nameEnd };
    }
    if (attribute.valueStart !== undefined && attribute.valueEnd !== undefined && offset >= attribute.valueStart && offset <= attribute.valueEnd) {
      return { kind: 'attributeValue', element, attribute, replaceStart: attribute.valueStart, replaceEnd: attribute.valueEnd };
    }
    if (offset > attribute.nameEnd && offset < attribute.end) return NONE; // between a name and its value
  }
  return { kind: 'attributeName', element, attribute: undefined, replaceStart: offset, replaceEnd: offset };
}

function contentContext(text: string, parent: XmlElement | undefined, offset: number): CursorContext {
  if (text.charCodeAt(offset - 1) === 0x3c /* < */) {
    return { kind: 'elementName', element: undefined, parent, replaceStart: offset, replaceEnd: offset };
  }
  let wordStart = offset;
  while (wordStart > 0 && /[\w.:-]/.test(text[wordStart - 1])) wordStart--;
  if (parent && wordStart < (parent.startTagEnd ?? parent.startTagLimit)) wordStart = offset;
  return { kind: 'content', parent, replaceStart: wordStart, replaceEnd: offset };
}

function inComment(document: XmlDocument, offset: number): boolean {
  // Comments are few; a linear scan over their ranges is cheap next to parsing.
  for (const comment of document.comments) {
    if (offset > comment.start && offset < comment.end) return true;
    if (comment.start >= offset) break;
  }
  return false;
}
