// Whole-element snippets, built from the knowledge tables so that placeholders and defaults stay in one place.

import { ASPNETCORE_ATTRIBUTES } from '../../ancm/attributes';
import { STANDARD_HANDLER_LINE } from '../../ancm/handlerEntry';
import type { CollectionSpec, EnvironmentVariableSpec, HandlerSettingSpec } from '../../ancm/types';
import { escapeChoice, escapeSnippet } from './entries';
import { type CasingStyle, writeHostingModel } from './hostingModelCasing';

function placeholderOf(name: string): string {
  const spec = ASPNETCORE_ATTRIBUTES.find((attribute) => attribute.name === name);
  return escapeSnippet(spec?.placeholder ?? spec?.defaultValue ?? '');
}

function choice(index: number, options: readonly string[]): string {
  return `\${${index}|${options.map(escapeChoice).join(',')}|}`;
}

/** `<aspNetCore ... />` with the attributes a published app carries. */
export function aspNetCoreSnippet(casing: CasingStyle): string {
  const models = [writeHostingModel('inprocess', casing), writeHostingModel('outofprocess', casing)];
  return `aspNetCore processPath="\${1:${placeholderOf('processPath')}}" arguments="\${2:${placeholderOf('arguments')}}" stdoutLogEnabled="${choice(3, ['false', 'true'])}" stdoutLogFile="\${4:${placeholderOf('stdoutLogFile')}}" hostingModel="${choice(5, models)}" />`;
}

export function handlersSnippet(): string {
  return `handlers>\n\t${escapeSnippet(STANDARD_HANDLER_LINE)}\n</handlers>`;
}

export function handlerLineSnippet(): string {
  return escapeSnippet(STANDARD_HANDLER_LINE.slice(1));
}

/** `<system.webServer>` holding the handler line and the section. */
export function systemWebServerSnippet(casing: CasingStyle): string {
  return `system.webServer>\n\t<${handlersSnippet().replace(/\n/g, '\n\t')}\n\t<${aspNetCoreSnippet(casing)}\n</system.webServer>`;
}

/** The `<location>` wrapper the SDK writes so that child applications do not inherit the handler. */
export function locationSnippet(casing: CasingStyle): string {
  return `location path="." inheritInChildApplications="false">\n\t<${systemWebServerSnippet(casing).replace(/\n/g, '\n\t')}\n</location>`;
}

export function configurationSnippet(casing: CasingStyle): string {
  return `configuration>\n\t<${locationSnippet(casing).replace(/\n/g, '\n\t')}\n</configuration>`;
}

/** A complete web.config as `dotnet publish` writes it, for an empty file. */
export function publishedWebConfigSnippet(casing: CasingStyle): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${configurationSnippet(casing)}\n$0`;
}

/** An empty collection element with one entry to fill in. */
export function collectionSnippet(spec: CollectionSpec): string {
  const attributes = spec.attributes.map((attribute, index) => `${attribute.name}="\${${index + 1}}"`).join(' ');
  return `${spec.name}>\n\t<${spec.addElement} ${attributes} />\n</${spec.name}>`;
}

export function genericEntrySnippet(spec: CollectionSpec): string {
  const attributes = spec.attributes.map((attribute, index) => `${attribute.name}="\${${index + 1}}"`).join(' ');
  return `${spec.addElement} ${attributes} />`;
}

function valueChoice(values: readonly string[] | undefined, fallback: string | undefined): string {
  if (values && values.length > 1) return choice(1, values);
  const only = values?.[0] ?? fallback ?? '';
  return `\${1:${escapeSnippet(only)}}`;
}

export function handlerSettingSnippet(spec: HandlerSettingSpec): string {
  return `handlerSetting name="${spec.name}" value="${valueChoice(spec.values, spec.defaultValue)}" />`;
}

export function environmentVariableSnippet(spec: EnvironmentVariableSpec): string {
  return `environmentVariable name="${spec.name}" value="${valueChoice(spec.values, undefined)}" />`;
}
