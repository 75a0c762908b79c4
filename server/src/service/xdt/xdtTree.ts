// The mutable XML tree the XDT engine works on: the DOM that dotnet/xdt gets from XmlDocument (loaded with
// PreserveWhitespace = true for the source, as dotnet/sdk src/WebSdk/Publish/Tasks/Tasks/Xdt/TransformXml.cs
// OpenSourceFile does), reduced to what the transforms, the XPath evaluator, the formatter and the writer need.
//
// Every node remembers the text it was read from and its offsets, so the writer can copy whatever did not change
// byte for byte. A change marks the changed element and its ancestors `dirty`; a clean element is written as its
// source slice.

export const XDT_NAMESPACE = 'http://schemas.microsoft.com/XML-Document-Transform';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export type Quote = '"' | "'";

export class XAttribute {
  readonly kind = 'attribute';
  owner: XElement | undefined;
  /** The whole `name="value"` as written; undefined once the value changed (the writer then builds it). */
  raw: string | undefined;

  constructor(
    readonly qname: string,
    readonly prefix: string,
    readonly localName: string,
    readonly namespaceUri: string,
    /** The value with entities decoded (what XPath and the transforms compare). */
    public value: string,
    /** The value as written between the quotes, entities kept. */
    public valueText: string,
    public quote: Quote,
    /** The whitespace before the attribute in its start tag (the engine's XmlAttributePreservationDict keeps it). */
    readonly leading: string,
    /** Offsets of the attribute in the text it was read from (for problems). */
    readonly start: number,
    readonly end: number,
  ) {
    this.raw = `${qname}=${quote}${valueText}${quote}`;
  }

  get isNamespaceDeclaration(): boolean {
    return this.qname === 'xmlns' || this.prefix === 'xmlns';
  }
}

export class XText {
  readonly kind = 'text';
  parent: XContainer | undefined;
  constructor(public raw: string) {}

  /** XmlNodeType.Whitespace: the text holds only XML whitespace. */
  get isWhitespace(): boolean {
    return /^[ \t\r\n]*$/.test(this.raw);
  }
}

export class XComment {
  readonly kind = 'comment';
  parent: XContainer | undefined;
  constructor(public raw: string) {}
}

export type MarkupKind = 'declaration' | 'processing-instruction' | 'cdata' | 'doctype';

/** Markup the engine copies through untouched: the XML declaration, processing instructions, CDATA, DOCTYPE. */
export class XMarkup {
  readonly kind = 'markup';
  parent: XContainer | undefined;
  constructor(readonly markup: MarkupKind, public raw: string) {}
}

/** What XmlAttributePreservationDict (dotnet/xdt src/Microsoft.Web.XmlTransform/XmlAttributePreservationDict.cs) holds. */
export interface AttributePreservation {
  /** Attribute names in their original order, then the ones added since. */
  readonly order: string[];
  /** The whitespace before each attribute; the key '' holds the whitespace before `>` or `/>`. */
  readonly leading: Map<string, string>;
  /** The line break and indent used before new attributes when they wrap; computed on demand. */
  newLineString: string | undefined;
  oneAttributePerLine: boolean | undefined;
}

export class XElement {
  readonly kind = 'element';
  parent: XContainer | undefined;
  children: XNode[] = [];
  attributes: XAttribute[] = [];
  /** XmlElement.IsEmpty: written `<a/>` and nothing appended since. */
  emptyMarker = false;
  /** Cloned from the transform (XmlFileInfoElement.IsOriginal false). */
  isNew = false;
  attributesChanged = false;
  /** Something in this element (attributes or descendants) changed since it was read. */
  dirty = false;
  /** Created on the first attribute change (or empty for a new element), as the engine's dictionary. */
  preservation: AttributePreservation | undefined;
  /** Whitespace before `>` or `/>` in the start tag as read. */
  trailing = '';

  constructor(
    readonly qname: string,
    readonly prefix: string,
    readonly localName: string,
    readonly namespaceUri: string,
    /** The text the element was read from, and its offsets there. */
    readonly origin: string,
    readonly start: number,
    public end: number,
    public startTagEnd: number,
    /** Offset of `</` of the end tag; undefined for `<a/>`. */
    public endTagStart: number | undefined,
  ) {}

  attribute(qname: string): XAttribute | undefined {
    return this.attributes.find((attribute) => attribute.qname === qname);
  }

  attributeNS(localName: string, namespaceUri: string): XAttribute | undefined {
    return this.attributes.find((attribute) => attribute.localName === localName && attribute.namespaceUri === namespaceUri && !attribute.isNamespaceDeclaration);
  }
}

export class XDocument {
  readonly kind = 'document';
  readonly parent = undefined;
  children: XNode[] = [];
  dirty = false;
  /** Bumped on every change, so the XPath evaluator knows when its document order is stale. */
  version = 0;
  constructor(readonly origin: string, readonly bom: string) {}

  get documentElement(): XElement | undefined {
    return this.children.find((child): child is XElement => child.kind === 'element');
  }
}

export type XNode = XElement | XText | XComment | XMarkup;
export type XContainer = XElement | XDocument;
/** Every kind of node XPath can select. */
export type XPathNode = XNode | XAttribute | XDocument;

export function ownerDocument(node: XPathNode): XDocument | undefined {
  let current: XPathNode | undefined = node;
  while (current && current.kind !== 'document') current = current.kind === 'attribute' ? current.owner : current.parent;
  return current;
}

/** Marks `container` and its ancestors as changed. */
export function markChanged(container: XContainer): void {
  let current: XContainer | undefined = container;
  while (current) {
    current.dirty = true;
    if (current.kind === 'document') {
      current.version += 1;
      return;
    }
    current = current.parent;
  }
}

/** Which element holds `node` (the node itself for an element): what XmlFileInfoDocument.IsNewNode looks up. */
export function containingElement(node: XNode | XDocument | undefined): XElement | undefined {
  if (!node || node.kind === 'document') return undefined;
  if (node.kind === 'element') return node;
  return node.parent?.kind === 'element' ? node.parent : undefined;
}

export function insertChild(parent: XContainer, node: XNode, index: number): void {
  node.parent = parent;
  parent.children.splice(index, 0, node);
  if (parent.kind === 'element') parent.emptyMarker = false;
  markChanged(parent);
}

export function appendChild(parent: XContainer, node: XNode): void {
  insertChild(parent, node, parent.children.length);
}

export function removeChild(node: XNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = undefined;
  markChanged(parent);
}

export function replaceChild(oldNode: XNode, newNode: XNode): void {
  const parent = oldNode.parent;
  if (!parent) return;
  const index = parent.children.indexOf(oldNode);
  removeChild(oldNode);
  insertChild(parent, newNode, index);
}

/** The attribute order and whitespace as read, captured before the first attribute change. */
export function ensurePreservation(element: XElement): AttributePreservation {
  if (!element.preservation) {
    const leading = new Map<string, string>();
    for (const attribute of element.attributes) leading.set(attribute.qname, attribute.leading);
    leading.set('', element.trailing);
    element.preservation = { order: element.attributes.map((attribute) => attribute.qname), leading, newLineString: undefined, oneAttributePerLine: undefined };
  }
  return element.preservation;
}

export function setAttributeValue(element: XElement, attribute: XAttribute, value: string, valueText: string): void {
  ensurePreservation(element);
  attribute.value = value;
  attribute.valueText = valueText;
  attribute.raw = undefined;
  element.attributesChanged = true;
  markChanged(element);
}

export function addAttribute(element: XElement, attribute: XAttribute): void {
  ensurePreservation(element);
  attribute.owner = element;
  attribute.raw = undefined;
  element.attributes.push(attribute);
  element.attributesChanged = true;
  markChanged(element);
}

export function removeAttribute(element: XElement, attribute: XAttribute): void {
  ensurePreservation(element);
  element.attributes = element.attributes.filter((candidate) => candidate !== attribute);
  attribute.owner = undefined;
  element.attributesChanged = true;
  markChanged(element);
}

/** Every namespace declaration in scope at `element`, nearest first wins (the XPath namespace axis). */
export function namespacesInScope(element: XElement): Map<string, string> {
  const scope = new Map<string, string>();
  for (let current: XContainer | undefined = element; current && current.kind === 'element'; current = current.parent) {
    for (const attribute of current.attributes) {
      if (!attribute.isNamespaceDeclaration) continue;
      const prefix = attribute.qname === 'xmlns' ? '' : attribute.localName;
      if (!scope.has(prefix)) scope.set(prefix, attribute.value);
    }
  }
  scope.set('xml', XML_NAMESPACE);
  return scope;
}

/**
 * A deep copy of a transform element for the target document, as XmlElementContext.CreateCloneInTargetDocument
 * makes it: every element new, and (the transform document is loaded without PreserveWhitespace in
 * XmlTransformation.cs) no whitespace-only text, so the formatter indents the copy to fit where it lands.
 */
export function cloneIntoTarget(element: XElement): XElement {
  const copy = new XElement(element.qname, element.prefix, element.localName, element.namespaceUri, element.origin, element.start, element.end, element.startTagEnd, element.endTagStart);
  copy.isNew = true;
  copy.dirty = true;
  copy.emptyMarker = element.emptyMarker;
  copy.preservation = { order: [], leading: new Map(), newLineString: undefined, oneAttributePerLine: undefined };
  for (const attribute of element.attributes) {
    const attributeCopy = copyAttribute(attribute);
    attributeCopy.owner = copy;
    copy.attributes.push(attributeCopy);
  }
  for (const child of element.children) {
    const childCopy = cloneNode(child);
    if (!childCopy) continue;
    childCopy.parent = copy;
    copy.children.push(childCopy);
  }
  return copy;
}

function cloneNode(node: XNode): XNode | undefined {
  switch (node.kind) {
    case 'element':
      return cloneIntoTarget(node);
    case 'text':
      return node.isWhitespace ? undefined : new XText(node.raw);
    case 'comment':
      return new XComment(node.raw);
    case 'markup':
      return new XMarkup(node.markup, node.raw);
  }
}

export function copyAttribute(attribute: XAttribute): XAttribute {
  return new XAttribute(attribute.qname, attribute.prefix, attribute.localName, attribute.namespaceUri, attribute.value, attribute.valueText, attribute.quote, attribute.leading, attribute.start, attribute.end);
}
