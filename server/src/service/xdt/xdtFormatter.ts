// What the engine does to whitespace before it saves (XmlFileInfoDocument.Save with PreserveWhitespace calls
// XmlFormatter.Format): a port of dotnet/xdt src/Microsoft.Web.XmlTransform/XmlFormatter.cs and of
// XmlAttributePreservationDict.UpdatePreservationInfo.
//
// - A new element (or comment inside one) that does not follow whitespace or text gets an indent before it: the
//   indent of the current level as the source shows it (the last line break and what follows, from the
//   whitespace before a sibling), or the level above plus one step (the difference between the two nearest
//   levels, else the text after the line break, else a tab).
// - A new element appended after the whitespace that preceded the parent's end tag is moved before that
//   whitespace, so the end tag keeps its indent; a non-empty new element gets an indent before its end tag.
// - Two whitespace nodes in a row (a removed element left the whitespace before and after it) become one,
//   keeping the one with a line break.
// - Attributes: a removed attribute takes its leading whitespace with it, except the first one's and a line
//   break, which the next attribute inherits; an added attribute goes last, on its own line when every original
//   attribute is on its own line (the writer otherwise separates it by one space or wraps it past column 160).
//
// Elements that did not change are not walked (nothing in them is new, so the engine leaves them alone too).

import { containingElement, ensurePreservation, insertChild, markChanged, removeChild, XText, type AttributePreservation, type XContainer, type XDocument, type XElement, type XNode } from './xdtTree';

const DEFAULT_TAB = '\t';

export function formatDocument(document: XDocument): void {
  new Formatter().formatLoop(document);
}

type Visited = XNode | XContainer;

class Formatter {
  private readonly indents: string[] = [];
  private readonly attributeIndents: (string | undefined)[] = [];
  private currentIndentValue: string | undefined = '';
  private currentAttributeIndentValue: string | undefined;
  private oneTabValue: string | undefined;
  private currentNode: Visited | undefined;
  private previousNode: Visited | undefined;

  private setCurrent(node: Visited): void {
    this.previousNode = this.currentNode;
    this.currentNode = node;
  }

  formatLoop(parent: XContainer): void {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i];
      this.setCurrent(node);
      if (node.kind === 'element') i += this.handleElement(node);
      else if (node.kind === 'text' && node.isWhitespace) i += this.handleWhitespace(node);
      else if (node.kind === 'comment') i += this.ensureNodeIndent(node, false);
    }
  }

  private handleElement(element: XElement): number {
    let indexChange = this.ensureNodeIndent(element, false);
    if (element.attributesChanged || element.isNew) updatePreservationInfo(element, this);
    this.pushIndent();
    if (element.dirty || element.isNew) {
      this.reorderNewItemsAtEnd(element);
      this.formatLoop(element);
    }
    this.setCurrent(element);
    this.popIndent();
    if (!element.emptyMarker) indexChange += this.ensureNodeIndent(element, true);
    return indexChange;
  }

  /** XmlFormatter.ReorderNewItemsAtEnd: keep the whitespace before an original end tag after appended new elements. */
  private reorderNewItemsAtEnd(element: XElement): void {
    if (isNewNode(element)) return;
    const children = element.children;
    const last = children[children.length - 1];
    if (!last || isWhitespace(last)) return;
    for (let i = children.length - 1; i >= 0; i--) {
      const node = children[i];
      if (node.kind === 'element' && isNewNode(node)) continue;
      if (isWhitespace(node)) {
        removeChild(node);
        insertChild(element, node, element.children.length);
      }
      return;
    }
  }

  private handleWhitespace(node: XText): number {
    let indexChange = 0;
    const previous = this.previousNode;
    if (previous && previous.kind === 'text' && previous.isWhitespace) {
      // A removed node left two whitespace nodes side by side: keep one, the one with a line break.
      const remove = findLastNewLine(node.raw) < 0 && findLastNewLine(previous.raw) >= 0 ? node : previous;
      removeChild(remove);
      indexChange = -1;
    }
    const indent = indentFromWhitespace(node.raw);
    if (indent !== undefined) this.setIndent(indent);
    return indexChange;
  }

  private ensureNodeIndent(node: XNode, beforeEnd: boolean): number {
    if (!this.needsIndent(node, this.previousNode)) return 0;
    const parent = node.parent;
    if (beforeEnd && node.kind === 'element') {
      insertChild(node, new XText(this.currentIndent), node.children.length);
      return 0;
    }
    if (!parent) return 0;
    insertChild(parent, new XText(this.currentIndent), parent.children.indexOf(node));
    return 1;
  }

  private needsIndent(node: XNode, previous: Visited | undefined): boolean {
    return !(previous && previous.kind === 'text') && (isNewNode(node) || isNewNode(previous));
  }

  private setIndent(indent: string): void {
    if (this.currentIndentValue !== indent) {
      this.currentIndentValue = indent;
      this.oneTabValue = undefined;
      this.currentAttributeIndentValue = undefined;
    }
  }

  private pushIndent(): void {
    this.indents.push(this.currentIndent);
    this.currentIndentValue = undefined;
    this.attributeIndents.push(this.currentAttributeIndentValue);
    this.currentAttributeIndentValue = undefined;
  }

  private popIndent(): void {
    this.currentIndentValue = this.indents.pop() ?? '';
    this.currentAttributeIndentValue = this.attributeIndents.pop();
  }

  private get currentIndent(): string {
    if (this.currentIndentValue === undefined) this.currentIndentValue = this.lookAheadForIndent() ?? this.previousIndent + this.oneTab;
    return this.currentIndentValue;
  }

  private get previousIndent(): string {
    return this.indents[this.indents.length - 1] ?? '';
  }

  get currentAttributeIndent(): string {
    if (this.currentAttributeIndentValue === undefined) {
      this.currentAttributeIndentValue = this.currentNode?.kind === 'element' ? lookForSiblingIndent(this.currentNode) : undefined;
      this.currentAttributeIndentValue ??= this.currentIndent + this.oneTab;
    }
    return this.currentAttributeIndentValue;
  }

  private get oneTab(): string {
    this.oneTabValue ??= this.computeOneTab();
    return this.oneTabValue;
  }

  /** The indent a sibling's preceding whitespace shows (whitespace that is not the last child). */
  private lookAheadForIndent(): string | undefined {
    const parent = this.currentNode?.parent;
    if (!parent) return undefined;
    const siblings = parent.children;
    for (let i = 0; i < siblings.length - 1; i++) {
      const sibling = siblings[i];
      if (!isWhitespace(sibling)) continue;
      const indent = indentFromWhitespace(sibling.raw);
      if (indent !== undefined) return indent;
    }
    return undefined;
  }

  private computeOneTab(): string {
    if (this.indents.length === 0) return DEFAULT_TAB;
    for (let i = this.indents.length - 1; i > 0; i--) {
      const current = this.indents[i];
      const previous = this.indents[i - 1];
      if (current.startsWith(previous)) return current.slice(previous.length);
    }
    return convertIndentToTab(this.indents[0]);
  }
}

function isWhitespace(node: Visited | undefined): node is XText {
  return !!node && node.kind === 'text' && node.isWhitespace;
}

function isNewNode(node: Visited | undefined): boolean {
  if (!node || node.kind === 'document') return false;
  return containingElement(node)?.isNew ?? false;
}

/** XmlFormatter.FindLastNewLine: where the last line break starts, if only spaces and tabs follow it. */
function findLastNewLine(whitespace: string): number {
  for (let i = whitespace.length - 1; i >= 0; i--) {
    const ch = whitespace[i];
    if (ch === '\r') return i;
    if (ch === '\n') return i > 0 && whitespace[i - 1] === '\r' ? i - 1 : i;
    if (ch !== ' ' && ch !== '\t') return -1;
  }
  return -1;
}

function indentFromWhitespace(whitespace: string): string | undefined {
  const index = findLastNewLine(whitespace);
  return index >= 0 ? whitespace.slice(index) : undefined;
}

/** XmlFormatter.ConvertIndentToTab: the text after the leading line breaks, else a tab. */
function convertIndentToTab(indent: string): string {
  for (let index = 0; index < indent.length - 1; index++) {
    if (indent[index] !== '\r' && indent[index] !== '\n') return indent.slice(index + 1);
  }
  return DEFAULT_TAB;
}

/** XmlFormatter.LookForSiblingIndent: the attribute line break of the first sibling (after this one) that shows one. */
function lookForSiblingIndent(element: XElement): string | undefined {
  const parent = element.parent;
  if (!parent) return undefined;
  let beforeCurrent = true;
  let found: string | undefined;
  for (const sibling of parent.children) {
    if (sibling === element) beforeCurrent = false;
    else if (sibling.kind === 'element') found = attributeIndentOf(sibling);
    if (!beforeCurrent && found !== undefined) return found;
  }
  return undefined;
}

/** XmlAttributePreservationDict.GetAttributeNewLineString(null): whitespace with a line break before an attribute. */
function attributeIndentOf(element: XElement): string | undefined {
  const preservation = element.preservation;
  if (preservation) {
    preservation.newLineString ??= lookAheadForNewLineString(preservation);
    return preservation.newLineString;
  }
  for (const attribute of element.attributes) if (attribute.leading.includes('\n')) return attribute.leading;
  return element.trailing.includes('\n') ? element.trailing : undefined;
}

function lookAheadForNewLineString(preservation: AttributePreservation): string | undefined {
  for (const space of preservation.leading.values()) if (space.includes('\n')) return space;
  return undefined;
}

function getAttributeNewLineString(preservation: AttributePreservation, formatter: Formatter): string {
  preservation.newLineString ??= lookAheadForNewLineString(preservation) ?? formatter.currentAttributeIndent;
  return preservation.newLineString;
}

/** XmlAttributePreservationDict.ComputeOneAttributePerLine (the '' entry for the tag's end counts, as there). */
function oneAttributePerLine(preservation: AttributePreservation): boolean {
  if (preservation.oneAttributePerLine === undefined) {
    let result = false;
    if (preservation.leading.size > 1) {
      result = preservation.order.slice(1).every((name) => {
        const space = preservation.leading.get(name);
        return space === undefined || space.includes('\n');
      });
    }
    preservation.oneAttributePerLine = result;
  }
  return preservation.oneAttributePerLine;
}

/** XmlAttributePreservationDict.UpdatePreservationInfo. */
function updatePreservationInfo(element: XElement, formatter: Formatter): void {
  const preservation = ensurePreservation(element);
  const { order, leading } = preservation;
  if (element.attributes.length === 0) {
    if (order.length > 0) {
      leading.clear();
      order.length = 0;
    }
    return;
  }
  const exists = new Map<string, boolean>();
  for (const name of order) exists.set(name, false);
  for (const attribute of element.attributes) {
    if (!exists.has(attribute.qname)) order.push(attribute.qname);
    exists.set(attribute.qname, true);
  }
  let firstAttribute = true;
  let keepLeadingWhitespace: string | undefined;
  for (const key of order) {
    const present = exists.get(key) ?? false;
    if (!present) {
      const space = leading.get(key);
      if (space !== undefined) {
        if (firstAttribute) keepLeadingWhitespace ??= space;
        else if (space.includes('\n')) keepLeadingWhitespace = space;
        leading.delete(key);
      }
    } else if (keepLeadingWhitespace !== undefined) {
      const existing = leading.get(key);
      if (firstAttribute || existing === undefined || !existing.includes('\n')) leading.set(key, keepLeadingWhitespace);
      keepLeadingWhitespace = undefined;
    } else if (!leading.has(key)) {
      if (firstAttribute) leading.set(key, ' ');
      else if (oneAttributePerLine(preservation)) leading.set(key, getAttributeNewLineString(preservation, formatter));
      else getAttributeNewLineString(preservation, formatter);
    }
    firstAttribute = firstAttribute && !present;
  }
  markChanged(element);
}
