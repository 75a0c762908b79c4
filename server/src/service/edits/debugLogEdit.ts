// Turns ANCM's own debug log on or off through the `debugFile` and `debugLevel` handler settings of the
// targeted <aspNetCore> sections (sectionTargets.ts). ANCM matches handler-setting names case-insensitively
// and the first entry after the last <clear/> wins (CommonLib/config_utility.h), so that is the entry updated;
// a new entry is added only when none is in effect. An existing debugFile path is kept: the user chose it.
// Disabling removes every debugFile/debugLevel entry, and the <handlerSettings> element when nothing else
// is left in it.

import type { DebugLevelName } from '../../ancm/debugLevel';
import { findCollection } from '../../ancm/lookup';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import { removeElement } from '../xmlEdit/edits';
import type { TextEdit } from '../types';
import type { WebConfigDocument } from '../webConfig';
import type { EditResult } from '../types';
import { cannot, isCannot } from './editResult';
import { NO_SECTION, targetSections } from './sectionTargets';
import { type MarkupLine, appendAttributes, appendChildren, appendChildrenProblem, elementProblem, formatAttribute, quoteOf, replaceAttributeValue, startTagProblem } from '../xmlEdit/edits';

const DEFAULT_DEBUG_FILE = '.\\logs\\aspnetcore-debug.log';

const HANDLER_SETTINGS = findCollection('handlerSettings')!;
const DEBUG_FILE = 'debugFile';
const DEBUG_LEVEL = 'debugLevel';

/** The debugLevel value that sends `level` and everything more severe to the debug file. */
export function debugLevelValue(level: DebugLevelName): string {
  return `FILE,${level}`;
}

export function enableDebugLog(document: WebConfigDocument, level: DebugLevelName, cursorOffset: number | undefined): EditResult {
  return forEachSection(document, cursorOffset, (section) => enableInSection(document, section, level));
}

export function disableDebugLog(document: WebConfigDocument, cursorOffset: number | undefined): EditResult {
  return forEachSection(document, cursorOffset, (section) => disableInSection(document.text, section));
}

function forEachSection(document: WebConfigDocument, cursorOffset: number | undefined, editSection: (section: XmlElement) => EditResult): EditResult {
  const sections = targetSections(document, cursorOffset);
  if (sections.length === 0) return cannot(NO_SECTION);
  const edits: TextEdit[] = [];
  for (const section of sections) {
    const result = editSection(section);
    if (isCannot(result)) return result;
    edits.push(...result.edits);
  }
  return { edits };
}

function enableInSection(document: WebConfigDocument, section: XmlElement, level: DebugLevelName): EditResult {
  const quote = quoteOf(section, document.xml);
  const collection = section.children.find((child) => child.name === HANDLER_SETTINGS.name);
  const entries = collection ? entriesInEffect(collection) : [];
  const debugFileEntry = findEntry(entries, DEBUG_FILE);
  const wanted: [string, string][] = [
    [DEBUG_FILE, (debugFileEntry && getAttribute(debugFileEntry, 'value')?.value?.trim()) || DEFAULT_DEBUG_FILE],
    [DEBUG_LEVEL, debugLevelValue(level)],
  ];
  const entryMarkup = (name: string, value: string) => `<${HANDLER_SETTINGS.addElement} ${formatAttribute('name', name, quote)} ${formatAttribute('value', value, quote)} />`;

  if (!collection) {
    const problem = appendChildrenProblem(section);
    if (problem) return cannot(problem);
    const lines: MarkupLine[] = [
      { depth: 0, markup: `<${HANDLER_SETTINGS.name}>` },
      ...wanted.map(([name, value]) => ({ depth: 1, markup: entryMarkup(name, value) })),
      { depth: 0, markup: `</${HANDLER_SETTINGS.name}>` },
    ];
    return { edits: [appendChildren(document.text, section, lines)] };
  }

  const edits: TextEdit[] = [];
  const missing: MarkupLine[] = [];
  for (const [name, value] of wanted) {
    const entry = findEntry(entries, name);
    if (!entry) {
      missing.push({ depth: 0, markup: entryMarkup(name, value) });
      continue;
    }
    const problem = startTagProblem(entry);
    if (problem) return cannot(problem);
    const valueAttribute = getAttribute(entry, 'value');
    const edit = valueAttribute ? replaceAttributeValue(valueAttribute, value) : appendAttributes(document.text, entry, [['value', value]], quote);
    if (edit) edits.push(edit);
  }
  if (missing.length > 0) {
    const problem = appendChildrenProblem(collection);
    if (problem) return cannot(problem);
    edits.push(appendChildren(document.text, collection, missing));
  }
  return { edits };
}

function disableInSection(text: string, section: XmlElement): EditResult {
  const edits: TextEdit[] = [];
  for (const collection of section.children.filter((child) => child.name === HANDLER_SETTINGS.name)) {
    const debugEntries = collection.children.filter((child) => isDebugEntry(child));
    if (debugEntries.length === 0) continue;
    const problem = elementProblem(collection) ?? debugEntries.map(elementProblem).find((entryProblem) => entryProblem !== undefined);
    if (problem) return cannot(problem);
    if (isEmptyWithout(text, collection, debugEntries)) edits.push(removeElement(text, collection));
    // A loop, not push(...spread): a collection of 300,000 entries would overflow the call stack.
    else for (const entry of debugEntries) edits.push(removeElement(text, entry));
  }
  return { edits };
}

/** The add-elements IIS passes to ANCM: those after the last <clear/>. */
function entriesInEffect(collection: XmlElement): XmlElement[] {
  let afterClear = 0;
  collection.children.forEach((child, index) => {
    if (child.name === HANDLER_SETTINGS.clearElement) afterClear = index + 1;
  });
  return collection.children.slice(afterClear).filter((child) => child.name === HANDLER_SETTINGS.addElement);
}

/** The first entry with the name, compared as ANCM does (ignoring case). */
function findEntry(entries: readonly XmlElement[], name: string): XmlElement | undefined {
  return entries.find((entry) => getAttribute(entry, 'name')?.value?.toLowerCase() === name.toLowerCase());
}

function isDebugEntry(element: XmlElement): boolean {
  const name = element.name === HANDLER_SETTINGS.addElement ? getAttribute(element, 'name')?.value?.toLowerCase() : undefined;
  return name === DEBUG_FILE.toLowerCase() || name === DEBUG_LEVEL.toLowerCase();
}

/** Whether only whitespace would be left between the collection's tags once these children are gone. */
function isEmptyWithout(text: string, collection: XmlElement, removed: readonly XmlElement[]): boolean {
  let rest = '';
  let from = collection.startTagEnd!;
  for (const child of removed) {
    rest += text.slice(from, child.start);
    from = child.end;
  }
  rest += text.slice(from, collection.endTag!.start);
  return rest.trim() === '';
}
