// Builders for entry-rule tests: a published web.config whose <aspNetCore> holds the given entries.

import { publishedConfig } from '../cursor';

export const XDT_ROOT = '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">';

/** `<aspNetCore ...attributes>` with a `<handlerSettings>` holding one entry per line. */
export function withHandlerSettings(entries: readonly string[], sectionAttributes = 'processPath="dotnet" arguments=".\\app.dll" hostingModel="inprocess"'): string {
  return withCollection('handlerSettings', entries, sectionAttributes);
}

/** `<aspNetCore ...attributes>` with an `<environmentVariables>` holding one entry per line. */
export function withEnvironmentVariables(entries: readonly string[], sectionAttributes = 'processPath="dotnet" arguments=".\\app.dll" hostingModel="inprocess"'): string {
  return withCollection('environmentVariables', entries, sectionAttributes);
}

/** `<handlerSetting name="..." value="..." />`. */
export function setting(name: string, value: string): string {
  return `<handlerSetting name="${name}" value="${value}" />`;
}

/** `<environmentVariable name="..." value="..." />`. */
export function variable(name: string, value: string): string {
  return `<environmentVariable name="${name}" value="${value}" />`;
}

function withCollection(collection: string, entries: readonly string[], sectionAttributes: string): string {
  const body = entries.map((entry) => `          ${entry}\n`).join('');
  return publishedConfig(`<aspNetCore ${sectionAttributes}>\n        <${collection}>\n${body}        </${collection}>\n      </aspNetCore>`);
}

/** The same text as an XDT transform (the root declares the xdt namespace). */
export function asTransform(text: string): string {
  return text.replace('<configuration>', XDT_ROOT);
}
