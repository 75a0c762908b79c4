// The properties of an MSBuild file (a .csproj, Directory.Build.props, a .pubxml publish profile) with their offsets, and
// the value each one has for a chosen configuration. Reading is tolerant: a property still being typed (no end tag yet)
// is left out, never an error. Evaluation follows MSBuild's pass 1 for properties: files in import order, elements in
// document order, the last definition whose condition holds wins, and the global properties (Configuration, Platform)
// cannot be overridden by the files.
//
// Not evaluated (left out): properties set by imported .props/.targets other than the files given, and conditions that
// need the file system or property functions (msbuildCondition.ts returns "unknown" for those, and an unknown condition
// is taken as not holding).

import { findProjectProperty } from '../../ancm/projectProperties';
import { type XmlElement, decodeEntities, getAttribute, parseXml } from '../parse/xmlDocument';
import { evaluateCondition, expandProperties } from './msbuildCondition';

export interface MsbuildProperty {
  readonly name: string;
  /** The text between the tags, entities decoded, surrounding whitespace trimmed; '' for `<Name />`. */
  readonly value: string;
  /** The condition in effect: the property's own and those of its enclosing PropertyGroup / When, joined with `and`. */
  readonly condition?: string;
  /** The whole element. */
  readonly start: number;
  readonly end: number;
  /** The trimmed value's range; for `<Name />` an empty range just before `/>`. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface ProjectFile {
  readonly text: string;
  /** The `Sdk` attribute of `<Project>` (e.g. Microsoft.NET.Sdk.Web), or of its first `<Sdk Name>` element. */
  readonly sdk?: string;
  readonly properties: readonly MsbuildProperty[];
}

/** What `evaluateProperties` says of one property. */
export interface EvaluatedProperty {
  readonly value: string;
  /** The index, in the files given, of the file that set it. */
  readonly file: number;
  readonly property: MsbuildProperty;
}

export interface BuildGlobals {
  readonly Configuration: string;
  readonly Platform?: string;
}

export function readProjectFile(text: string): ProjectFile {
  const document = parseXml(text);
  const project = document.roots.find((root) => root.name === 'Project');
  if (!project) return { text, properties: [] };
  const properties: MsbuildProperty[] = [];
  collectProperties(text, project.children, [], properties);
  return { text, sdk: sdkOf(project), properties };
}

function sdkOf(project: XmlElement): string | undefined {
  const attribute = getAttribute(project, 'Sdk');
  if (attribute?.valueClosed && attribute.value) return attribute.value.trim();
  const element = project.children.find((child) => child.name === 'Sdk');
  const name = element && getAttribute(element, 'Name');
  return name?.valueClosed && name.value ? name.value.trim() : undefined;
}

function conditionOf(element: XmlElement): string | undefined {
  const attribute = getAttribute(element, 'Condition');
  return attribute?.valueClosed && attribute.value !== undefined && attribute.value.trim() !== '' ? attribute.value : undefined;
}

/** Property groups directly under `<Project>`, and in `<Choose>` (`<When>` takes its condition, `<Otherwise>` the negation of all). */
function collectProperties(text: string, children: readonly XmlElement[], conditions: readonly string[], into: MsbuildProperty[]): void {
  for (const child of children) {
    if (child.name === 'PropertyGroup') {
      const groupConditions = withCondition(conditions, conditionOf(child));
      for (const element of child.children) {
        const property = readProperty(text, element, withCondition(groupConditions, conditionOf(element)));
        if (property) into.push(property);
      }
    } else if (child.name === 'Choose') {
      const whens: string[] = [];
      for (const branch of child.children) {
        if (branch.name === 'When') {
          const condition = conditionOf(branch) ?? 'false';
          collectProperties(text, branch.children, [...conditions, ...whens.map((previous) => `!(${previous})`), condition], into);
          whens.push(condition);
        } else if (branch.name === 'Otherwise') {
          collectProperties(text, branch.children, [...conditions, ...whens.map((previous) => `!(${previous})`)], into);
        }
      }
    }
  }
}

function withCondition(conditions: readonly string[], condition: string | undefined): readonly string[] {
  return condition === undefined ? conditions : [...conditions, condition];
}

function readProperty(text: string, element: XmlElement, conditions: readonly string[]): MsbuildProperty | undefined {
  if (element.startTagEnd === undefined || element.name === '') return undefined;
  const condition = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : conditions.map((part) => `(${part})`).join(' and ');
  const base = { name: element.name, start: element.start, end: element.end, ...(condition !== undefined && { condition }) };
  if (element.selfClosing) {
    const at = element.startTagEnd - 2;
    return { ...base, value: '', valueStart: at, valueEnd: at };
  }
  if (!element.endTag?.closed) return undefined; // still being typed
  const contentStart = element.startTagEnd;
  const raw = text.slice(contentStart, element.endTag.start);
  if (raw.includes('<')) return undefined; // markup or a comment inside: not a plain value
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { ...base, value: decodeEntities(trimmed), valueStart: contentStart + leading, valueEnd: contentStart + leading + trimmed.length };
}

/** The name a property is reported under: the table's spelling for a known property, else as first written. */
function canonicalName(name: string): string {
  return findProjectProperty(name)?.name ?? name;
}

/** The value in effect for a configuration, files in evaluation order (Directory.Build.props, then the csproj, then a .pubxml). */
export function evaluateProperties(files: readonly ProjectFile[], globals: BuildGlobals): Map<string, EvaluatedProperty> {
  const result = new Map<string, EvaluatedProperty>();
  const keys = new Map<string, string>(); // lower-case name -> key in result
  const globalValues = new Map<string, string>([
    ['configuration', globals.Configuration],
    ['platform', globals.Platform ?? 'AnyCPU'],
  ]);
  const lookup = (name: string): string | undefined => {
    const lower = name.toLowerCase();
    const global = globalValues.get(lower);
    if (global !== undefined) return global;
    const key = keys.get(lower);
    return key === undefined ? undefined : result.get(key)?.value;
  };
  files.forEach((file, index) => {
    for (const property of file.properties) {
      const lower = property.name.toLowerCase();
      if (globalValues.has(lower)) continue; // global properties win over the files
      if (property.condition !== undefined && evaluateCondition(property.condition, lookup) !== true) continue;
      const key = keys.get(lower) ?? canonicalName(property.name);
      keys.set(lower, key);
      result.set(key, { value: expandProperties(property.value, lookup) ?? property.value, file: index, property });
    }
  });
  return result;
}

/** The value of a property in an evaluation, whatever the casing it was written in. */
export function evaluatedValue(evaluation: ReadonlyMap<string, { readonly value: string }>, name: string): string | undefined {
  const direct = evaluation.get(name);
  if (direct) return direct.value;
  const lower = name.toLowerCase();
  for (const [key, entry] of evaluation) if (key.toLowerCase() === lower) return entry.value;
  return undefined;
}

/** The configurations a file distinguishes: Debug and Release, and any other compared with $(Configuration). */
export function configurationsOf(project: ProjectFile): string[] {
  const names = new Map<string, string>([['debug', 'Debug'], ['release', 'Release']]);
  for (const property of project.properties) {
    if (!property.condition || !/\$\(\s*Configuration\s*\)/i.test(property.condition)) continue;
    for (const match of property.condition.matchAll(/'([A-Za-z][\w.-]*)(?:\|[^']*)?'/g)) {
      const lower = match[1].toLowerCase();
      if (!names.has(lower) && lower !== 'true' && lower !== 'false') names.set(lower, match[1]);
    }
  }
  return [...names.values()];
}
