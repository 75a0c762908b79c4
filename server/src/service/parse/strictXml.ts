// The strict well-formedness check: XML 1.0 (Fifth Edition) with Namespaces in XML 1.0, as the parser IIS
// reads configuration with applies them. Two passes, both linear in the text:
//
// 1. A lexer of our own finds the mistakes people make most, each at its place, so that every one of them
//    is reported (not only the first) with an exact range: a bare `&` (production [68] EntityRef needs a
//    Name and `;`), a reference to an entity XML does not define (WFC: Entity Declared; only amp, lt, gt,
//    quot and apos exist without a DTD, section 4.6), `--` inside a comment (production [15] Comment),
//    an XML declaration that does not open the document (production [22] prolog: XMLDecl comes first), a
//    repeated attribute (WFC: Unique Att Spec) and a namespace prefix with no declaration in scope
//    (Namespaces in XML 1.0, NSC: Prefix Declared). It overwrites each one with spaces, so the second pass
//    sees neither it nor its knock-on errors and its offsets stay exact.
// 2. saxes, a conformant SAX parser, judges the rest (characters outside production [2] Char, `<` in an
//    attribute value, mismatched or unclosed tags, unquoted values, `]]>` in text, a second root). After a
//    structural error its recovery is a guess, so only its errors up to and including the first non-local
//    one are kept.

import { SaxesParser } from 'saxes';

export type StrictXmlErrorKind =
  | 'bare-ampersand'
  | 'undefined-entity'
  | 'double-hyphen-in-comment'
  | 'declaration-not-first'
  | 'duplicate-attribute'
  /** A prefix with no `xmlns:` declaration in scope (`detail` is the prefix), or `xmlns:p=""` (`detail` is `p=`). */
  | 'undeclared-prefix'
  /** A comment, CDATA section or processing instruction that never ends; `detail` names which. */
  | 'unterminated'
  /** Anything saxes reports; `detail` carries its message. */
  | 'parser';

export interface StrictXmlError {
  readonly kind: StrictXmlErrorKind;
  readonly start: number;
  readonly end: number;
  /** The entity name, the attribute name, `value` or `text` for a bare `&`, or saxes's message. */
  readonly detail: string;
  /** For `declaration-not-first`: where the text before the declaration starts (after a BOM) and whether it holds markup. */
  readonly prefixStart?: number;
  readonly prefixHasMarkup?: boolean;
  /** For `duplicate-attribute`: the text to remove (the attribute and the whitespace before it). */
  readonly removeStart?: number;
  readonly removeEnd?: number;
}

/** The five entities XML predefines (section 4.6). */
const PREDEFINED_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const ENTITY_REFERENCE = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*;/y;
const CHARACTER_REFERENCE = /#(?:x[0-9a-fA-F]+|[0-9]+);/y;
const NAME = /[^\s<>/="'?!]+/y;

/** More errors than this in one file are not worth a list: the first ones are reported, and fix-all repairs them pass by pass. */
export const MAX_ERRORS = 1000;

/** Every well-formedness error of the text (up to MAX_ERRORS), in document order. */
export function findStrictXmlErrors(text: string): StrictXmlError[] {
  const lexer = new MistakeLexer(text);
  lexer.run();
  // Past an unterminated comment or CDATA section the rest of the file is inside it: saxes's errors there
  // (unclosed tags, unexpected end) are its consequences.
  const unterminated = lexer.errors.find((error) => error.kind === 'unterminated');
  const parsed = parserErrors(lexer.neutralized()).filter((error) => !unterminated || error.start < unterminated.start);
  const errors = [...lexer.errors, ...parsed];
  return errors.sort((a, b) => a.start - b.start).slice(0, MAX_ERRORS);
}

/** Whether a conformant, namespace-aware XML parser accepts the whole text. */
export function isWellFormedXml(text: string): boolean {
  return findStrictXmlErrors(text).length === 0;
}

class MistakeLexer {
  readonly errors: StrictXmlError[] = [];
  private readonly blanks: { start: number; end: number }[] = [];
  private readonly contentStart: number;
  /** With an internal DTD subset, a named entity may be declared there: no entity checks then. */
  private hasInternalSubset = false;
  private nextAmpersand = -1;
  /** Namespace prefixes declared on the open elements, with how many of them declare each. */
  private readonly inScope = new Map<string, number>();
  private readonly openElements: { name: string; declared: readonly string[] }[] = [];

  constructor(private readonly text: string) {
    this.contentStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  run(): void {
    const { text } = this;
    let i = this.contentStart;
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      const textEnd = lt < 0 ? text.length : lt;
      this.checkReferences(i, textEnd, false);
      if (lt < 0) return;
      if (text.startsWith('<!--', lt)) i = this.comment(lt);
      else if (text.startsWith('<![CDATA[', lt)) i = this.terminated(lt, ']]>', 'CDATA section');
      else if (text.startsWith('<!', lt)) i = this.doctype(lt);
      else if (text.startsWith('<?', lt)) i = this.processingInstruction(lt);
      else if (text.startsWith('</', lt)) i = this.endTag(lt);
      else i = this.startTag(lt);
    }
  }

  /** The text with every mistake found here overwritten by filler of the same length. */
  neutralized(): string {
    if (this.blanks.length === 0) return this.text;
    const parts: string[] = [];
    let cursor = 0;
    for (const blank of [...this.blanks].sort((a, b) => a.start - b.start)) {
      if (blank.start < cursor) continue;
      parts.push(this.text.slice(cursor, blank.start), fillerFor(this.text.slice(blank.start, blank.end)));
      cursor = blank.end;
    }
    parts.push(this.text.slice(cursor));
    return parts.join('');
  }

  private report(error: StrictXmlError, blankStart: number, blankEnd: number): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(error);
    this.blanks.push({ start: blankStart, end: blankEnd });
  }

  /**
   * The first `&` at or after the offset (the text's length when there is none). The search result is kept,
   * so that asking for every short stretch of a file without `&` does not scan to its end each time.
   */
  private ampersandFrom(from: number): number {
    if (this.nextAmpersand < from) {
      const found = this.text.indexOf('&', from);
      this.nextAmpersand = found < 0 ? this.text.length : found;
    }
    return this.nextAmpersand;
  }

  /** `&` in text or an attribute value must start a character reference or a reference to a declared entity. */
  private checkReferences(from: number, to: number, inValue: boolean): void {
    const { text } = this;
    for (let amp = this.ampersandFrom(from); amp < to; amp = this.ampersandFrom(amp + 1)) {
      CHARACTER_REFERENCE.lastIndex = amp + 1;
      const charRef = CHARACTER_REFERENCE.exec(text);
      if (charRef && amp + 1 + charRef[0].length <= to) continue; // its value is judged by saxes
      ENTITY_REFERENCE.lastIndex = amp + 1;
      const named = ENTITY_REFERENCE.exec(text);
      if (named && amp + 1 + named[0].length <= to) {
        const name = named[0].slice(0, -1);
        const end = amp + 1 + named[0].length;
        if (!PREDEFINED_ENTITIES.has(name) && !this.hasInternalSubset) {
          this.report({ kind: 'undefined-entity', start: amp, end, detail: name }, amp, end);
        }
        continue;
      }
      this.report({ kind: 'bare-ampersand', start: amp, end: amp + 1, detail: inValue ? 'value' : 'text' }, amp, amp + 1);
    }
  }

  /** Production [15]: a comment's body holds no `--` and does not end in `-`. Each run of hyphens is one error. */
  private comment(start: number): number {
    const { text } = this;
    const bodyStart = start + 4;
    const close = text.indexOf('-->', bodyStart);
    if (close < 0) return this.terminated(start, '-->', 'comment');
    const bodyEnd = close;
    for (let run = text.indexOf('-', bodyStart); run >= 0 && run < bodyEnd; ) {
      let runEnd = run + 1;
      while (runEnd < bodyEnd && text.charCodeAt(runEnd) === 0x2d) runEnd++;
      if (runEnd - run >= 2 || runEnd === bodyEnd) {
        // A run that ends the body is marked with the `-` of `-->` it runs into.
        this.report({ kind: 'double-hyphen-in-comment', start: run, end: runEnd === bodyEnd ? runEnd + 1 : runEnd, detail: text.slice(run, runEnd) }, run, runEnd);
      }
      run = text.indexOf('-', runEnd);
    }
    return close + 3;
  }

  /** Just after the construct's terminator; at the end of the text, having reported it missing. */
  private terminated(start: number, terminator: string, construct: string): number {
    const at = this.text.indexOf(terminator, start + 2);
    if (at >= 0) return at + terminator.length;
    this.errors.push({ kind: 'unterminated', start, end: Math.min(start + 4, this.text.length), detail: construct });
    return this.text.length;
  }

  private doctype(start: number): number {
    const { text } = this;
    const close = text.indexOf('>', start);
    const end = close < 0 ? text.length : close;
    let bracket = start;
    while (bracket < end && text.charCodeAt(bracket) !== 0x5b) bracket++; // [
    if (bracket < end) {
      this.hasInternalSubset = true;
      const closeBracket = text.indexOf(']', bracket + 1);
      return closeBracket < 0 ? text.length : after(text, '>', closeBracket + 1);
    }
    return close < 0 ? text.length : close + 1;
  }

  /** Production [22]: the XML declaration, when there is one, is the very first thing (after a BOM). */
  private processingInstruction(start: number): number {
    const { text } = this;
    const end = this.terminated(start, '?>', 'processing instruction');
    const isDeclaration = text.startsWith('<?xml', start) && /\s|\?/.test(text.charAt(start + 5));
    if (isDeclaration && start > this.contentStart) {
      const prefixHasMarkup = text.indexOf('<', this.contentStart) < start;
      // Blank the declaration, and text before it that is not markup, so that saxes judges what is left.
      this.report({ kind: 'declaration-not-first', start, end, detail: '<?xml', prefixStart: this.contentStart, prefixHasMarkup }, prefixHasMarkup ? start : this.contentStart, end);
    }
    return end;
  }

  /** A start tag: its attribute values' references, each attribute name once (WFC: Unique Att Spec), and its prefixes. */
  private startTag(start: number): number {
    const { text } = this;
    NAME.lastIndex = start + 1;
    const element = NAME.exec(text);
    if (!element) return start + 1;
    const attributes: { name: string; start: number; value: string }[] = [];
    const end = this.attributes(start + 1 + element[0].length, attributes);
    const selfClosing = text.charCodeAt(end - 1) === 0x3e && text.charCodeAt(end - 2) === 0x2f;
    this.checkNamespaces(element[0], start + 1, attributes, selfClosing);
    return end;
  }

  /** Scans the attributes from `from` into `attributes`; returns where the tag ends (or where scanning gave up). */
  private attributes(from: number, attributes: { name: string; start: number; value: string }[]): number {
    const { text } = this;
    let i = from;
    const seen = new Set<string>();
    for (;;) {
      const attributeStart = i;
      while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      if (i >= text.length) return i;
      const code = text.charCodeAt(i);
      if (code === 0x3e) return i + 1; // >
      if (code === 0x2f && text.charCodeAt(i + 1) === 0x3e) return i + 2; // />
      NAME.lastIndex = i;
      const name = NAME.exec(text);
      if (!name || i === attributeStart) return after(text, '>', i); // saxes says what is wrong here
      const nameStart = i;
      i += name[0].length;
      while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d) return after(text, '>', i);
      i++;
      while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      const quote = text.charAt(i);
      if (quote !== '"' && quote !== "'") return after(text, '>', i);
      const valueStart = i + 1;
      const quoteCode = quote.charCodeAt(0);
      let close = valueStart;
      while (close < text.length && text.charCodeAt(close) !== quoteCode && text.charCodeAt(close) !== 0x3c) close++;
      // A `<` before the closing quote: the value was left open, or holds a `<`. saxes reports it.
      if (close >= text.length || text.charCodeAt(close) === 0x3c) return close;
      this.checkReferences(valueStart, close, true);
      i = close + 1;
      if (seen.has(name[0])) {
        this.report({ kind: 'duplicate-attribute', start: nameStart, end: nameStart + name[0].length, detail: name[0], removeStart: attributeStart, removeEnd: i }, nameStart, i);
      } else {
        attributes.push({ name: name[0], start: nameStart, value: text.slice(valueStart, close) });
      }
      seen.add(name[0]);
    }
  }

  /**
   * Namespaces in XML 1.0, section 5 (Namespace constraint: Prefix Declared): a prefixed element or attribute
   * name needs an `xmlns:prefix` on the element or an ancestor; `xml` is always bound. The declarations in
   * scope are counted per prefix and an element's own are undone at its end tag, so the check is linear
   * however deep the nesting (saxes's own namespace mode walks every ancestor per element).
   */
  private checkNamespaces(name: string, nameStart: number, attributes: readonly { name: string; start: number; value: string }[], selfClosing: boolean): void {
    const declared: string[] = [];
    for (const attribute of attributes) {
      if (!attribute.name.startsWith('xmlns:')) continue;
      const prefix = attribute.name.slice(6);
      // Namespace constraint: No Prefix Undeclaring (XML 1.0 namespaces may not unbind a prefix).
      if (attribute.value === '') this.report({ kind: 'undeclared-prefix', start: attribute.start, end: attribute.start + attribute.name.length, detail: `${prefix}=` }, attribute.start, attribute.start);
      else declared.push(prefix);
    }
    for (const prefix of declared) this.inScope.set(prefix, (this.inScope.get(prefix) ?? 0) + 1);
    const check = (qualifiedName: string, at: number) => {
      const colon = qualifiedName.indexOf(':');
      if (colon <= 0) return;
      const prefix = qualifiedName.slice(0, colon);
      if (prefix === 'xml' || prefix === 'xmlns' || (this.inScope.get(prefix) ?? 0) > 0) return;
      this.report({ kind: 'undeclared-prefix', start: at, end: at + qualifiedName.length, detail: prefix }, at, at);
    };
    check(name, nameStart);
    for (const attribute of attributes) check(attribute.name, attribute.start);
    if (selfClosing) this.undeclare(declared);
    else this.openElements.push({ name, declared });
  }

  private undeclare(prefixes: readonly string[]): void {
    for (const prefix of prefixes) this.inScope.set(prefix, (this.inScope.get(prefix) ?? 1) - 1);
  }

  /** An end tag closes the innermost open element when the names match; otherwise saxes reports the mismatch. */
  private endTag(start: number): number {
    const { text } = this;
    NAME.lastIndex = start + 2;
    const name = NAME.exec(text);
    const top = this.openElements[this.openElements.length - 1];
    if (name && top && top.name === name[0]) {
      this.openElements.pop();
      this.undeclare(top.declared);
    }
    return after(text, '>', start + 2);
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The offset just after the next `terminator` from `from`, or the end of the text. */
function after(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? text.length : at + terminator.length;
}

/** Same-length filler that is legal wherever the original stood (text, a value, a comment, a tag, the prolog): spaces, keeping line breaks. */
function fillerFor(original: string): string {
  return original.replace(/[^\r\n]/g, ' ');
}

/** saxes's messages for errors that leave the parser in step with the document: it goes on after them reliably. */
const LOCAL_PARSER_ERRORS = /^(disallowed character\.|malformed character entity\.|the string "\]\]>" is disallowed in char data\.)$/;

/** Thrown from saxes's error handler to stop the parse: saxes lets a handler's exception out of `write`. */
const STOP_PARSING = new Error('stop parsing');

function parserErrors(text: string): StrictXmlError[] {
  const errors: StrictXmlError[] = [];
  // Namespaces are checked by the lexer: saxes's namespace mode is quadratic in the nesting depth.
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '');
    // `position` is just past the character saxes was looking at.
    const at = Math.min(Math.max(parser.position - 1, 0), text.length);
    errors.push({ kind: 'parser', start: at, end: at, detail: message });
    const local = LOCAL_PARSER_ERRORS.test(message) && text.charAt(at) !== '<';
    if (!local || errors.length >= MAX_ERRORS) throw STOP_PARSING;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error !== STOP_PARSING) throw error;
  }
  return errors;
}
