// The settings of web.config that decide how ANCM starts the app, as plain values with where each is written: what the
// publish checks (publish/publishChecks.ts, PublishCheckInput) read, and where their findings go. The section read is
// the site's own (not in a <location>, or in `<location path=".">` as the SDK publishes it), else the first; its
// collections as ANCM reads them (after the last <clear/>, one entry per name: entriesInEffect.ts).

import { getAttribute, type XmlAttribute, type XmlElement } from './parse/xmlDocument';
import { resolveEntries } from './rules/entriesInEffect';
import { completeValue } from './rules/fixes';
import type { WebConfigDocument } from './webConfig';
import { attributeSpan, elementNameSpan, type Span } from './xmlEdit/spans';

/** One `<environmentVariable>` or `<handlerSetting>` ANCM reads, with its `value` attribute's span (else the element's name). */
export interface StartSettingEntry {
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

export interface AspNetCoreStartSettings {
  /** Values as written (unexpanded); absent when the attribute is. */
  readonly processPath?: string;
  readonly arguments?: string;
  readonly hostingModel?: string;
  readonly startupTimeLimit?: string;
  readonly requestTimeout?: string;
  readonly environmentVariables: readonly StartSettingEntry[];
  readonly handlerSettings: readonly StartSettingEntry[];
  /** The section's attributes present, by name as written (`processPath="..."` whole). */
  readonly attributes: Readonly<Record<string, Span>>;
  /** `<aspNetCore`'s name; undefined when the file has no section. */
  readonly section?: Span;
  /** The `<environmentVariables>` / `<handlerSettings>` element's name, when written. */
  readonly environmentVariablesElement?: Span;
  readonly handlerSettingsElement?: Span;
  /** The root element's name (or the file's start): where a finding about the folder goes when there is no section. */
  readonly document: Span;
}

const ATTRIBUTES = ['processPath', 'arguments', 'hostingModel', 'startupTimeLimit', 'requestTimeout'] as const;

function valueOf(attribute: XmlAttribute | undefined): string | undefined {
  return attribute ? completeValue(attribute) : undefined;
}

/** `<aspNetCore>` for the site itself: its <system.webServer> is not in a <location>, or in one for the site's own path. */
function isSiteSection(section: XmlElement): boolean {
  const location = section.parent?.parent;
  if (location?.name !== 'location') return true;
  const where = getAttribute(location, 'path')?.value?.trim();
  return where === undefined || where === '' || where === '.';
}

/** processPath and arguments of the site's section only: what names the app, cheap to read on every keystroke. */
export function startCommandOf(document: WebConfigDocument): { readonly processPath?: string; readonly arguments?: string } {
  const section = siteSection(document);
  const processPath = section && valueOf(getAttribute(section, 'processPath'));
  const args = section && valueOf(getAttribute(section, 'arguments'));
  return { ...(processPath !== undefined && { processPath }), ...(args !== undefined && { arguments: args }) };
}

function siteSection(document: WebConfigDocument): XmlElement | undefined {
  return document.sections.find(isSiteSection) ?? document.sections[0];
}

export function aspNetCoreStartSettings(document: WebConfigDocument): AspNetCoreStartSettings {
  const root = document.xml.roots[0];
  const documentSpan = root ? elementNameSpan(root) : { start: 0, end: 0 };
  const section = siteSection(document);
  if (!section) return { environmentVariables: [], handlerSettings: [], attributes: {}, document: documentSpan };
  const values: Partial<Record<(typeof ATTRIBUTES)[number], string>> = {};
  const attributes: Record<string, Span> = {};
  for (const name of ATTRIBUTES) {
    const attribute = getAttribute(section, name);
    const value = valueOf(attribute);
    if (value !== undefined) values[name] = value;
  }
  for (const attribute of section.attributes) attributes[attribute.name] = attributeSpan(attribute);
  const entries = (collection: string): StartSettingEntry[] =>
    resolveEntries(document, collection).inEffect
      .filter((entry) => entry.section === section)
      .map((entry) => ({ name: entry.name, value: entry.value ?? '', span: entry.valueAttribute ? attributeSpan(entry.valueAttribute) : elementNameSpan(entry.element) }));
  const collectionElement = (name: string): Span | undefined => {
    const element = section.children.find((child) => child.name === name);
    return element ? elementNameSpan(element) : undefined;
  };
  const environmentVariablesElement = collectionElement('environmentVariables');
  const handlerSettingsElement = collectionElement('handlerSettings');
  return {
    ...values,
    environmentVariables: entries('environmentVariables'),
    handlerSettings: entries('handlerSettings'),
    attributes,
    section: elementNameSpan(section),
    ...(environmentVariablesElement ? { environmentVariablesElement } : {}),
    ...(handlerSettingsElement ? { handlerSettingsElement } : {}),
    document: documentSpan,
  };
}

/**
 * Where a finding about one of these settings goes (the publish checks name it: an attribute, `environmentVariables`,
 * a shadow-copy handler setting, or the app pool and the folder): the attribute or entry it names, else the
 * collection, else the `<aspNetCore>` section, else the root element. A finding about an environment variable leads
 * with it (`ASPNETCORE_ENVIRONMENT=Development …`), which tells which entry.
 */
export function spanOfStartSetting(settings: AspNetCoreStartSettings, setting: string, message: string): Span {
  const fallback = settings.section ?? settings.document;
  if ((ATTRIBUTES as readonly string[]).includes(setting)) return settings.attributes[setting] ?? fallback;
  if (setting === 'environmentVariables') {
    const lower = message.toLowerCase();
    const entry = settings.environmentVariables.find((candidate) => lower.startsWith(`${candidate.name.toLowerCase()}=`));
    return entry?.span ?? settings.environmentVariablesElement ?? fallback;
  }
  if (setting === 'shadowCopyDirectory' || setting === 'cleanShadowCopyDirectory') {
    // Not written (its default applies): the setting that turns shadow copying on.
    for (const name of [setting, 'enableShadowCopy', 'experimentalEnableShadowCopy']) {
      const entry = settings.handlerSettings.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (entry) return entry.span;
    }
    return settings.handlerSettingsElement ?? fallback;
  }
  return fallback;
}
