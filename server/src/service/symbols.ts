// Document symbols (the outline): each <aspNetCore> section with its attributes and collections,
// and each aspNetCore handler line.

import { type XmlElement, getAttribute } from './parse/xmlDocument';
import type { SymbolNode } from './types';
import { type WebConfigDocument, collectionOf, hostingModelOf, moduleOf } from './webConfig';

export function findDocumentSymbols(document: WebConfigDocument): SymbolNode[] {
  const symbols = [...document.handlers.map(handlerSymbol), ...document.sections.map(sectionSymbol)];
  return symbols.sort((a, b) => a.start - b.start);
}

function node(element: XmlElement, name: string, kind: SymbolNode['kind'], detail: string | undefined, children: SymbolNode[] = []): SymbolNode {
  return {
    name,
    kind,
    start: element.start,
    end: Math.max(element.end, element.nameEnd),
    selectionStart: element.nameStart,
    selectionEnd: element.nameEnd,
    children,
    ...(detail !== undefined && { detail }),
  };
}

function sectionSymbol(section: XmlElement): SymbolNode {
  const model = hostingModelOf(section);
  const command = [getAttribute(section, 'processPath')?.value, getAttribute(section, 'arguments')?.value].filter(Boolean).join(' ');
  const detail = [model === 'inprocess' ? 'in-process' : model === 'outofprocess' ? 'out-of-process' : 'unknown hosting model', command].filter(Boolean).join(' · ');
  const attributes: SymbolNode[] = section.attributes.map((attribute) => ({
    name: attribute.name,
    kind: 'attribute',
    start: attribute.nameStart,
    end: attribute.end,
    selectionStart: attribute.nameStart,
    selectionEnd: attribute.nameEnd,
    children: [],
    ...(attribute.value !== undefined && { detail: attribute.value }),
  }));
  const collections = section.children.filter((child) => collectionOf(child) !== undefined).map(collectionSymbol);
  return node(section, 'aspNetCore', 'section', detail, [...attributes, ...collections]);
}

function collectionSymbol(collection: XmlElement): SymbolNode {
  const spec = collectionOf(collection)!;
  const entries = collection.children
    .filter((child) => child.name === spec.addElement)
    .map((entry) => {
      const key = getAttribute(entry, spec.attributes[0].name)?.value;
      const value = spec.attributes.length > 1 ? getAttribute(entry, spec.attributes[1].name)?.value : undefined;
      return node(entry, key || `(${spec.addElement} without ${spec.attributes[0].name})`, 'entry', value);
    });
  return node(collection, collection.name, 'collection', `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`, entries);
}

function handlerSymbol(handler: XmlElement): SymbolNode {
  const name = getAttribute(handler, 'name')?.value ?? 'add';
  return node(handler, `handler ${name}`, 'handler', moduleOf(handler)?.name ?? getAttribute(handler, 'modules')?.value);
}
