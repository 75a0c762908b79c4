// IIS builds a collection in order: `<clear/>` (the clearElement of environmentVariables and handlerSettings in
// aspnetcore_schema_v2.xml; IIS configuration reference, "clear" collection elements) empties it, dropping the entries inherited from parent configuration levels and every
// entry written before it in the same element. An entry above a `<clear/>` therefore never reaches ANCM, whose
// ConfigurationSection::GetMap / GetKeyValuePairs (CommonLib/ConfigurationSection.cpp) read only what IIS hands
// over. The usual intent is the opposite (a `<clear/>` that starts the collection), so no fix here is safe.

import { COLLECTIONS_ANCM_READS } from '../../ancm/collections';
import { findCollection } from '../../ancm/lookup';
import type { CollectionSpec } from '../../ancm/types';
import { type XmlElement, getAttribute, isComplete } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { followsLineBreak, indentationOf, lineBreakOf } from '../xmlEdit/layout';
import { removeElement } from '../xmlEdit/edits';
import { removeElementFix } from './fixes';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';

/** How many names a `<clear/>` finding lists before it says how many more. */
const NAMES_LISTED = 5;

export const clearedEntriesRule: Rule = {
  id: 'cleared-entries',
  description: 'Entries written before a <clear/> in the same collection: IIS drops them, so they have no effect.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findCollection('environmentVariables')!.docsUrl,
  check(document) {
    // In an XDT transform <clear/> and entries are instructions merged into another file, not a collection.
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    for (const section of document.sections) {
      for (const collectionElement of section.children) {
        const collection = COLLECTIONS_ANCM_READS.find((candidate) => candidate.name === collectionElement.name);
        if (collection) checkCollection(document, collection, collectionElement, findings);
      }
    }
    return findings;
  },
};

function checkCollection(document: WebConfigDocument, collection: CollectionSpec, collectionElement: XmlElement, findings: Finding[]): void {
  const children = collectionElement.children;
  let lastClear = -1;
  children.forEach((child, index) => {
    if (child.name === collection.clearElement) lastClear = index;
  });
  if (lastClear < 0) return;
  const removed: XmlElement[] = [];
  let earlierClears = 0;
  for (const child of children.slice(0, lastClear)) {
    if (child.name === collection.addElement) {
      removed.push(child);
      findings.push(entryFinding(document, collection, child));
    } else if (child.name === collection.clearElement) {
      earlierClears++;
      findings.push(redundantClearFinding(document, collection, child));
    }
  }
  const clear = children[lastClear];
  if (removed.length > 0) findings.push(clearFinding(document, collection, collectionElement, clear, removed, earlierClears === 0));
}

function entryFinding(document: WebConfigDocument, collection: CollectionSpec, entry: XmlElement): Finding {
  const name = getAttribute(entry, 'name')?.value;
  const named = name === undefined ? '' : ` named '${name}'`;
  return {
    message:
      `This <${entry.name}>${named} has no effect: the <${collection.clearElement} /> after it removes it before ANCM reads it. ` +
      `Move <${collection.clearElement} /> to the top of <${collection.name}> to keep it.`,
    start: entry.start,
    end: entry.end,
    unnecessary: true,
    fixes: removeElementFix(`Remove this <${entry.name}>, which has no effect`, document.text, entry, false),
  };
}

function clearFinding(
  document: WebConfigDocument,
  collection: CollectionSpec,
  collectionElement: XmlElement,
  clear: XmlElement,
  removed: readonly XmlElement[],
  onlyClear: boolean,
): Finding {
  const names = removed.slice(0, NAMES_LISTED).map((entry) => `'${getAttribute(entry, 'name')?.value ?? '(no name)'}'`);
  const more = removed.length > NAMES_LISTED ? ` and ${removed.length - NAMES_LISTED} more` : '';
  const count = removed.length === 1 ? `the <${collection.addElement}> before it` : `the ${removed.length} <${collection.addElement}> entries before it`;
  const fixes: Fix[] = [];
  // Moving the only <clear/> first keeps what it was evidently for (dropping inherited entries) and the entries too.
  const first = collectionElement.children[0];
  if (onlyClear && isComplete(clear) && removed.every(isComplete)) fixes.push(moveFirstFix(document.text, collection, clear, first));
  return {
    message:
      `This <${clear.name} /> removes ${count} (${names.join(', ')}${more}) and every inherited entry: only the entries after it reach ANCM.`,
    start: clear.nameStart,
    end: clear.nameEnd,
    fixes,
  };
}

/** An earlier `<clear/>` that a later one makes pointless: everything it removes, the later one removes too. */
function redundantClearFinding(document: WebConfigDocument, collection: CollectionSpec, clear: XmlElement): Finding {
  return {
    message: `This <${clear.name} /> has no effect: a later <${collection.clearElement} /> in <${collection.name}> removes everything before it anyway.`,
    start: clear.start,
    end: clear.end,
    unnecessary: true,
    fixes: removeElementFix(`Remove this <${clear.name} />`, document.text, clear, false),
  };
}

/** Cuts the `<clear/>` from its place and writes it before the collection's first entry, on its own line when that entry starts one. */
function moveFirstFix(text: string, collection: CollectionSpec, clear: XmlElement, first: XmlElement): Fix {
  const markup = text.slice(clear.start, clear.end);
  let lineStart = first.start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const startsLine = lineStart === 0 || followsLineBreak(text, lineStart);
  const newText = startsLine ? `${markup}${lineBreakOf(text)}${indentationOf(text, first)}` : markup;
  return {
    title: `Move <${clear.name} /> to the start of <${collection.name}>, so the entries above it take effect`,
    edits: [{ start: first.start, end: first.start, newText }, removeElement(text, clear)],
    safe: false,
  };
}
