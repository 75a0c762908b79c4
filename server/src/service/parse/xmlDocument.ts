// A tolerant XML model for editing. It never throws: half-typed markup (an unclosed tag, a missing quote,
// an attribute name with no value yet) still yields elements and attributes with exact offsets, and the
// missing parts are `undefined`. Well-formedness is judged elsewhere (the strict check, strictXml.ts), not here.
//
// Offsets are UTF-16 code-unit indexes into the text, the same unit LSP positions use.

export type Quote = '"' | "'";

export interface XmlAttribute {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offset of `=`; undefined while only the name has been typed. */
  readonly equalsAt: number | undefined;
  /** The value's text between the quotes, with entities decoded; undefined when no value was started. */
  readonly value: string | undefined;
  /** First offset inside the quotes. */
  readonly valueStart: number | undefined;
  /** Offset just after the value's last character (before the closing quote). */
  readonly valueEnd: number | undefined;
  /** The opening quote; undefined for an unquoted value. */
  readonly quote: Quote | undefined;
  /** False while the closing quote has not been typed. */
  readonly valueClosed: boolean;
  /** Offset just after the whole attribute (after the closing quote when there is one). */
  readonly end: number;
}

export interface XmlEndTag {
  readonly start: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Just after `>`, or where the unclosed end tag stops. */
  readonly end: number;
  readonly closed: boolean;
}

export interface XmlElement {
  readonly name: string;
  /** Offset of `<`. */
  readonly start: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly attributes: XmlAttribute[];
  /** Just after the start tag's `>` or `/>`; undefined while the start tag is not closed. */
  startTagEnd: number | undefined;
  /** Where the start tag's text stops: `startTagEnd`, or where scanning gave up on an unclosed tag. */
  startTagLimit: number;
  selfClosing: boolean;
  readonly children: XmlElement[];
  readonly parent: XmlElement | undefined;
  endTag: XmlEndTag | undefined;
  /** Just after the whole element; for an element never closed, where its parent closed or the text ends. */
  end: number;
}

export interface XmlComment {
  readonly start: number;
  readonly end: number;
}

export interface XmlDocument {
  readonly text: string;
  readonly roots: XmlElement[];
  /** Every element in document order. */
  readonly elements: XmlElement[];
  readonly comments: XmlComment[];
  /**
   * The scan met something a strict XML parser may reject (an unclosed or mismatched tag, a missing quote,
   * a repeated attribute, a bare `&` or an entity XML does not define, `--` in a comment, a declaration
   * after anything, a control character, a stray `]]>`, a namespace prefix, text outside the root...).
   * False means it saw none of those; the strict check still has the last word on well-formedness.
   */
  readonly suspect: boolean;
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const EQUALS = 0x3d; // =
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const QUESTION = 0x3f;
const BANG = 0x21;
const BOM = 0xfeff;

/**
 * The attributes or children of an element that has none: one shared, frozen empty array instead of one each (a
 * 20 MB file has 300,000 childless entries), frozen so that nothing adds to it by mistake.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * An attribute keeps its offsets relative to its element's start, so an edit before the element moves its
 * attributes with it: after a keystroke near the top of a 1 MB web.config the re-parse (incrementalXml.ts) moves
 * the 13,000 elements after it, and not their 24,000 attributes as well, which were a third of its time.
 */
class ScannedAttribute implements XmlAttribute {
  private readonly nameFrom: number;
  private readonly nameTo: number;
  private readonly equalsFrom: number | undefined;
  private readonly valueFrom: number | undefined;
  private readonly valueTo: number | undefined;
  private readonly to: number;

  constructor(
    private readonly element: XmlElement,
    readonly name: string,
    nameStart: number,
    nameEnd: number,
    equalsAt: number | undefined,
    readonly value: string | undefined,
    valueStart: number | undefined,
    valueEnd: number | undefined,
    readonly quote: Quote | undefined,
    readonly valueClosed: boolean,
    end: number,
  ) {
    const base = element.start;
    this.nameFrom = nameStart - base;
    this.nameTo = nameEnd - base;
    this.equalsFrom = equalsAt === undefined ? undefined : equalsAt - base;
    this.valueFrom = valueStart === undefined ? undefined : valueStart - base;
    this.valueTo = valueEnd === undefined ? undefined : valueEnd - base;
    this.to = end - base;
  }

  get nameStart(): number {
    return this.element.start + this.nameFrom;
  }

  get nameEnd(): number {
    return this.element.start + this.nameTo;
  }

  get equalsAt(): number | undefined {
    return this.equalsFrom === undefined ? undefined : this.element.start + this.equalsFrom;
  }

  get valueStart(): number | undefined {
    return this.valueFrom === undefined ? undefined : this.element.start + this.valueFrom;
  }

  get valueEnd(): number | undefined {
    return this.valueTo === undefined ? undefined : this.element.start + this.valueTo;
  }

  get end(): number {
    return this.element.start + this.to;
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Characters that end a name: whitespace and XML punctuation. Anything else is taken as a name character. */
function endsName(code: number): boolean {
  return isWhitespace(code) || code === LT || code === GT || code === SLASH || code === EQUALS || code === DQUOTE || code === SQUOTE;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is kept as written. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body] ?? match;
  });
}

export function parseXml(text: string): XmlDocument {
  return new XmlScanner(text).run();
}

/** What `scanRegion` found between two offsets of a text. */
export interface ScannedRegion {
  /** The elements that start in the region, in document order (their parents' `children` already hold them). */
  readonly elements: XmlElement[];
  readonly comments: XmlComment[];
  /** The region met something suspect (see `XmlDocument.suspect`), apart from the whole-text checks. */
  readonly suspect: boolean;
  /**
   * The region is self-contained: scanning stopped exactly at its end, every element opened in it was closed in
   * it, and no end tag in it closed an element opened before it. A region that is not cannot be spliced in.
   */
  readonly contained: boolean;
}

/**
 * Scans `text` from `from` to `limit` as the content of the innermost of `open` (outermost first; empty for the
 * top level, whose elements go to `roots`), as `parseXml` would have scanned it. For the incremental re-parse
 * (incrementalXml.ts): the caller checks `contained` and the whole-text checks itself.
 */
export function scanRegion(text: string, from: number, limit: number, open: readonly XmlElement[], roots: XmlElement[]): ScannedRegion {
  const scanner = new XmlScanner(text, from, open, roots, true);
  scanner.scanUntil(limit);
  return scanner.regionResult(limit);
}

class XmlScanner {
  private pos = 0;
  private readonly length: number;
  private readonly elements: XmlElement[] = [];
  private readonly comments: XmlComment[] = [];
  private readonly open: XmlElement[];
  /** How many of `open` were open before the scan began (a region scan); an end tag closing one of them is noted. */
  private readonly baseDepth: number;
  private closedOutside = false;
  /** The attributes of the start tag being scanned, copied into an array of their exact number once it ends. */
  private readonly scratch: XmlAttribute[] = [];
  /**
   * Element and attribute names, one string each: a 20 MB file repeats `environmentVariable`, `name` and `value`
   * 300,000 times, and a copy of each per element made up a fifth of the model.
   */
  private readonly names = new Map<string, string>();
  private suspect = false;

  /** A region scan (see `slice`). */
  private readonly copyStrings: boolean;

  constructor(private readonly text: string, from = 0, open: readonly XmlElement[] = [], private readonly roots: XmlElement[] = [], copyStrings = false) {
    this.length = text.length;
    this.copyStrings = copyStrings;
    this.open = [...open];
    this.baseDepth = open.length;
    this.pos = from === 0 && text.charCodeAt(0) === BOM ? 1 : from;
  }

  run(): XmlDocument {
    const { text } = this;
    this.scanUntil(this.length);
    for (const element of this.open) element.end = this.length;
    if (this.open.length > 0 || this.roots.length > 1 || BARE_AMPERSAND.test(text) || NOT_XML_CHARACTER.test(text) || hasStrayCdataEnd(text)) this.suspect = true;
    return { text, roots: this.roots, elements: this.elements, comments: this.comments, suspect: this.suspect };
  }

  regionResult(limit: number): ScannedRegion {
    const contained = this.pos === limit && this.open.length === this.baseDepth && !this.closedOutside;
    return { elements: this.elements, comments: this.comments, suspect: this.suspect, contained };
  }

  /** The main loop, up to the first markup at or after `limit` (markup that begins before it is scanned whole). */
  scanUntil(limit: number): void {
    const { text } = this;
    while (this.pos < limit) {
      const found = text.indexOf('<', this.pos);
      const lt = found >= limit ? -1 : found;
      if (this.open.length === 0) this.checkTextOutsideRoot(lt < 0 ? limit : lt);
      if (lt < 0) {
        this.pos = limit;
        break;
      }
      this.pos = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === BANG) this.skipMarkupDeclaration();
      else if (next === QUESTION) {
        // The XML declaration may only open the document.
        if (/^<\?xml\s/.test(text.slice(lt, lt + 6)) && lt > (text.charCodeAt(0) === BOM ? 1 : 0)) this.suspect = true;
        this.skipTo('?>', lt + 2);
      }
      else if (next === SLASH) this.scanEndTag();
      else if (lt + 1 < this.length && !endsName(next)) this.scanStartTag();
      else {
        this.pos = lt + 1; // a lone `<` being typed: not an element yet
        this.suspect = true;
      }
    }
  }

  /** Only whitespace may stand outside the root element. */
  private checkTextOutsideRoot(end: number): void {
    for (let i = this.pos; i < end; i++) {
      if (!isWhitespace(this.text.charCodeAt(i))) {
        this.suspect = true;
        return;
      }
    }
  }

  private skipTo(terminator: string, from: number): number {
    const at = this.text.indexOf(terminator, from);
    if (at < 0) this.suspect = true;
    this.pos = at < 0 ? this.length : at + terminator.length;
    return this.pos;
  }

  private skipMarkupDeclaration(): void {
    const start = this.pos;
    if (this.text.startsWith('<!--', start)) {
      const end = this.skipTo('-->', start + 4);
      this.comments.push({ start, end });
      // A comment may hold no `--` and may not end in `-` (XML 1.0 production [15]).
      const doubleHyphen = this.text.indexOf('--', start + 4);
      if (doubleHyphen >= 0 && doubleHyphen < end - 3) this.suspect = true;
    } else if (this.text.startsWith('<![CDATA[', start)) {
      this.skipTo(']]>', start + 9);
    } else {
      this.skipTo('>', start + 2); // <!DOCTYPE ...>
    }
  }

  private scanName(from: number): number {
    let i = from;
    while (i < this.length && !endsName(this.text.charCodeAt(i))) i++;
    return i;
  }

  private skipWhitespace(from: number): number {
    let i = from;
    while (i < this.length && isWhitespace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private scanStartTag(): void {
    const start = this.pos;
    const nameStart = start + 1;
    const nameEnd = this.scanName(nameStart);
    const parent = this.open.length > 0 ? this.open[this.open.length - 1] : undefined;
    const element: XmlElement = {
      name: this.name(nameStart, nameEnd),
      start,
      nameStart,
      nameEnd,
      attributes: NONE,
      startTagEnd: undefined,
      startTagLimit: nameEnd,
      selfClosing: false,
      children: NONE,
      parent,
      endTag: undefined,
      end: nameEnd,
    };
    if (!parent) this.roots.push(element);
    else if (parent.children === NONE) (parent as { children: XmlElement[] }).children = [element];
    else parent.children.push(element);
    this.elements.push(element);
    this.pos = nameEnd;
    this.scanAttributes(element);
    if (element.startTagEnd === undefined || !NAME_START.test(element.name) || hasRepeatedAttribute(element.attributes) || hasNamespacePrefix(element)) this.suspect = true;
    if (element.selfClosing) {
      element.end = element.startTagLimit;
    } else {
      this.open.push(element);
    }
  }

  private scanAttributes(element: XmlElement): void {
    this.scanAttributesInto(element, this.scratch);
    // An array grown by push keeps room for 17 entries; most elements have one to three.
    if (this.scratch.length > 0) (element as { attributes: XmlAttribute[] }).attributes = this.scratch.slice();
    this.scratch.length = 0;
  }

  /**
   * Text kept in the model. A region scan copies it: V8 keeps a slice of 13 characters or more as a view of the
   * whole text, and the elements of a region outlive the text they were scanned from (the next versions keep
   * them), so each version's full text would stay in memory for one attribute value.
   */
  private slice(start: number, end: number): string {
    const sliced = this.text.slice(start, end);
    return this.copyStrings && sliced.length >= 13 ? (` ${sliced}`).slice(1) : sliced;
  }

  /** Interned: the same name is the same string, whatever the element. */
  private name(start: number, end: number): string {
    const sliced = this.slice(start, end);
    if (sliced.length > 64) return sliced;
    let interned = this.names.get(sliced);
    if (interned === undefined) this.names.set(sliced, (interned = sliced));
    return interned;
  }

  private scanAttributesInto(element: XmlElement, attributes: XmlAttribute[]): void {
    const { text } = this;
    for (;;) {
      const i = this.skipWhitespace(this.pos);
      if (i >= this.length) {
        element.startTagLimit = this.length;
        this.pos = this.length;
        return;
      }
      const code = text.charCodeAt(i);
      if (code === GT) {
        element.startTagEnd = element.startTagLimit = this.pos = i + 1;
        return;
      }
      if (code === SLASH && text.charCodeAt(i + 1) === GT) {
        element.selfClosing = true;
        element.startTagEnd = element.startTagLimit = this.pos = i + 2;
        return;
      }
      if (code === LT) {
        // The start tag was never closed; the next tag begins here.
        element.startTagLimit = this.pos = i;
        return;
      }
      if (endsName(code)) {
        this.pos = i + 1; // stray `/`, `=` or quote: step over it
        this.suspect = true;
        continue;
      }
      const attribute = this.scanAttribute(element, i);
      if (!attribute.valueClosed) this.suspect = true;
      attributes.push(attribute);
      element.startTagLimit = this.pos;
    }
  }

  private scanAttribute(element: XmlElement, nameStart: number): XmlAttribute {
    const { text } = this;
    const nameEnd = this.scanName(nameStart);
    const name = this.name(nameStart, nameEnd);
    const afterName = this.skipWhitespace(nameEnd);
    if (text.charCodeAt(afterName) !== EQUALS) {
      this.pos = nameEnd;
      return noValue(element, name, nameStart, nameEnd, undefined, nameEnd);
    }
    const equalsAt = afterName;
    const valueAt = this.skipWhitespace(equalsAt + 1);
    const code = text.charCodeAt(valueAt);
    if (code === DQUOTE || code === SQUOTE) return this.scanQuotedValue(element, name, nameStart, nameEnd, equalsAt, valueAt);
    if (valueAt < this.length && !endsName(code)) {
      // Unquoted value (not XML, but typed often enough): take it up to the next delimiter.
      const valueEnd = this.scanName(valueAt);
      this.pos = valueEnd;
      const raw = this.slice(valueAt, valueEnd);
      return new ScannedAttribute(element, name, nameStart, nameEnd, equalsAt, decodeEntities(raw), valueAt, valueEnd, undefined, false, valueEnd);
    }
    this.pos = equalsAt + 1;
    return noValue(element, name, nameStart, nameEnd, equalsAt, equalsAt + 1);
  }

  /**
   * A quoted value normally ends at its matching quote. When the quote is missing, the value would swallow
   * the following markup, so: a `<` (never legal inside a value) or a closing quote followed by a name
   * character means the value was left open, and it is cut at the first line break after its opening quote.
   */
  private scanQuotedValue(element: XmlElement, name: string, nameStart: number, nameEnd: number, equalsAt: number, quoteAt: number): XmlAttribute {
    const { text } = this;
    const quoteCode = text.charCodeAt(quoteAt);
    const quote: Quote = quoteCode === DQUOTE ? '"' : "'";
    const valueStart = quoteAt + 1;
    let i = valueStart;
    let code = 0;
    while (i < this.length) {
      code = text.charCodeAt(i);
      if (code === quoteCode || code === LT) break;
      i++;
    }
    if (i < this.length && code === quoteCode) {
      const after = i + 1 < this.length ? text.charCodeAt(i + 1) : GT;
      const plausibleEnd = isWhitespace(after) || after === GT || after === SLASH || after === QUESTION;
      const lineBreak = plausibleEnd ? -1 : this.firstLineBreak(valueStart, i);
      if (lineBreak < 0) {
        this.pos = i + 1;
        const raw = this.slice(valueStart, i);
        return new ScannedAttribute(element, name, nameStart, nameEnd, equalsAt, decodeEntities(raw), valueStart, i, quote, true, i + 1);
      }
      i = lineBreak;
    } else {
      const lineBreak = this.firstLineBreak(valueStart, i);
      if (lineBreak >= 0) i = lineBreak;
    }
    this.pos = i;
    const raw = this.slice(valueStart, i);
    return new ScannedAttribute(element, name, nameStart, nameEnd, equalsAt, decodeEntities(raw), valueStart, i, quote, false, i);
  }

  private firstLineBreak(from: number, to: number): number {
    for (let i = from; i < to; i++) {
      if (isLineBreak(this.text.charCodeAt(i))) return i;
    }
    return -1;
  }

  private scanEndTag(): void {
    const start = this.pos;
    const nameStart = start + 2;
    const nameEnd = this.scanName(nameStart);
    const afterName = this.skipWhitespace(nameEnd);
    const closed = this.text.charCodeAt(afterName) === GT;
    const end = closed ? afterName + 1 : nameEnd;
    this.pos = Math.max(end, start + 2);
    const name = this.text.slice(nameStart, nameEnd);
    if (!closed) this.suspect = true;
    // Close the nearest open element of that name; elements left open inside it end here.
    for (let depth = this.open.length - 1; depth >= 0; depth--) {
      if (this.open[depth].name !== name) continue;
      if (depth < this.baseDepth) this.closedOutside = true;
      if (depth !== this.open.length - 1) this.suspect = true;
      for (let inner = this.open.length - 1; inner > depth; inner--) this.open[inner].end = start;
      const element = this.open[depth];
      element.endTag = { start, nameStart, nameEnd, end, closed };
      element.end = end;
      this.open.length = depth;
      return;
    }
    // A stray end tag closes nothing.
    this.suspect = true;
  }
}

/** An `&` that starts none of XML's five entities or a character reference (even in a comment: a false alarm only costs a validation). */
const BARE_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
/** A character outside XML 1.0's production [2] Char (C0 controls but tab and line breaks, U+FFFE, U+FFFF). */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** `]]>` may only end a CDATA section (XML 1.0 production [14]): more of them than sections is suspect. */
function hasStrayCdataEnd(text: string): boolean {
  let ends = 0;
  for (let at = text.indexOf(']]>'); at >= 0; at = text.indexOf(']]>', at + 3)) ends++;
  if (ends === 0) return false;
  let sections = 0;
  for (let at = text.indexOf('<![CDATA['); at >= 0; at = text.indexOf('<![CDATA[', at + 9)) sections++;
  return ends > sections;
}

/** A prefixed name (`xdt:Transform`) needs its `xmlns:` declaration in scope (Namespaces in XML 1.0): the strict check resolves it. */
function hasNamespacePrefix(element: XmlElement): boolean {
  if (element.name.includes(':')) return true;
  for (const attribute of element.attributes) if (attribute.name.includes(':') && !attribute.name.startsWith('xmlns:')) return true;
  return false;
}

/** XML names start with a letter, `_` or `:` (or any non-ASCII letter). */
const NAME_START = /^[A-Za-z_:\u00C0-\uFFFF]/;

function hasRepeatedAttribute(attributes: readonly XmlAttribute[]): boolean {
  if (attributes.length < 2) return false;
  if (attributes.length <= 16) {
    for (let i = 1; i < attributes.length; i++) {
      for (let j = 0; j < i; j++) if (attributes[i].name === attributes[j].name) return true;
    }
    return false;
  }
  return new Set(attributes.map((attribute) => attribute.name)).size !== attributes.length;
}

/** An attribute with a name (and perhaps `=`) but no value yet. */
function noValue(element: XmlElement, name: string, nameStart: number, nameEnd: number, equalsAt: number | undefined, end: number): XmlAttribute {
  return new ScannedAttribute(element, name, nameStart, nameEnd, equalsAt, undefined, undefined, undefined, undefined, false, end);
}

/** Whether the element's start tag, content or end tag covers the offset (an open element covers its end). */
export function elementCovers(element: XmlElement, offset: number): boolean {
  if (offset <= element.start) return false;
  if (offset < element.end) return true;
  const closed = element.selfClosing ? element.startTagEnd !== undefined : element.endTag?.closed === true;
  return offset === element.end && !closed;
}

/** The deepest element covering the offset, or undefined outside every element. */
export function elementAt(document: XmlDocument, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let candidates = document.roots;
  for (;;) {
    const child = lastStartingBefore(candidates, offset);
    if (!child || !elementCovers(child, offset)) return found;
    found = child;
    candidates = child.children;
  }
}

/** Binary search: the last element of a document-ordered list that starts before the offset. */
function lastStartingBefore(elements: readonly XmlElement[], offset: number): XmlElement | undefined {
  let low = 0;
  let high = elements.length - 1;
  let result: XmlElement | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (elements[mid].start < offset) {
      result = elements[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return result;
}

/**
 * Whether the element and everything inside it are closed: its whole text can be removed, or text can be
 * inserted after it, without pulling other markup into or out of it.
 */
/** The element's own tags are closed: its start tag, and unless self-closing, its end tag. */
export function isClosed(element: XmlElement): boolean {
  return element.startTagEnd !== undefined && (element.selfClosing || element.endTag?.closed === true);
}

export function isComplete(element: XmlElement): boolean {
  const pending = [element];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (!isClosed(current) || current.attributes.some((attribute) => attribute.quote !== undefined && !attribute.valueClosed)) return false;
    // One by one: spread as arguments, the 300,000 entries of a large collection overflow the stack.
    for (const child of current.children) pending.push(child);
  }
  return true;
}

export function getAttribute(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.name === name);
}

/** Whether the offset lies within the start tag, after the element name (where attributes go). */
export function inStartTag(element: XmlElement, offset: number): boolean {
  if (offset <= element.nameEnd) return false;
  if (element.startTagEnd !== undefined) return offset < element.startTagEnd;
  return offset <= element.startTagLimit;
}
