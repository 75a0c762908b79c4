// The ANCM view of a parsed web.config: where the <aspNetCore> sections and the aspNetCore handler
// entries are, which hosting model applies, and what role each element plays.

import { ASPNETCORE_COLLECTIONS } from '../ancm/collections';
import { ANCM_MODULES } from '../ancm/modules';
import type { CollectionSpec, HostingModel, ModuleSpec } from '../ancm/types';
import { type EditedRegion, reparseXml } from './parse/incrementalXml';
import { type XmlDocument, type XmlElement, getAttribute, parseXml } from './parse/xmlDocument';

export const XDT_NAMESPACE = 'http://schemas.microsoft.com/XML-Document-Transform';

export interface WebConfigDocument {
  readonly xml: XmlDocument;
  readonly text: string;
  /** Every `<aspNetCore>` element IIS would read, in document order. */
  readonly sections: readonly XmlElement[];
  /** Every `handlers/add` entry that maps ANCM, in document order. */
  readonly handlers: readonly XmlElement[];
  /** An XDT transform (web.Release.config style): partial by design. */
  readonly isTransform: boolean;
}

export function parseWebConfig(text: string): WebConfigDocument {
  return webConfigOf(parseXml(text));
}

/**
 * The model of a new version from the previous one: only the elements around the edited region are scanned again
 * (parse/incrementalXml.ts). Undefined where that cannot give what a full parse gives: parse the text instead. The
 * previous model is changed in place and must not be used again.
 */
export function reparseWebConfig(previous: WebConfigDocument, text: string, edited: EditedRegion): WebConfigDocument | undefined {
  const xml = reparseXml(previous.xml, text, edited);
  return xml && webConfigOf(xml);
}

function webConfigOf(xml: XmlDocument): WebConfigDocument {
  const sections: XmlElement[] = [];
  const handlers: XmlElement[] = [];
  for (const element of xml.elements) {
    if (isAspNetCoreSection(element)) sections.push(element);
    else if (isHandlerEntry(element)) handlers.push(element);
  }
  const root = xml.roots[0];
  const isTransform = root !== undefined && root.attributes.some((attribute) => attribute.name.startsWith('xmlns:') && attribute.value === XDT_NAMESPACE);
  return { xml, text: xml.text, sections, handlers, isTransform };
}

/** `configuration/system.webServer/aspNetCore`, also under `<location>`; a fragment without `<configuration>` is accepted too. */
export function isAspNetCoreSection(element: XmlElement): boolean {
  return element.name === 'aspNetCore' && isSystemWebServer(element.parent);
}

function isSystemWebServer(element: XmlElement | undefined): boolean {
  if (!element || element.name !== 'system.webServer') return false;
  const parent = element.parent;
  return parent === undefined || parent.name === 'configuration' || (parent.name === 'location' && (parent.parent === undefined || parent.parent.name === 'configuration'));
}

/** A `system.webServer/handlers/add` that maps ANCM: its module is an ANCM module, or it is named aspNetCore as the SDK writes it. */
export function isHandlerEntry(element: XmlElement): boolean {
  if (element.name !== 'add' || element.parent?.name !== 'handlers' || !isSystemWebServer(element.parent.parent)) return false;
  return moduleOf(element) !== undefined || getAttribute(element, 'name')?.value?.toLowerCase() === 'aspnetcore';
}

/** The ANCM module a handler entry names (IIS compares module names case-insensitively). */
export function moduleOf(handler: XmlElement): ModuleSpec | undefined {
  const modules = getAttribute(handler, 'modules')?.value?.trim().toLowerCase();
  return ANCM_MODULES.find((module) => module.name.toLowerCase() === modules);
}

/**
 * The hosting model ANCM derives from the section: empty or absent means out-of-process, and the
 * comparison ignores case. Undefined for a value ANCM rejects.
 */
export function hostingModelOf(section: XmlElement | undefined): HostingModel | undefined {
  const value = section ? getAttribute(section, 'hostingModel')?.value : undefined;
  if (value === undefined || value === '') return 'outofprocess';
  const lower = value.toLowerCase();
  return lower === 'inprocess' || lower === 'outofprocess' ? lower : undefined;
}

/** The `<aspNetCore>` section an element belongs to (the element itself, or an ancestor). */
export function enclosingSection(element: XmlElement | undefined): XmlElement | undefined {
  for (let current = element; current; current = current.parent) {
    if (isAspNetCoreSection(current)) return current;
  }
  return undefined;
}

/** The collection spec when the element is one of `<aspNetCore>`'s child collections. */
export function collectionOf(element: XmlElement | undefined): CollectionSpec | undefined {
  if (!element || !element.parent || !isAspNetCoreSection(element.parent)) return undefined;
  return ASPNETCORE_COLLECTIONS.find((collection) => collection.name === element.name);
}

/** The effective hosting model around an element: its section's, else the document's first section's. */
export function documentHostingModel(document: WebConfigDocument, element: XmlElement | undefined): HostingModel | undefined {
  return hostingModelOf(enclosingSection(element) ?? document.sections[0]);
}
