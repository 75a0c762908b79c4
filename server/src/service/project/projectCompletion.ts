// Completion in a project file: the ANCM-relevant MSBuild properties (ancm/projectProperties.ts) inside <PropertyGroup>,
// and their values inside a property's element.

import { PROJECT_PROPERTIES, type ProjectPropertySpec, findProjectProperty } from '../../ancm/projectProperties';
import { entry, escapeChoice, escapeSnippet, sortKey } from '../completion/entries';
import type { CompletionEntry } from '../types';
import type { ProjectFile } from './msbuildProject';
import { projectPropertyMarkdown } from './projectHover';
import { projectSiteAt } from './projectSite';

export function completeProjectFile(project: ProjectFile, offset: number): CompletionEntry[] {
  const site = projectSiteAt(project.text, offset);
  if (site.kind === 'propertyName') {
    return PROJECT_PROPERTIES.map((spec) => {
      const closing = `</${spec.name}>`;
      const value = spec.values ? `\${1|${spec.values.map(escapeChoice).join(',')}|}` : '$1';
      const insertText = site.hasEndTag
        ? escapeSnippet(spec.name)
        : `${site.typedAfterLessThan ? '' : '<'}${escapeSnippet(spec.name)}>${value}${escapeSnippet(closing)}`;
      return entry(site, spec.name, 'element', insertText, sortKey(0, spec.rank), {
        snippet: !site.hasEndTag,
        detail: spec.summary,
        documentation: projectPropertyMarkdown(spec),
        ...(!site.typedAfterLessThan && { filterText: spec.name }),
      });
    });
  }
  if (site.kind === 'propertyValue') {
    const spec = findProjectProperty(site.property.name);
    return spec?.values ? spec.values.map((value, rank) => valueEntry(site, spec, value, rank)) : [];
  }
  return [];
}

function valueEntry(site: { replaceStart: number; replaceEnd: number }, spec: ProjectPropertySpec, value: string, rank: number): CompletionEntry {
  const isDefault = spec.defaultValue?.toLowerCase() === value.toLowerCase();
  return entry(site, value, 'value', value, sortKey(0, rank), {
    detail: isDefault ? `${spec.name} (default)` : spec.name,
    documentation: projectPropertyMarkdown(spec),
  });
}
