// IIS rejects a child element its schema does not declare, HTTP 500.19 (AspNetCoreModuleV2/AspNetCore/aspnetcore_schema_v2.xml):
// <aspNetCore> holds only its three collections, and each collection only its add-element and <clear>.
// None of them declares a remove element, so <remove> is an error too. Nor an <add> element: <appSettings> and most
// IIS collections use `<add key=…>`/`<add name=…>`, but these declare addElement="environmentVariable",
// "handlerSetting" and "file" (aspnetcore_schema_v2.xml), so the fix rewrites such an entry, keeping its values.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { ASPNETCORE_COLLECTIONS } from '../../ancm/collections';
import { findCollection } from '../../ancm/lookup';
import type { CollectionSpec } from '../../ancm/types';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import { closestName } from './closestName';
import { elementNameSpan } from '../xmlEdit/spans';
import { renameAttribute, renameElement } from '../xmlEdit/edits';
import { IIS_GENERAL_ATTRIBUTES } from './unknown-attribute';
import type { Finding, Rule } from './types';
import type { Fix, TextEdit } from '../types';

const COLLECTION_NAMES = ASPNETCORE_COLLECTIONS.map((collection) => collection.name);
/** The add-element name of IIS's own collections (appSettings, handlers, modules…), written by habit here. */
const ADD = 'add';
/** appSettings names its entries with `key`; these collections with `name`. */
const KEY = 'key';

export const unknownElement: Rule = {
  id: 'unknown-element',
  description: 'A child element the aspNetCore schema does not declare: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  // A generator, handing over each collection's findings as they come: the runner keeps only what it reports.
  *check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      if (section.startTagEnd === undefined) continue; // what follows an unclosed start tag is text being typed
      const childNames = new Set(section.children.map((child) => child.name));
      for (const child of section.children) {
        const collection = findCollection(child.name);
        if (collection) checkCollection(child, collection, findings);
        else findings.push(unknownSectionChild(section, child, childNames));
        yield* findings;
        findings.length = 0;
      }
    }
  },
};

function checkCollection(collectionElement: XmlElement, collection: CollectionSpec, findings: Finding[]): void {
  const allowed = [collection.addElement, collection.clearElement];
  for (const entry of collectionElement.children) {
    if (allowed.includes(entry.name)) {
      // Entries and <clear> have no child elements at all.
      for (const grandchild of entry.children) findings.push(unknownElementFinding(grandchild, entry, undefined));
    } else if (entry.name.toLowerCase() === ADD) {
      findings.push(addEntryFinding(entry, collection));
    } else if (entry.name === 'remove') {
      findings.push({
        message:
          `<${collection.name}> has no <remove> element: IIS rejects the file (HTTP 500.19). To drop inherited entries, ` +
          `start with <${collection.clearElement} /> and list the ones to keep.`,
        ...elementNameSpan(entry),
      });
    } else {
      findings.push(unknownElementFinding(entry, collectionElement, closestName(entry.name, allowed)));
    }
  }
}

function addEntryFinding(entry: XmlElement, collection: CollectionSpec): Finding {
  const declared = collection.attributes.map((attribute) => attribute.name);
  const key = getAttribute(entry, KEY);
  const renameKey = key !== undefined && declared.includes('name') && getAttribute(entry, 'name') === undefined;
  const elementEdits = renameElement(entry, collection.addElement);
  const example = `<${collection.addElement} ${collection.attributes.map((attribute) => `${attribute.name}="…"`).join(' ')} />`;
  const message =
    `<${collection.name}> has no <${entry.name}> element (that is <appSettings> syntax): IIS rejects the file (HTTP 500.19). ` +
    `Its entries are ${example}.`;
  if (!elementEdits) return { message, ...elementNameSpan(entry), fixes: [] };
  const edits: TextEdit[] = [...elementEdits, ...(renameKey ? [renameAttribute(key, 'name')] : [])];
  // Safe when the rewrite yields a complete entry: only declared attributes, every required one, nothing inside. An XDT
  // Locator may name `key`, so an entry with XDT attributes is left for review.
  const namesAfter = entry.attributes.map((attribute) => (renameKey && attribute === key ? 'name' : attribute.name));
  const complete =
    namesAfter.every((name) => declared.includes(name) || IIS_GENERAL_ATTRIBUTES.includes(name)) &&
    collection.attributes.every((attribute) => !attribute.required || namesAfter.includes(attribute.name)) &&
    entry.children.length === 0;
  return {
    message,
    ...elementNameSpan(entry),
    fixes: [{ title: `Rewrite as <${collection.addElement}>${renameKey ? ' (key → name)' : ''}, keeping the values`, edits, safe: complete }],
  };
}

function unknownSectionChild(section: XmlElement, child: XmlElement, childNames: ReadonlySet<string>): Finding {
  // An entry written straight under <aspNetCore> belongs inside its collection; renaming it would not help.
  const home = ASPNETCORE_COLLECTIONS.find((collection) => collection.addElement === child.name);
  if (home) return unknownElementFinding(child, section, undefined, { advice: ` It belongs inside <${home.name}>.` });
  const suggestion = closestName(child.name, COLLECTION_NAMES);
  // Each collection appears once: no rename that would create a second one.
  const taken = suggestion !== undefined && childNames.has(suggestion);
  return unknownElementFinding(child, section, suggestion, { canRename: !taken });
}

interface FindingOptions {
  /** False when renaming to the suggestion would clash with a sibling. */
  readonly canRename?: boolean;
  /** Said instead of "Did you mean". */
  readonly advice?: string;
}

function unknownElementFinding(element: XmlElement, parent: XmlElement, suggestion: string | undefined, options: FindingOptions = {}): Finding {
  const { canRename = true, advice } = options;
  const hint = advice ?? (suggestion === undefined ? '' : ` Did you mean <${suggestion}>?`);
  const edits = suggestion === undefined || !canRename ? undefined : renameElement(element, suggestion);
  const fixes: Fix[] =
    suggestion === undefined || !edits ? [] : [{ title: `Rename to <${suggestion}>`, edits, safe: suggestion.toLowerCase() === element.name.toLowerCase() }];
  return {
    message: `<${parent.name}> has no child element <${element.name}> (names are case-sensitive): IIS rejects the file (HTTP 500.19).${hint}`,
    ...elementNameSpan(element),
    fixes,
  };
}
