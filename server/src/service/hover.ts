// Hover: documentation for every ANCM element, attribute, handler-setting name and environment-variable
// name, and for a debugLevel value, what ANCM will actually do with it.

import { CLEAR_ELEMENT_DOCS } from '../ancm/collections';
import { parseDebugLevel } from '../ancm/debugLevel';
import { findAttribute, findEnvironmentVariable, findHandlerSetting } from '../ancm/lookup';
import { ASPNETCORE_ELEMENT_DOCS } from '../ancm/attributes';
import { HANDLER_ENTRY_ATTRIBUTES, HANDLER_ENTRY_DOCS } from '../ancm/modules';
import { cursorContext } from './parse/cursorContext';
import { type XmlAttribute, type XmlElement, getAttribute } from './parse/xmlDocument';
import type { HoverResult } from './types';
import {
  attributeMarkdown,
  collectionEntryMarkdown,
  collectionMarkdown,
  debugLevelMarkdown,
  elementMarkdown,
  environmentVariableMarkdown,
  handlerSettingMarkdown,
  markdownText,
  moduleMarkdown,
} from './documentation';
import { type WebConfigDocument, collectionOf, hostingModelOf, isAspNetCoreSection, isHandlerEntry, moduleOf } from './webConfig';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from '../ancm/configurationLoadFailure';

export function doHover(document: WebConfigDocument, offset: number): HoverResult | undefined {
  const context = cursorContext(document.xml, offset);
  if (context.kind === 'elementName' && context.element) {
    const markdown = elementHover(context.element);
    return markdown ? { markdown, start: context.element.nameStart, end: context.element.nameEnd } : undefined;
  }
  if (context.kind === 'attributeName' && context.attribute) {
    const markdown = attributeNameHover(context.element, context.attribute);
    return markdown ? { markdown, start: context.attribute.nameStart, end: context.attribute.nameEnd } : undefined;
  }
  if (context.kind === 'attributeValue') {
    const markdown = attributeValueHover(context.element, context.attribute);
    return markdown ? { markdown, start: context.replaceStart, end: context.replaceEnd } : undefined;
  }
  return undefined;
}

function elementHover(element: XmlElement): string | undefined {
  if (isAspNetCoreSection(element)) return elementMarkdown(ASPNETCORE_ELEMENT_DOCS);
  if (isHandlerEntry(element)) return elementMarkdown(HANDLER_ENTRY_DOCS);
  const collection = collectionOf(element);
  if (collection) return collectionMarkdown(collection);
  const parentCollection = collectionOf(element.parent);
  if (parentCollection) {
    if (element.name === parentCollection.addElement) return collectionEntryMarkdown(parentCollection);
    if (element.name === parentCollection.clearElement) return elementMarkdown(CLEAR_ELEMENT_DOCS);
  }
  return undefined;
}

function attributeNameHover(element: XmlElement, attribute: XmlAttribute): string | undefined {
  if (isAspNetCoreSection(element)) {
    const spec = findAttribute(attribute.name);
    return spec && attributeMarkdown(spec);
  }
  if (isHandlerEntry(element)) {
    const docs = HANDLER_ENTRY_ATTRIBUTES.find((candidate) => candidate.name === attribute.name);
    return docs && elementMarkdown(docs);
  }
  const collection = collectionOf(element.parent);
  if (collection && element.name === collection.addElement) return entryHover(element, collection.name) ?? collectionEntryMarkdown(collection);
  return undefined;
}

function attributeValueHover(element: XmlElement, attribute: XmlAttribute): string | undefined {
  if (isAspNetCoreSection(element)) {
    const spec = findAttribute(attribute.name);
    if (!spec) return undefined;
    return attribute.name === 'hostingModel' ? `${hostingModelVerdict(element)}\n\n---\n\n${attributeMarkdown(spec)}` : attributeMarkdown(spec);
  }
  if (isHandlerEntry(element) && attribute.name === 'modules') {
    const module = moduleOf(element);
    return module ? moduleMarkdown(module) : undefined;
  }
  const collection = collectionOf(element.parent);
  if (!collection || element.name !== collection.addElement) return undefined;
  if (collection.name === 'handlerSettings' && attribute.name === 'value') {
    const spec = findHandlerSetting(getAttribute(element, 'name')?.value ?? '');
    if (spec?.valueSyntax === 'debugLevel') return `${debugLevelMarkdown(parseDebugLevel(attribute.value ?? ''))}\n\n---\n\n${handlerSettingMarkdown(spec)}`;
  }
  return entryHover(element, collection.name);
}

/** Docs for the named setting or variable of a collection entry; says so when ANCM does not know the name. */
function entryHover(element: XmlElement, collectionName: string): string | undefined {
  const name = getAttribute(element, 'name')?.value;
  if (!name) return undefined;
  if (collectionName === 'handlerSettings') {
    const spec = findHandlerSetting(name);
    return spec ? handlerSettingMarkdown(spec) : `**${markdownText(name)}**: ANCM reads no handler setting of this name, so it has no effect.`;
  }
  if (collectionName === 'environmentVariables') {
    const spec = findEnvironmentVariable(name);
    return spec ? environmentVariableMarkdown(spec) : `**${markdownText(name)}**: set in the app's environment by ANCM.`;
  }
  return undefined;
}

function hostingModelVerdict(section: XmlElement): string {
  const model = hostingModelOf(section);
  if (model === 'inprocess') return 'ANCM runs this app **in-process**, inside the IIS worker process.';
  if (model === 'outofprocess') return 'ANCM runs this app **out-of-process**, as its own process behind IIS.';
  return `ANCM rejects this value: the app fails to start with ${CONFIGURATION_LOAD_FAILURE_STATUS} ("Unknown hosting model"). Use \`inprocess\` or \`outofprocess\` (any casing).`;
}
