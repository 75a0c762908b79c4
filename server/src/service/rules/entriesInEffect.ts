// Which collection entries ANCM actually reads. IIS drops every entry before a <clear/> (clearElement in
// AspNetCore/aspnetcore_schema_v2.xml), and
// of entries sharing a name (compared case-insensitively) ANCM keeps one: the last environment variable
// (std::map insert_or_assign, CommonLib/ConfigurationSection.cpp) or the first handler setting (find_element,
// CommonLib/config_utility.h), as the collection's duplicatePolicy says. Also: the hosting model a file settles.

import { findCollection } from '../../ancm/lookup';
import type { CollectionSpec, HostingModel } from '../../ancm/types';
import { getAttribute, type XmlAttribute, type XmlElement } from '../parse/xmlDocument';
import { type WebConfigDocument, hostingModelOf } from '../webConfig';
import type { CollectionEntry } from './collectionEntries';
import { completeValue } from './fixes';

/** An entry with a complete name, as the rules see it. */
export interface NamedEntry extends CollectionEntry {
  readonly name: string;
  /** The complete value; undefined while it is still being typed. */
  readonly value: string | undefined;
}

/** An entry that ANCM ignores because another entry with the same name wins. */
export interface ShadowedEntry {
  readonly entry: NamedEntry;
  readonly winner: NamedEntry;
}

export interface ResolvedEntries {
  /** The entries ANCM reads, one per name, in document order. Entries whose name is still being typed are left out. */
  readonly inEffect: readonly NamedEntry[];
  /** Entries after the last `<clear/>` that a same-named entry overrides, in document order; built as they are read. */
  readonly shadowed: Iterable<ShadowedEntry>;
  /** The entry ANCM reads for a name (any casing) in one collection element. */
  find(collectionElement: XmlElement, name: string): NamedEntry | undefined;
}

/**
 * Collections resolved during the current validation pass, per document: a dozen rules read the same
 * collections, and resolving a 300,000-entry collection once per rule made a 20 MB file take seconds. The
 * cache lives only for the pass (see `inValidationPass`), so the resolved entries do not stay in memory beside
 * the cached model between edits.
 */
const passCaches = new WeakMap<WebConfigDocument, Map<string, ResolvedEntries>>();

/** Runs `run` with each collection of the document resolved at most once. */
export function inValidationPass<T>(document: WebConfigDocument, run: () => T): T {
  if (passCaches.has(document)) return run();
  passCaches.set(document, new Map());
  try {
    return run();
  } finally {
    passCaches.delete(document);
  }
}

export function resolveEntries(document: WebConfigDocument, collectionName: string): ResolvedEntries {
  const cache = passCaches.get(document);
  let resolved = cache?.get(collectionName);
  if (!resolved) {
    resolved = resolve(document, collectionName);
    cache?.set(collectionName, resolved);
  }
  return resolved;
}

/**
 * Two walks over the entries: the first finds each name's winner, the second sorts every entry into read or
 * shadowed. Only the winners are kept as objects; a shadowed entry is kept as its element and becomes an object
 * when a rule asks. A 20 MB file whose 300,000 entries share one name held an object and a pair per entry through
 * the whole pass, 40 MB of the server's peak.
 */
function resolve(document: WebConfigDocument, collectionName: string): ResolvedEntries {
  const collection = findCollection(collectionName);
  if (!collection) return { inEffect: [], shadowed: [], find: () => undefined };
  const lastClear = new Map<XmlElement, number>();
  const winners = new Map<XmlElement, Map<string, NamedEntry>>();
  forEachEntry(document, collection, lastClear, (section, collectionElement, element, nameAttribute, name) => {
    let byName = winners.get(collectionElement);
    if (!byName) winners.set(collectionElement, (byName = new Map()));
    const key = name.toLowerCase();
    if (collection.duplicatePolicy === 'lastWins' || !byName.has(key)) byName.set(key, namedEntry(section, collection, collectionElement, element, nameAttribute, name));
  });
  const find = (collectionElement: XmlElement, name: string) => winners.get(collectionElement)?.get(name.toLowerCase());
  const inEffect: NamedEntry[] = [];
  const shadowedElements: XmlElement[] = [];
  forEachEntry(document, collection, lastClear, (_section, collectionElement, element, _nameAttribute, name) => {
    const winner = find(collectionElement, name)!;
    if (winner.element === element) inEffect.push(winner);
    else shadowedElements.push(element);
  });
  const shadowed: Iterable<ShadowedEntry> = {
    *[Symbol.iterator]() {
      for (const element of shadowedElements) {
        const collectionElement = element.parent!;
        const nameAttribute = getAttribute(element, 'name')!;
        const name = completeValue(nameAttribute)!;
        const entry = namedEntry(collectionElement.parent!, collection, collectionElement, element, nameAttribute, name);
        yield { entry, winner: find(collectionElement, name)! };
      }
    },
  };
  return { inEffect, shadowed, find };
}

type EntryVisitor = (section: XmlElement, collectionElement: XmlElement, element: XmlElement, nameAttribute: XmlAttribute, name: string) => void;

/** Every entry of the collection after its element's last `<clear/>` whose name is complete, in document order. */
function forEachEntry(document: WebConfigDocument, collection: CollectionSpec, lastClear: Map<XmlElement, number>, visit: EntryVisitor): void {
  // The elements walked here rather than through eachCollectionEntry: an intermediate entry object per element
  // was 300,000 short-lived objects on a large file, the most garbage of the pass.
  for (const section of document.sections) for (const collectionElement of section.children) {
    if (collectionElement.name !== collection.name) continue;
    const cleared = clearOffset(collectionElement, collection, lastClear);
    for (const element of collectionElement.children) {
      if (element.name !== collection.addElement || element.start < cleared) continue;
      const nameAttribute = getAttribute(element, 'name');
      const name = nameAttribute ? completeValue(nameAttribute) : undefined;
      if (!name || isRemovedByTransform(element)) continue;
      visit(section, collectionElement, element, nameAttribute!, name);
    }
  }
}

function namedEntry(section: XmlElement, collection: CollectionSpec, collectionElement: XmlElement, element: XmlElement, nameAttribute: XmlAttribute, name: string): NamedEntry {
  const valueAttribute = getAttribute(element, 'value');
  // Written out rather than spread: V8 builds a spread with extra keys as a dictionary object, which made the
  // walk 20 times slower and took 200 MB more on 300,000 entries.
  return { section, collection, collectionElement, element, nameAttribute, valueAttribute, name, value: valueAttribute ? completeValue(valueAttribute) : undefined };
}

/** Where the last `<clear/>` of a collection element starts (-1 when there is none), cached per element. */
function clearOffset(collectionElement: XmlElement, collection: CollectionSpec, cache: Map<XmlElement, number>): number {
  let offset = cache.get(collectionElement);
  if (offset === undefined) {
    offset = -1;
    for (const child of collectionElement.children) {
      if (child.name === collection.clearElement && !isRemovedByTransform(child)) offset = child.start;
    }
    cache.set(collectionElement, offset);
  }
  return offset;
}

/** An XDT `Remove`/`RemoveAll` instruction: the element names what a transform deletes, not a setting. */
function isRemovedByTransform(element: XmlElement): boolean {
  return element.attributes.some((attribute) => attribute.name.endsWith(':Transform') && /^\s*Remove/.test(attribute.value ?? ''));
}

/**
 * The hosting model an entry's section runs under, as far as this file tells: undefined for a value ANCM rejects,
 * and in a transform without hostingModel, where the base file decides.
 */
export function sectionHostingModel(document: WebConfigDocument, section: XmlElement): HostingModel | undefined {
  if (document.isTransform && getAttribute(section, 'hostingModel') === undefined) return undefined;
  return hostingModelOf(section);
}
