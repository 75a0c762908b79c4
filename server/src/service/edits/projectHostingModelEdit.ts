// Keeps the project file's `<AspNetCoreHostingModel>` in step with web.config. On publish the Web SDK writes this
// property into web.config's hostingModel only when web.config has none (dotnet/sdk WebConfigTransform.cs
// TransformAspNetCore, SetAspNetCoreHostingModel), while Visual Studio runs IIS Express with the project's value, so two
// values that disagree mislead one way or the other. SDK-style and old-style (MSBuild 2003 namespace) project files both work: the
// default namespace does not change element names.
//
// Every existing property element is updated, conditional PropertyGroups included, so no configuration
// publishes the old model. When there is none, the property goes into the first PropertyGroup without a
// Condition; it must come before the SDK's targets read it, which an unconditional group at the top does.

import type { HostingModel } from '../../ancm/types';
import { type XmlElement, parseXml } from '../parse/xmlDocument';
import type { TextEdit } from '../types';
import type { EditResult } from '../types';
import { cannot, isCannot } from './editResult';
import { appendChildren, appendChildrenProblem, elementProblem } from '../xmlEdit/edits';

export const PROJECT_HOSTING_MODEL_PROPERTY = 'AspNetCoreHostingModel';

/** The value as the SDK templates and Visual Studio write it. */
export function msbuildHostingModel(model: HostingModel): string {
  return model === 'inprocess' ? 'InProcess' : 'OutOfProcess';
}

export function setProjectHostingModel(projectText: string, model: HostingModel): EditResult {
  const xml = parseXml(projectText);
  const project = xml.roots.find((root) => root.name === 'Project');
  if (!project) return cannot('The project file has no <Project> element.');
  const projectProblem = elementProblem(project);
  if (projectProblem) return cannot(projectProblem);
  const value = msbuildHostingModel(model);
  const propertyGroups = project.children.filter((child) => child.name === 'PropertyGroup');
  const properties = propertyGroups.flatMap((group) => group.children.filter((child) => child.name === PROJECT_HOSTING_MODEL_PROPERTY));

  if (properties.length > 0) {
    const edits: TextEdit[] = [];
    for (const property of properties) {
      const result = setPropertyValue(projectText, property, value);
      if (isCannot(result)) return result;
      edits.push(...result.edits);
    }
    return { edits };
  }

  const group = propertyGroups.find((candidate) => !candidate.attributes.some((attribute) => attribute.name === 'Condition'));
  if (!group) return cannot('The project file has no <PropertyGroup> without a Condition to add <AspNetCoreHostingModel> to.');
  const groupProblem = appendChildrenProblem(group);
  if (groupProblem) return cannot(groupProblem);
  const markup = `<${PROJECT_HOSTING_MODEL_PROPERTY}>${value}</${PROJECT_HOSTING_MODEL_PROPERTY}>`;
  return { edits: [appendChildren(projectText, group, [{ depth: 0, markup }])] };
}

function setPropertyValue(text: string, property: XmlElement, value: string): EditResult {
  const problem = elementProblem(property);
  if (problem) return cannot(problem);
  if (property.selfClosing) {
    return { edits: [{ start: property.start, end: property.end, newText: `<${PROJECT_HOSTING_MODEL_PROPERTY}>${value}</${PROJECT_HOSTING_MODEL_PROPERTY}>` }] };
  }
  const contentStart = property.startTagEnd!;
  const contentEnd = property.endTag!.start;
  const content = text.slice(contentStart, contentEnd);
  if (content.includes('<')) return cannot(`<${PROJECT_HOSTING_MODEL_PROPERTY}> holds markup, not a plain value; edit it by hand.`);
  if (content.trim().toLowerCase() === value.toLowerCase()) return { edits: [] };
  return { edits: [{ start: contentStart, end: contentEnd, newText: value }] };
}
