// What a project-file rule sees and returns. Rules return plain findings (rules/types.ts Finding) in the project file's
// offsets; projectValidation.ts stamps them with the rule id and severity, as the web.config runner does.

import { ASPNETCORE_HOSTING_MODEL, TARGET_FRAMEWORK, defaultsToInProcess } from '../../../ancm/projectProperties';
import type { Finding } from '../../rules/types';
import type { Fix, Severity } from '../../types';
import { type EvaluatedProperty, type MsbuildProperty, type ProjectFile, evaluatedValue } from '../msbuildProject';

/** The properties in effect for one configuration of the file. */
export interface ConfigurationValues {
  readonly configuration: string;
  readonly values: ReadonlyMap<string, EvaluatedProperty>;
}

export interface ProjectRuleContext {
  readonly project: ProjectFile;
  /** One evaluation per configuration the file distinguishes (Debug, Release, and any other its conditions name). */
  readonly configurations: readonly ConfigurationValues[];
  /** web.config's hostingModel, when the project's web.config sets one: publish then keeps it and ignores the property. */
  readonly webConfigHostingModel?: { readonly value: string };
}

export interface ProjectRule {
  /** Stable id: the diagnostic `code`. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
  check(context: ProjectRuleContext): Finding[];
}

/** The elements that set a property, in document order, whatever the casing of the name. */
export function propertiesNamed(project: ProjectFile, name: string): MsbuildProperty[] {
  const lower = name.toLowerCase();
  return project.properties.filter((property) => property.name.toLowerCase() === lower);
}

export function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/** A value the rules can judge: not empty, and free of `$(…)` that could not be expanded. */
export function plainValue(value: string): boolean {
  return value.trim() !== '' && !value.includes('$(');
}

export type HostingModelInEffect = 'inprocess' | 'outofprocess' | 'other';

/**
 * The hosting model publish would write for a configuration: the property's value, else the Web SDK's default
 * (inprocess for .NET Core 3.0+, Microsoft.NET.Sdk.Web.ProjectSystem.targets) when the file names such a framework.
 */
export function hostingModelInEffect(project: ProjectFile, values: ReadonlyMap<string, EvaluatedProperty>): HostingModelInEffect | undefined {
  const written = evaluatedValue(values, ASPNETCORE_HOSTING_MODEL)?.trim();
  if (written) {
    const lower = written.toLowerCase();
    return lower === 'inprocess' || lower === 'outofprocess' ? lower : 'other';
  }
  const framework = evaluatedValue(values, TARGET_FRAMEWORK) ?? evaluatedValue(values, 'TargetFrameworks');
  const web = project.sdk === undefined || /Microsoft\.NET\.Sdk\.Web/i.test(project.sdk);
  return web && framework !== undefined && defaultsToInProcess(framework) ? 'inprocess' : undefined;
}

/**
 * One finding per element, for a rule that looks at each configuration: the configurations that trigger it are
 * named in the message unless all do.
 */
export function perElement(
  context: ProjectRuleContext,
  triggered: (configuration: ConfigurationValues) => MsbuildProperty | undefined,
  report: (property: MsbuildProperty, where: string) => Finding,
): Finding[] {
  const byElement = new Map<MsbuildProperty, string[]>();
  for (const configuration of context.configurations) {
    const property = triggered(configuration);
    if (!property) continue;
    const names = byElement.get(property) ?? [];
    names.push(configuration.configuration);
    byElement.set(property, names);
  }
  return [...byElement].map(([property, names]) =>
    report(property, names.length === context.configurations.length ? '' : ` (in ${names.join(', ')})`));
}

/** A fix that replaces a property's value (a `<Name />` becomes `<Name>value</Name>`). */
export function propertyValueFix(project: ProjectFile, property: MsbuildProperty, newValue: string, title: string, safe: boolean): Fix {
  const escaped = newValue.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const selfClosing = property.valueStart === property.valueEnd && project.text.startsWith('/>', property.valueStart);
  const edit = selfClosing
    ? { start: property.start, end: property.end, newText: `<${property.name}>${escaped}</${property.name}>` }
    : { start: property.valueStart, end: property.valueEnd, newText: escaped };
  return { title, edits: [edit], safe };
}

/** Where a finding about a property goes: its value, or the whole element when the value is empty. */
export function propertySpan(property: MsbuildProperty): { start: number; end: number } {
  return property.valueEnd > property.valueStart ? { start: property.valueStart, end: property.valueEnd } : { start: property.start, end: property.end };
}
