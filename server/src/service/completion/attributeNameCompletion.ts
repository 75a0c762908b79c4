// Attribute names inside the start tags ANCM reads: <aspNetCore>, collection entries, and the
// aspNetCore handler line. Only attributes not yet present are offered, most used first.

import { ASPNETCORE_ATTRIBUTES } from '../../ancm/attributes';
import { STANDARD_HANDLER_ATTRIBUTES } from '../../ancm/handlerEntry';
import { appliesTo } from '../../ancm/lookup';
import { HANDLER_ENTRY_ATTRIBUTES } from '../../ancm/modules';
import type { AttributeSpec, HostingModel } from '../../ancm/types';
import type { XmlAttribute, XmlElement } from '../parse/xmlDocument';
import type { CompletionEntry } from '../types';
import { attributeMarkdown, elementMarkdown } from '../documentation';
import { collectionOf, isAspNetCoreSection, isHandlerEntry } from '../webConfig';
import { type InsertionSite, entry, escapeChoice, escapeSnippet, sortKey } from './entries';
import { type CasingStyle, writeHostingModel } from './hostingModelCasing';

export interface AttributeNameRequest {
  readonly element: XmlElement;
  /** The attribute whose name is being typed, if any. */
  readonly attribute: XmlAttribute | undefined;
  readonly site: InsertionSite;
  readonly hostingModel: HostingModel | undefined;
  readonly casing: CasingStyle;
}

export function completeAttributeName(request: AttributeNameRequest): CompletionEntry[] {
  const { element } = request;
  if (isAspNetCoreSection(element)) return aspNetCoreAttributes(request);
  if (isHandlerEntry(element) || (element.name === 'add' && element.parent?.name === 'handlers')) return handlerAttributes(request);
  const collection = collectionOf(element.parent);
  if (collection && element.name === collection.addElement) {
    return collection.attributes
      .filter((attribute) => !isPresent(request, attribute.name))
      .map((attribute, index) => nameEntry(request, attribute.name, '', index, { detail: attribute.summary }));
  }
  return [];
}

function aspNetCoreAttributes(request: AttributeNameRequest): CompletionEntry[] {
  return ASPNETCORE_ATTRIBUTES.filter((spec) => !isPresent(request, spec.name)).map((spec) => {
    // Settings that do nothing under the file's hosting model go after the ones that matter.
    const group = appliesTo(spec.appliesTo, request.hostingModel) ? 0 : 1;
    return nameEntry(request, spec.name, valueSnippet(spec, request.casing), spec.rank, {
      detail: spec.summary,
      documentation: attributeMarkdown(spec),
      group,
    });
  });
}

function handlerAttributes(request: AttributeNameRequest): CompletionEntry[] {
  return STANDARD_HANDLER_ATTRIBUTES.filter(([name]) => !isPresent(request, name)).map(([name, value], index) => {
    const docs = HANDLER_ENTRY_ATTRIBUTES.find((attribute) => attribute.name === name);
    return nameEntry(request, name, escapeSnippet(value), index, { detail: docs?.summary, documentation: docs && elementMarkdown(docs) });
  });
}

/** The snippet body that goes between the quotes: a choice for enums, a placeholder otherwise. */
function valueSnippet(spec: AttributeSpec, casing: CasingStyle): string {
  if (spec.valueType === 'hostingModel') {
    return `\${1|${(['inprocess', 'outofprocess'] as const).map((model) => writeHostingModel(model, casing)).join(',')}|}`;
  }
  if (spec.values && spec.values.length > 0) {
    const ordered = spec.defaultValue !== undefined && spec.values.includes(spec.defaultValue)
      ? [spec.defaultValue, ...spec.values.filter((value) => value !== spec.defaultValue)]
      : spec.values;
    return `\${1|${ordered.map(escapeChoice).join(',')}|}`;
  }
  const placeholder = spec.placeholder ?? spec.defaultValue ?? '';
  return `\${1:${escapeSnippet(placeholder)}}`;
}

function isPresent(request: AttributeNameRequest, name: string): boolean {
  return request.element.attributes.some((attribute) => attribute !== request.attribute && attribute.name === name);
}

interface NameOptions {
  readonly detail?: string | undefined;
  readonly documentation?: string | undefined;
  readonly group?: number;
}

/**
 * Completes a name. Where the attribute has no value yet, the whole `name="value"` is inserted as a
 * snippet; where a value already follows, only the name is replaced.
 */
function nameEntry(request: AttributeNameRequest, name: string, valueBody: string, rank: number, options: NameOptions): CompletionEntry {
  const hasValue = request.attribute?.equalsAt !== undefined;
  const insertText = hasValue ? name : `${name}="${valueBody || '$1'}"`;
  return entry(request.site, name, 'attribute', insertText, sortKey(options.group ?? 0, rank), {
    snippet: !hasValue,
    // A choice snippet shows its own list; anything else asks for value completion once inserted.
    retrigger: !hasValue && !insertText.includes('${1|'),
    ...(options.detail !== undefined && { detail: options.detail }),
    ...(options.documentation !== undefined && { documentation: options.documentation }),
  });
}
