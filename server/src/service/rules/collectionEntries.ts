// Walks the entries of <aspNetCore>'s collections, the unit most entry rules work on.

import { findCollection } from '../../ancm/lookup';
import type { CollectionSpec } from '../../ancm/types';
import { type XmlAttribute, type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';

export interface CollectionEntry {
  readonly section: XmlElement;
  readonly collection: CollectionSpec;
  /** The collection element, e.g. `<handlerSettings>`. */
  readonly collectionElement: XmlElement;
  /** The entry element, e.g. `<handlerSetting>`. */
  readonly element: XmlElement;
  readonly nameAttribute: XmlAttribute | undefined;
  readonly valueAttribute: XmlAttribute | undefined;
}

/** Every add-element of the named collection, in every section, in document order. */
export function collectionEntries(document: WebConfigDocument, collectionName: string): CollectionEntry[] {
  return [...eachCollectionEntry(document, collectionName)];
}

/** Only the entry elements, one at a time: no object per entry, for a rule that needs only the element. */
export function* entryElements(document: WebConfigDocument, collectionName: string): Generator<XmlElement> {
  const collection = findCollection(collectionName);
  if (!collection) return;
  for (const section of document.sections) {
    for (const collectionElement of section.children) {
      if (collectionElement.name !== collection.name) continue;
      for (const element of collectionElement.children) if (element.name === collection.addElement) yield element;
    }
  }
}

/** The same, one at a time: a walk over 300,000 entries need not hold them all. */
export function* eachCollectionEntry(document: WebConfigDocument, collectionName: string): Generator<CollectionEntry> {
  const collection = findCollection(collectionName);
  if (!collection) return;
  for (const section of document.sections) {
    for (const collectionElement of section.children) {
      if (collectionElement.name !== collection.name) continue;
      for (const element of collectionElement.children) {
        if (element.name !== collection.addElement) continue;
        yield {
          section,
          collection,
          collectionElement,
          element,
          nameAttribute: getAttribute(element, 'name'),
          valueAttribute: getAttribute(element, 'value'),
        };
      }
    }
  }
}
