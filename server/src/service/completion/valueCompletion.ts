// Attribute values: <aspNetCore> enums, booleans and defaults; handlerSetting and environmentVariable
// names and values (debugLevel token by token); the handler line's module names.

import { ASPNETCORE_ATTRIBUTES } from '../../ancm/attributes';
import { DEBUG_LEVELS, DEBUG_SINKS, type DebugKeyword, isLevel, parseDebugLevel } from '../../ancm/debugLevel';
import { ENVIRONMENT_VARIABLES } from '../../ancm/environmentVariables';
import { STANDARD_HANDLER_ATTRIBUTES } from '../../ancm/handlerEntry';
import { HANDLER_SETTINGS } from '../../ancm/handlerSettings';
import { appliesTo, findEnvironmentVariable, findHandlerSetting } from '../../ancm/lookup';
import { ANCM_MODULES } from '../../ancm/modules';
import type { HostingModel } from '../../ancm/types';
import { type XmlAttribute, type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { CompletionEntry } from '../types';
import { attributeMarkdown, environmentVariableMarkdown, handlerSettingMarkdown, moduleMarkdown } from '../documentation';
import { collectionOf, isAspNetCoreSection } from '../webConfig';
import { type InsertionSite, entry, sortKey } from './entries';
import { type CasingStyle, writeHostingModel } from './hostingModelCasing';

export interface ValueRequest {
  readonly text: string;
  readonly element: XmlElement;
  readonly attribute: XmlAttribute;
  readonly offset: number;
  readonly site: InsertionSite;
  readonly hostingModel: HostingModel | undefined;
  readonly casing: CasingStyle;
}

export function completeValue(request: ValueRequest): CompletionEntry[] {
  const { element, attribute } = request;
  if (isAspNetCoreSection(element)) return aspNetCoreValues(request);
  if (element.name === 'add' && element.parent?.name === 'handlers') return handlerValues(request);
  const collection = collectionOf(element.parent);
  if (!collection || element.name !== collection.addElement) return [];
  if (collection.name === 'handlerSettings') {
    return attribute.name === 'name' ? handlerSettingNames(request) : attribute.name === 'value' ? handlerSettingValues(request) : [];
  }
  if (collection.name === 'environmentVariables') {
    return attribute.name === 'name' ? environmentVariableNames(request) : attribute.name === 'value' ? environmentVariableValues(request) : [];
  }
  return [];
}

/** The closing quote, when the value was left open, so that picking a value leaves well-formed XML. */
function closingQuote(attribute: XmlAttribute): string {
  return !attribute.valueClosed && attribute.quote ? attribute.quote : '';
}

function valueEntry(request: ValueRequest, value: string, sortText: string, options: { detail?: string; documentation?: string; deprecated?: boolean; kind?: CompletionEntry['kind'] } = {}): CompletionEntry {
  return entry(request.site, value, options.kind ?? 'value', value + closingQuote(request.attribute), sortText, options);
}

function aspNetCoreValues(request: ValueRequest): CompletionEntry[] {
  const spec = ASPNETCORE_ATTRIBUTES.find((attribute) => attribute.name === request.attribute.name);
  if (!spec) return [];
  const documentation = attributeMarkdown(spec);
  if (spec.valueType === 'hostingModel') {
    return (['inprocess', 'outofprocess'] as const).map((model, index) =>
      valueEntry(request, writeHostingModel(model, request.casing), sortKey(0, index), {
        detail: model === 'inprocess' ? 'Run the app inside the IIS worker process' : 'Run the app as a separate process behind IIS (the default)',
        documentation,
      }));
  }
  const values = new Set<string>(spec.values ?? []);
  if (spec.defaultValue !== undefined && spec.defaultValue !== '') values.add(spec.defaultValue);
  if (spec.placeholder !== undefined) values.add(spec.placeholder);
  return [...values].map((value, index) =>
    valueEntry(request, value, sortKey(value === spec.defaultValue ? 0 : 1, index), { detail: value === spec.defaultValue ? 'default' : spec.summary, documentation }));
}

function handlerValues(request: ValueRequest): CompletionEntry[] {
  if (request.attribute.name === 'modules') {
    return ANCM_MODULES.map((module) =>
      valueEntry(request, module.name, sortKey(module.majorVersion === 2 ? 0 : 1, 0), { kind: 'module', detail: module.summary, documentation: moduleMarkdown(module) }));
  }
  const standard = STANDARD_HANDLER_ATTRIBUTES.find(([name]) => name === request.attribute.name);
  return standard ? [valueEntry(request, standard[1], sortKey(0, 0), { detail: 'as the .NET SDK publishes it' })] : [];
}

/** Names already used by sibling entries of the same collection (ANCM compares them ignoring case). */
function siblingNames(request: ValueRequest): Set<string> {
  const names = new Set<string>();
  for (const sibling of request.element.parent?.children ?? []) {
    if (sibling === request.element) continue;
    const name = getAttribute(sibling, 'name')?.value;
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

function handlerSettingNames(request: ValueRequest): CompletionEntry[] {
  const used = siblingNames(request);
  return HANDLER_SETTINGS.filter((spec) => !used.has(spec.name.toLowerCase())).map((spec) => {
    const group = spec.retiredIn ? 2 : appliesTo(spec.appliesTo, request.hostingModel) ? 0 : 1;
    return valueEntry(request, spec.name, sortKey(group, spec.rank), {
      kind: 'setting',
      detail: spec.summary,
      documentation: handlerSettingMarkdown(spec),
      deprecated: spec.retiredIn !== undefined,
    });
  });
}

function handlerSettingValues(request: ValueRequest): CompletionEntry[] {
  const name = getAttribute(request.element, 'name')?.value;
  const spec = name === undefined ? undefined : findHandlerSetting(name);
  if (!spec) return [];
  if (spec.valueSyntax === 'debugLevel') return debugLevelValues(request);
  const documentation = handlerSettingMarkdown(spec);
  return (spec.values ?? []).map((value, index) =>
    valueEntry(request, value, sortKey(value === spec.defaultValue ? 0 : 1, index), { detail: value === spec.defaultValue ? 'default' : undefined, documentation }));
}

/**
 * debugLevel is completed token by token: the first token offers the usual combinations, a token after a
 * comma offers the keywords not yet named. Only the token under the cursor is replaced.
 */
function debugLevelValues(request: ValueRequest): CompletionEntry[] {
  const { attribute } = request;
  const valueStart = attribute.valueStart ?? request.offset;
  const raw = request.text.slice(valueStart, attribute.valueEnd ?? valueStart);
  const cursor = request.offset - valueStart;
  const tokenStart = raw.lastIndexOf(',', cursor - 1) + 1;
  const nextComma = raw.indexOf(',', cursor);
  const tokenEnd = nextComma < 0 ? raw.length : nextComma;
  const site: InsertionSite = { replaceStart: valueStart + tokenStart, replaceEnd: valueStart + tokenEnd };
  const tokenRequest = { ...request, site };
  const present = new Set<DebugKeyword>();
  for (const token of parseDebugLevel(raw).tokens) {
    if (token.keyword && !(token.start === tokenStart)) present.add(token.keyword);
  }
  const hasLevel = [...present].some(isLevel);
  const keywords: DebugKeyword[] = [...DEBUG_SINKS, ...DEBUG_LEVELS].filter((keyword) => !present.has(keyword) && !(hasLevel && isLevel(keyword)));
  const entries = keywords.map((keyword, index) =>
    valueEntry(tokenRequest, keyword, sortKey(1, index), { kind: 'keyword', detail: isLevel(keyword) ? `level: logs ${DEBUG_LEVELS.slice(0, DEBUG_LEVELS.indexOf(keyword) + 1).join(', ')}` : 'sink' }));
  const wholeValue = tokenStart === 0 && nextComma < 0;
  if (wholeValue) {
    const spec = findHandlerSetting('debugLevel');
    const combinations = (spec?.values ?? []).filter((value) => value.includes(','));
    combinations.forEach((value, index) => entries.push(valueEntry(tokenRequest, value, sortKey(0, index), { detail: 'level and sink' })));
  }
  return entries;
}

function environmentVariableNames(request: ValueRequest): CompletionEntry[] {
  const used = siblingNames(request);
  return ENVIRONMENT_VARIABLES.filter((spec) => !used.has(spec.name.toLowerCase())).map((spec) =>
    valueEntry(request, spec.name, sortKey(0, spec.rank), { kind: 'variable', detail: spec.summary, documentation: environmentVariableMarkdown(spec) }));
}

function environmentVariableValues(request: ValueRequest): CompletionEntry[] {
  const name = getAttribute(request.element, 'name')?.value;
  const spec = name === undefined ? undefined : findEnvironmentVariable(name);
  if (!spec) return [];
  const documentation = environmentVariableMarkdown(spec);
  return (spec.values ?? []).map((value, index) => valueEntry(request, value, sortKey(0, index), { documentation }));
}
