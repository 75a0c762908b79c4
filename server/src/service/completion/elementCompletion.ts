// Child elements where ANCM configuration goes: the published web.config in an empty file, the
// location / system.webServer / handlers / aspNetCore chain, the three collections and their entries.

import { ASPNETCORE_COLLECTIONS } from '../../ancm/collections';
import { ENVIRONMENT_VARIABLES } from '../../ancm/environmentVariables';
import { HANDLER_SETTINGS } from '../../ancm/handlerSettings';
import { appliesTo } from '../../ancm/lookup';
import type { HostingModel } from '../../ancm/types';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { CompletionEntry } from '../types';
import { collectionEntryMarkdown, collectionMarkdown, environmentVariableMarkdown, handlerSettingMarkdown } from '../documentation';
import { type WebConfigDocument, collectionOf, isAspNetCoreSection, isHandlerEntry } from '../webConfig';
import { type InsertionSite, entry, sortKey } from './entries';
import type { CasingStyle } from './hostingModelCasing';
import {
  aspNetCoreSnippet,
  collectionSnippet,
  configurationSnippet,
  environmentVariableSnippet,
  genericEntrySnippet,
  handlerLineSnippet,
  handlerSettingSnippet,
  handlersSnippet,
  locationSnippet,
  publishedWebConfigSnippet,
  systemWebServerSnippet,
} from './snippets';

export interface ElementRequest {
  readonly document: WebConfigDocument;
  readonly parent: XmlElement | undefined;
  /** The element whose name is being typed, when a name follows `<`. */
  readonly element: XmlElement | undefined;
  /** True when `<` is already typed, so the snippets leave it out. */
  readonly afterBracket: boolean;
  readonly site: InsertionSite;
  readonly hostingModel: HostingModel | undefined;
  readonly casing: CasingStyle;
}

interface Candidate {
  readonly label: string;
  /** Snippet text after the `<`. */
  readonly body: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly group: number;
  readonly rank: number;
  readonly deprecated?: boolean;
}

export function completeElement(request: ElementRequest): CompletionEntry[] {
  const candidates = candidatesFor(request);
  // A name typed into a tag that already has attributes or a `>` is only renamed, never expanded.
  const renameOnly = request.element !== undefined && (request.element.attributes.length > 0 || request.element.startTagEnd !== undefined);
  return candidates.map((candidate) => {
    const name = candidate.label.split(' ')[0];
    const insertText = renameOnly ? name : (request.afterBracket ? '' : '<') + candidate.body;
    return entry(request.site, candidate.label, candidate.body.includes('\n') ? 'snippet' : 'element', insertText, sortKey(candidate.group, candidate.rank), {
      snippet: !renameOnly,
      detail: candidate.detail,
      filterText: request.afterBracket ? candidate.label : `<${candidate.label}`,
      ...(candidate.documentation !== undefined && { documentation: candidate.documentation }),
      ...(candidate.deprecated && { deprecated: true }),
    });
  });
}

function candidatesFor(request: ElementRequest): Candidate[] {
  const { parent, casing } = request;
  if (!parent) return rootCandidates(request);
  const children = parent.children.filter((child) => child !== request.element);
  const has = (name: string) => children.some((child) => child.name === name);
  if (isAspNetCoreSection(parent)) return sectionCandidates(has);
  const collection = collectionOf(parent);
  if (collection) return entryCandidates(request, children);
  switch (parent.name) {
    case 'configuration':
      return has('location') || has('system.webServer') ? [] : [
        { label: 'location (published layout)', body: locationSnippet(casing), detail: 'The <location> wrapper dotnet publish writes, with the handler and <aspNetCore>', group: 0, rank: 0 },
        { label: 'system.webServer', body: systemWebServerSnippet(casing), detail: 'The handler line and <aspNetCore>', group: 0, rank: 1 },
      ];
    case 'location':
      return has('system.webServer') ? [] : [{ label: 'system.webServer', body: systemWebServerSnippet(casing), detail: 'The handler line and <aspNetCore>', group: 0, rank: 0 }];
    case 'system.webServer': {
      const list: Candidate[] = [];
      if (!has('aspNetCore')) list.push({ label: 'aspNetCore', body: aspNetCoreSnippet(casing), detail: 'The ASP.NET Core Module section', group: 0, rank: 0 });
      if (!has('handlers')) list.push({ label: 'handlers', body: handlersSnippet(), detail: 'Maps every request to the ASP.NET Core Module', group: 0, rank: 1 });
      return list;
    }
    case 'handlers':
      return children.some(isHandlerEntry) ? [] : [{ label: 'add (aspNetCore handler)', body: handlerLineSnippet(), detail: 'The handler line dotnet publish writes', group: 0, rank: 0 }];
    default:
      return [];
  }
}

function rootCandidates(request: ElementRequest): Candidate[] {
  const others = request.document.xml.elements.filter((element) => element !== request.element);
  if (others.length > 0) return [];
  if (request.afterBracket) {
    return [{ label: 'configuration', body: configurationSnippet(request.casing), detail: 'A complete web.config for an ASP.NET Core app', group: 0, rank: 0 }];
  }
  return [{ label: 'web.config (ASP.NET Core, published)', body: publishedWebConfigSnippet(request.casing).slice(1), detail: 'A complete web.config as dotnet publish writes it', group: 0, rank: 0 }];
}

function sectionCandidates(has: (name: string) => boolean): Candidate[] {
  return ASPNETCORE_COLLECTIONS.filter((collection) => !has(collection.name)).map((collection) => ({
    label: collection.name,
    body: collectionSnippet(collection),
    detail: collection.summary,
    documentation: collectionMarkdown(collection),
    // recycleOnFileChange is in the schema but ANCM never reads it: offered last, struck through.
    group: collection.readByAncm ? 0 : 1,
    rank: collection.rank,
    deprecated: !collection.readByAncm,
  }));
}

function entryCandidates(request: ElementRequest, children: readonly XmlElement[]): Candidate[] {
  const collection = collectionOf(request.parent)!;
  const used = new Set(children.map((child) => getAttribute(child, 'name')?.value?.toLowerCase()).filter((name) => name !== undefined));
  const list: Candidate[] = [
    { label: collection.addElement, body: genericEntrySnippet(collection), detail: collection.addElementDocs.summary, documentation: collectionEntryMarkdown(collection), group: 0, rank: 0 },
    { label: collection.clearElement, body: `${collection.clearElement} />`, detail: 'Drops the entries inherited from parent configuration', group: 3, rank: 0 },
  ];
  if (collection.name === 'handlerSettings') {
    for (const spec of HANDLER_SETTINGS) {
      if (used.has(spec.name.toLowerCase())) continue;
      const group = spec.retiredIn ? 3 : appliesTo(spec.appliesTo, request.hostingModel) ? 1 : 2;
      list.push({ label: `handlerSetting ${spec.name}`, body: handlerSettingSnippet(spec), detail: spec.summary, documentation: handlerSettingMarkdown(spec), group, rank: spec.rank, deprecated: spec.retiredIn !== undefined });
    }
  } else if (collection.name === 'environmentVariables') {
    for (const spec of ENVIRONMENT_VARIABLES) {
      if (used.has(spec.name.toLowerCase())) continue;
      list.push({ label: `environmentVariable ${spec.name}`, body: environmentVariableSnippet(spec), detail: spec.summary, documentation: environmentVariableMarkdown(spec), group: 1, rank: spec.rank });
    }
  }
  return list;
}
