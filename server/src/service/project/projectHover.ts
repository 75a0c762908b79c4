// Hover in a project file: the documentation of an ANCM-relevant MSBuild property, on its name or its value.

import { type ProjectPropertySpec, findProjectProperty } from '../../ancm/projectProperties';
import { elementAt, parseXml } from '../parse/xmlDocument';
import type { HoverResult } from '../types';
import type { ProjectFile } from './msbuildProject';

const markdownCache = new WeakMap<ProjectPropertySpec, string>();

/** The Markdown shown in hover and completion documentation, built once per table entry. */
export function projectPropertyMarkdown(spec: ProjectPropertySpec): string {
  let markdown = markdownCache.get(spec);
  if (markdown === undefined) {
    const facts = [
      ...(spec.values ? [`| Values | ${spec.values.map((value) => `\`${value}\``).join(', ')} |`] : []),
      ...(spec.defaultValue !== undefined ? [`| Default | \`${spec.defaultValue}\` |`] : []),
    ];
    markdown = [
      `**${spec.name}** (MSBuild property)`,
      spec.summary,
      spec.ancmEffect,
      ...(facts.length > 0 ? [['| | |', '|---|---|', ...facts].join('\n')] : []),
      `[Microsoft docs](${spec.docsUrl})`,
    ].join('\n\n');
    markdownCache.set(spec, markdown);
  }
  return markdown;
}

export function hoverProjectFile(project: ProjectFile, offset: number): HoverResult | undefined {
  const element = elementAt(parseXml(project.text), offset);
  if (!element || element.parent?.name !== 'PropertyGroup') return undefined;
  const spec = findProjectProperty(element.name);
  if (!spec) return undefined;
  const markdown = projectPropertyMarkdown(spec);
  if (offset >= element.nameStart && offset <= element.nameEnd) return { markdown, start: element.nameStart, end: element.nameEnd };
  if (element.endTag && offset >= element.endTag.nameStart && offset <= element.endTag.nameEnd) {
    return { markdown, start: element.endTag.nameStart, end: element.endTag.nameEnd };
  }
  const property = project.properties.find((candidate) => candidate.start === element.start);
  if (property && offset >= property.valueStart && offset <= property.valueEnd && property.valueEnd > property.valueStart) {
    return { markdown, start: property.valueStart, end: property.valueEnd };
  }
  return undefined;
}
