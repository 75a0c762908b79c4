// Reads well-formed XML into the XDT tree (xdtTree.ts) with the offsets of every element and attribute and the
// whitespace around attributes. The caller has already checked well-formedness (strictXml.ts); on anything this
// reader does not expect it returns undefined instead of guessing.

import { decodeEntities } from '../parse/xmlDocument';
import { XAttribute, XComment, XDocument, XElement, XMarkup, XText, XML_NAMESPACE, XMLNS_NAMESPACE, type Quote, type XContainer, type XNode } from './xdtTree';

const NAME = /[^\s<>/="'?!]+/y;
const SPACES = /[ \t\r\n]*/y;

export function readXml(text: string): XDocument | undefined {
  return new TreeReader(text).read();
}

class TreeReader {
  private pos: number;
  private readonly document: XDocument;
  private readonly open: XContainer[];
  private readonly scopes: Map<string, string>[] = [new Map([['xml', XML_NAMESPACE], ['xmlns', XMLNS_NAMESPACE], ['', '']])];

  constructor(private readonly text: string) {
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    this.pos = bom.length;
    this.document = new XDocument(text, bom);
    this.open = [this.document];
  }

  read(): XDocument | undefined {
    const { text } = this;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const textEnd = lt < 0 ? text.length : lt;
      if (textEnd > this.pos) this.add(new XText(text.slice(this.pos, textEnd)));
      if (lt < 0) break;
      this.pos = lt;
      if (!this.readMarkup()) return undefined;
    }
    return this.open.length === 1 ? this.document : undefined;
  }

  private get current(): XContainer {
    return this.open[this.open.length - 1];
  }

  private add(node: XNode): void {
    node.parent = this.current;
    this.current.children.push(node);
  }

  /** Reads the markup at `pos` (which is at `<`); false when it is not what well-formed XML has there. */
  private readMarkup(): boolean {
    const { text } = this;
    if (text.startsWith('<!--', this.pos)) return this.readDelimited('-->', (raw) => new XComment(raw));
    if (text.startsWith('<![CDATA[', this.pos)) return this.readDelimited(']]>', (raw) => new XMarkup('cdata', raw));
    if (text.startsWith('<?', this.pos)) {
      const isDeclaration = /^<\?xml[ \t\r\n?]/.test(text.slice(this.pos, this.pos + 6));
      return this.readDelimited('?>', (raw) => new XMarkup(isDeclaration ? 'declaration' : 'processing-instruction', raw));
    }
    if (text.startsWith('<!DOCTYPE', this.pos)) return this.readDoctype();
    if (text.startsWith('</', this.pos)) return this.readEndTag();
    return this.readStartTag();
  }

  private readDelimited(terminator: string, create: (raw: string) => XNode): boolean {
    const end = this.text.indexOf(terminator, this.pos + 2);
    if (end < 0) return false;
    this.add(create(this.text.slice(this.pos, end + terminator.length)));
    this.pos = end + terminator.length;
    return true;
  }

  /** A DOCTYPE may hold an internal subset in brackets, with quoted strings that contain `>`. */
  private readDoctype(): boolean {
    const { text } = this;
    let depth = 0;
    for (let i = this.pos + 2; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"' || ch === "'") {
        const close = text.indexOf(ch, i + 1);
        if (close < 0) return false;
        i = close;
      } else if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '>' && depth <= 0) {
        this.add(new XMarkup('doctype', text.slice(this.pos, i + 1)));
        this.pos = i + 1;
        return true;
      }
    }
    return false;
  }

  private readEndTag(): boolean {
    const element = this.current;
    const gt = this.text.indexOf('>', this.pos);
    if (element.kind !== 'element' || gt < 0) return false;
    element.endTagStart = this.pos;
    element.end = gt + 1;
    this.pos = gt + 1;
    this.open.pop();
    this.scopes.pop();
    return true;
  }

  private readStartTag(): boolean {
    const { text } = this;
    const start = this.pos;
    NAME.lastIndex = start + 1;
    const nameMatch = NAME.exec(text);
    if (!nameMatch) return false;
    const qname = nameMatch[0];
    this.pos = NAME.lastIndex;
    const pending: { qname: string; leading: string; valueText: string; quote: Quote; start: number; end: number }[] = [];
    for (;;) {
      SPACES.lastIndex = this.pos;
      SPACES.exec(text);
      const spaceStart = this.pos;
      this.pos = SPACES.lastIndex;
      const leading = text.slice(spaceStart, this.pos);
      const ch = text[this.pos];
      if (ch === '>' || (ch === '/' && text[this.pos + 1] === '>')) {
        const selfClosing = ch === '/';
        this.pos += selfClosing ? 2 : 1;
        this.openElement(qname, start, pending, leading, selfClosing);
        return true;
      }
      NAME.lastIndex = this.pos;
      const attributeName = NAME.exec(text);
      if (!attributeName || leading === '') return false;
      const attributeStart = this.pos;
      this.pos = NAME.lastIndex;
      SPACES.lastIndex = this.pos;
      SPACES.exec(text);
      this.pos = SPACES.lastIndex;
      if (text[this.pos] !== '=') return false;
      SPACES.lastIndex = this.pos + 1;
      SPACES.exec(text);
      this.pos = SPACES.lastIndex;
      const quote = text[this.pos];
      if (quote !== '"' && quote !== "'") return false;
      const close = text.indexOf(quote, this.pos + 1);
      if (close < 0) return false;
      pending.push({ qname: attributeName[0], leading, valueText: text.slice(this.pos + 1, close), quote, start: attributeStart, end: close + 1 });
      this.pos = close + 1;
    }
  }

  private openElement(qname: string, start: number, pending: readonly { qname: string; leading: string; valueText: string; quote: Quote; start: number; end: number }[], trailing: string, selfClosing: boolean): void {
    const scope = new Map(this.scopes[this.scopes.length - 1]);
    for (const attribute of pending) {
      if (attribute.qname === 'xmlns') scope.set('', decodeEntities(attribute.valueText));
      else if (attribute.qname.startsWith('xmlns:')) scope.set(attribute.qname.slice(6), decodeEntities(attribute.valueText));
    }
    const [prefix, localName] = splitName(qname);
    const element = new XElement(qname, prefix, localName, scope.get(prefix) ?? '', this.text, start, this.pos, this.pos, undefined);
    element.trailing = trailing;
    element.emptyMarker = selfClosing;
    for (const attribute of pending) {
      const [attributePrefix, attributeLocal] = splitName(attribute.qname);
      const namespaceUri = attribute.qname === 'xmlns' ? XMLNS_NAMESPACE : attributePrefix === '' ? '' : scope.get(attributePrefix) ?? '';
      const node = new XAttribute(attribute.qname, attributePrefix, attributeLocal, namespaceUri, decodeEntities(attribute.valueText), attribute.valueText, attribute.quote, attribute.leading, attribute.start, attribute.end);
      node.owner = element;
      element.attributes.push(node);
    }
    this.add(element);
    if (!selfClosing) {
      this.open.push(element);
      this.scopes.push(scope);
    }
  }
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}
