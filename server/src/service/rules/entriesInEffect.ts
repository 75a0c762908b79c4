// Which collection entries ANCM actually reads. IIS drops every entry before a <clear/> (clearElement in
// AspNetCore/aspnetcore_schema_v2.xml), and
// of entries sharing a name (compared case-insensitively) ANCM keeps one: the last environment variable
// (std::map insert_or_assign, CommonLib/ConfigurationSection.cpp) or the first handler setting (find_element,
// CommonLib/config_utility.h), as the collection's duplicatePolicy says. Also: the hosting model a file settles.

import { findCollection } from '../../ancm/lookup';
import type { CollectionSpec, HostingModel } from '../../ancm/types';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
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
  /** Entries after the last `<clear/>` that a same-named entry overrides. */
  readonly shadowed: readonly ShadowedEntry[];
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

function resolve(document: WebConfigDocument, collectionName: string): ResolvedEntries {
  const lastClear = new Map<XmlElement, number>();
  const winners = new Map<XmlElement, Map<string, NamedEntry>>();
  const read: NamedEntry[] = [];
  const collection = findCollection(collectionName);
  if (!collection) return { inEffect: [], shadowed: [], find: () => undefined };
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
      const valueAttribute = getAttribute(element, 'value');
      // Written out rather than spread: V8 builds a spread with extra keys as a dictionary object, which made this
      // loop 20 times slower and took 200 MB more on 300,000 entries.
      const named: NamedEntry = {
        section,
        collection,
        collectionElement,
        element,
        nameAttribute,
        valueAttribute,
        name,
        value: valueAttribute ? completeValue(valueAttribute) : undefined,
      };
      read.push(named);
      let byName = winners.get(collectionElement);
      if (!byName) winners.set(collectionElement, (byName = new Map()));
      const key = name.toLowerCase();
      if (collection.duplicatePolicy === 'lastWins' || !byName.has(key)) byName.set(key, named);
    }
  }
  const find = (collectionElement: XmlElement, name: string) => winners.get(collectionElement)?.get(name.toLowerCase());
  const inEffect: NamedEntry[] = [];
  const shadowed: ShadowedEntry[] = [];
  for (const entry of read) {
    const winner = find(entry.collectionElement, entry.name)!;
    if (winner === entry) inEffect.push(entry);
    else shadowed.push({ entry, winner });
  }
  return { inEffect, shadowed, find };
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
