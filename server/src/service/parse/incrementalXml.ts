// The incremental re-parse: after an edit, only the part of the document around it is scanned again and the
// rest of the previous model is kept, its offsets moved by the edit's length. A keystroke in a 1 MB web.config
// then costs a scan of a few lines instead of the whole text (issue 13: completion right after typing).
//
// The result must equal what `parseXml` gives for the new text; whenever that cannot be guaranteed cheaply
// (the previous text was suspect, the edit touches a CDATA section, the re-scanned part is not
// self-contained...) the answer is `undefined` and the caller parses the whole text.
// test/unit/parse/incrementalXml.test.ts compares both on random edits.

import { type XmlComment, type XmlDocument, type XmlElement, scanRegion } from './xmlDocument';

/**
 * The old text's `[start, oldEnd)` became the new text's `[start, newEnd)`; everything before and after it is
 * unchanged. Several edits merge into one such region (`mergeEdit`).
 */
export interface EditedRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The region after one more edit of the (already edited) text: `[start, end)` of it replaced by `length` characters. */
export function mergeEdit(region: EditedRegion | undefined, start: number, end: number, length: number): EditedRegion {
  const newEnd = start + length;
  if (!region) return { start, oldEnd: end, newEnd };
  const mergedStart = Math.min(region.start, start);
  // An offset of the edited text at or after region.newEnd is that offset minus this shift in the old text.
  const shift = region.newEnd - region.oldEnd;
  const reach = Math.max(region.newEnd, end);
  return { start: mergedStart, oldEnd: reach - shift, newEnd: reach + length - (end - start) };
}

/** Past this many new elements in one region, a full parse is as cheap and simpler. */
const MAX_REGION_ELEMENTS = 5_000;

/**
 * The model of `text`, which is `previous.text` with `region` edited, built from `previous`. It takes over
 * `previous`'s elements (their attributes with them) and comments and changes them in place: `previous` must not
 * be used after a call, whatever it returns. Undefined when only a full parse gives the right model.
 */
export function reparseXml(previous: XmlDocument, text: string, region: EditedRegion): XmlDocument | undefined {
  const { start, oldEnd, newEnd } = region;
  const oldText = previous.text;
  const delta = newEnd - oldEnd;
  // A suspect model may owe its suspicion to the edited part: only a full parse can clear it.
  if (previous.suspect || start < 0 || start > oldEnd || oldEnd > oldText.length || text.length !== oldText.length + delta) return undefined;

  // The innermost closed element whose content holds the edit; its children are the units re-scanned.
  const ancestors: XmlElement[] = [];
  let siblings = previous.roots;
  for (;;) {
    const child = lastStartingBefore(siblings, start);
    if (!child || child.selfClosing || child.startTagEnd === undefined || child.startTagEnd > start) break;
    const endTag = child.endTag;
    if (!endTag?.closed || endTag.start < oldEnd) break;
    ancestors.push(child);
    siblings = child.children;
  }
  const parent = ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;

  // Re-scan from the end of the last child that ends before the edit to the start of the first that begins after it.
  const firstAfter = firstStartingAtOrAfter(siblings, oldEnd);
  let firstTouched = firstAfter;
  while (firstTouched > 0 && siblings[firstTouched - 1].end > start) firstTouched--;
  const regionStart = firstTouched > 0 ? siblings[firstTouched - 1].end : parent ? parent.startTagEnd! : 0;
  const regionOldEnd = firstAfter < siblings.length ? siblings[firstAfter].start : parent ? parent.endTag!.start : oldText.length;
  const regionNewEnd = regionOldEnd + delta;
  if (regionStart > start || regionOldEnd < oldEnd) return undefined;

  // The whole-text checks of parseXml, on the part that changed (the rest passed them before).
  const before = oldText.slice(regionStart, regionOldEnd);
  const after = text.slice(regionStart, regionNewEnd);
  if (mayTouchCdata(before) || mayTouchCdata(after)) return undefined;
  let suspect = BARE_AMPERSAND.test(after) || NOT_XML_CHARACTER.test(after);

  // Take the old children of the region out, scan the new ones in, and put the later ones back.
  const later = siblings.slice(firstAfter);
  if (parent && parent.children.length > 0) parent.children.length = firstTouched;
  else if (!parent) previous.roots.length = firstTouched;
  const scanned = scanRegion(text, regionStart, regionNewEnd, ancestors, previous.roots);
  if (!scanned.contained || scanned.elements.length > MAX_REGION_ELEMENTS) return undefined;
  const newSiblings = parent ? parent.children : previous.roots;
  if (later.length > 0 && Object.isFrozen(newSiblings)) (parent as { children: XmlElement[] }).children = [...later];
  else for (const element of later) newSiblings.push(element);
  suspect ||= scanned.suspect || previous.roots.length > 1;

  // The flat lists: the region's old entries out, its new ones in, everything after moved by delta.
  const elements = previous.elements;
  const firstOld = firstStartingAtOrAfter(elements, regionStart);
  const endOld = firstStartingAtOrAfter(elements, regionOldEnd);
  spliceInto(elements, firstOld, endOld - firstOld, scanned.elements);
  if (delta !== 0) {
    for (let index = firstOld + scanned.elements.length; index < elements.length; index++) shiftElement(elements[index], delta);
    for (const ancestor of ancestors) shiftEnd(ancestor, delta);
  }
  const comments = previous.comments;
  const firstComment = firstCommentAtOrAfter(comments, regionStart);
  const endComment = firstCommentAtOrAfter(comments, regionOldEnd);
  spliceInto(comments, firstComment, endComment - firstComment, scanned.comments);
  if (delta !== 0) {
    for (let index = firstComment + scanned.comments.length; index < comments.length; index++) {
      const comment = comments[index] as { start: number; end: number };
      comment.start += delta;
      comment.end += delta;
    }
  }
  return { text, roots: previous.roots, elements, comments, suspect };
}

/** Replaces `count` items at `at` with `items`, without spreading them as arguments (lists can be long). */
function spliceInto<T>(list: T[], at: number, count: number, items: readonly T[]): void {
  if (count === items.length) {
    for (let index = 0; index < count; index++) list[at + index] = items[index];
    return;
  }
  const tail = list.splice(at + count);
  list.length = at;
  for (const item of items) list.push(item);
  for (const item of tail) list.push(item);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function shiftElement(element: XmlElement, delta: number): void {
  const mutable = element as Mutable<XmlElement>;
  mutable.start += delta;
  mutable.nameStart += delta;
  mutable.nameEnd += delta;
  if (mutable.startTagEnd !== undefined) mutable.startTagEnd += delta;
  mutable.startTagLimit += delta;
  // Its attributes' offsets are relative to its start (xmlDocument.ts ScannedAttribute): they move with it.
  shiftEnd(element, delta);
}

/** An element around the edit: its start tag stays, its end moves. */
function shiftEnd(element: XmlElement, delta: number): void {
  element.end += delta;
  const endTag = element.endTag as Mutable<NonNullable<XmlElement['endTag']>> | undefined;
  if (endTag) {
    endTag.start += delta;
    endTag.nameStart += delta;
    endTag.nameEnd += delta;
    endTag.end += delta;
  }
}

/** Binary search: the last element of a document-ordered list that starts before the offset. */
function lastStartingBefore(elements: readonly XmlElement[], offset: number): XmlElement | undefined {
  const index = firstStartingAtOrAfter(elements, offset);
  return index > 0 ? elements[index - 1] : undefined;
}

function firstStartingAtOrAfter(list: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function firstCommentAtOrAfter(comments: readonly XmlComment[], offset: number): number {
  return firstStartingAtOrAfter(comments, offset);
}

/** CDATA sections are counted over the whole text (a stray `]]>`): a region with any goes to a full parse. */
function mayTouchCdata(text: string): boolean {
  return text.includes(']]>') || text.includes('<![CDATA[');
}

// The same whole-text checks as parseXml's (xmlDocument.ts), applied to the re-scanned part.
const BARE_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
