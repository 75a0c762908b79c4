// Writes the XDT tree back to text. Whatever did not change is copied from the text it was read from, byte for
// byte (quotes, entities, line endings, the whitespace inside tags). Changed start tags are rebuilt as the
// engine's XmlAttributePreservingWriter (dotnet/xdt src/Microsoft.Web.XmlTransform/XmlAttributePreservingWriter.cs)
// writes them from the preserved attribute order and whitespace (xdtFormatter.ts brings those up to date first):
// an attribute with no recorded whitespace gets one space, or the attribute line break when the line would pass
// column 160; an element with no attributes left loses the whitespace before `/>`.
//
// Where this differs from the engine, on purpose: the engine re-serializes the whole document through
// XmlTextWriter, so every attribute comes out in double quotes and entities are re-escaped; here only what a
// transform touched is rebuilt, an original attribute keeps its quote character, and values keep their entities
// as written in the transform.

import type { XAttribute, XDocument, XElement, XNode } from './xdtTree';

/** XmlAttributePreservingWriter.AttributeTextWriter.MaxLineLength. */
const MAX_LINE_LENGTH = 160;

export function writeDocument(document: XDocument): string {
  return writeNodes(document.bom, document.children);
}

/** The element as it will be written, for CommentOut (XmlNode.OuterXml). */
export function writeElement(element: XElement): string {
  return writeNodes('', [element]);
}

function writeNodes(prefix: string, nodes: readonly XNode[]): string {
  const output = new Output();
  output.push(prefix);
  const stack: (XNode | string)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      output.push(item);
      continue;
    }
    if (item.kind !== 'element') {
      output.push(item.raw);
      continue;
    }
    if (!item.dirty && !item.isNew) {
      output.push(item.origin.slice(item.start, item.end));
      continue;
    }
    writeStartTag(item, output);
    if (item.emptyMarker) continue;
    stack.push(endTag(item));
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]);
  }
  return output.text();
}

function endTag(element: XElement): string {
  return !element.isNew && element.endTagStart !== undefined ? element.origin.slice(element.endTagStart, element.end) : `</${element.qname}>`;
}

function writeStartTag(element: XElement, output: Output): void {
  if (!element.isNew && !element.attributesChanged) {
    const raw = element.origin.slice(element.start, element.startTagEnd);
    output.push(raw.endsWith('/>') && !element.emptyMarker ? `${raw.slice(0, -2)}>` : raw);
    return;
  }
  output.push(`<${element.qname}`);
  const preservation = element.preservation;
  const order = preservation ? preservation.order : element.attributes.map((attribute) => attribute.qname);
  for (const name of order) {
    const attribute = element.attribute(name);
    if (!attribute) continue;
    const text = attributeText(attribute, element);
    const leading = preservation?.leading.get(name);
    if (leading !== undefined) output.push(leading);
    else output.push(output.column() + text.length + 2 > MAX_LINE_LENGTH ? preservation?.newLineString ?? '\r\n' : ' ');
    output.push(text);
  }
  const trailing = preservation?.leading.get('');
  if (trailing !== undefined) output.push(trailing);
  output.push(element.emptyMarker ? '/>' : '>');
}

function attributeText(attribute: XAttribute, element: XElement): string {
  if (attribute.raw !== undefined && !element.isNew) return attribute.raw;
  const quote = element.isNew ? '"' : attribute.quote;
  // XmlTextWriter escapes `>` in attribute values; entities already written stay as they are.
  const value = attribute.valueText.replaceAll(quote, quote === '"' ? '&quot;' : '&apos;').replaceAll('>', '&gt;');
  return `${attribute.qname}=${quote}${value}${quote}`;
}

class Output {
  private readonly chunks: string[] = [];

  push(chunk: string): void {
    if (chunk !== '') this.chunks.push(chunk);
  }

  /** Characters written since the last line break. */
  column(): number {
    let length = 0;
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i];
      const newline = chunk.lastIndexOf('\n');
      if (newline >= 0) return length + chunk.length - newline - 1;
      length += chunk.length;
    }
    return length;
  }

  text(): string {
    return this.chunks.join('');
  }
}
