// The web.config side of the hosting-model cross-check. Publish keeps web.config's hostingModel when the project's
// web.config has one and ignores AspNetCoreHostingModel (dotnet/sdk src/WebSdk/Publish/Tasks/WebConfigTransform.cs
// TransformAspNetCore), so a project that says otherwise is silently overruled. projectRules/project-hosting-model-mismatch.ts
// reports it on the project's side.

import { ASPNETCORE_HOSTING_MODEL, findProjectProperty } from '../../ancm/projectProperties';
import { getAttribute } from '../parse/xmlDocument';
import type { Issue } from '../types';
import type { WebConfigDocument } from '../webConfig';
import { valueSpan } from '../xmlEdit/spans';
import { knownHostingModel } from './projectRules/project-hosting-model-mismatch';

export const HOSTING_MODEL_CROSS_CHECK_RULE = 'web-config-project-hosting-model-mismatch';

export const hostingModelCrossCheckRule = {
  id: HOSTING_MODEL_CROSS_CHECK_RULE,
  description: 'web.config\'s hostingModel differs from the project\'s AspNetCoreHostingModel: publish keeps web.config\'s and ignores the project\'s.',
  defaultSeverity: 'warning',
  docsUrl: findProjectProperty(ASPNETCORE_HOSTING_MODEL)!.docsUrl,
} as const;

/** The web.config side of the cross-check: web.config's hostingModel attribute silently wins over the project's AspNetCoreHostingModel at publish. */
export function hostingModelCrossCheck(webConfigHostingModel: { value: string; start: number; end: number } | undefined, projectHostingModel: { value: string } | undefined): Issue[] {
  if (!webConfigHostingModel || !projectHostingModel) return [];
  const webConfigModel = knownHostingModel(webConfigHostingModel.value);
  const projectModel = knownHostingModel(projectHostingModel.value);
  if (!webConfigModel || !projectModel || webConfigModel === projectModel) return [];
  // web.config's own casing convention: lower case if it is written that way, else the MSBuild spelling.
  const lowerCase = webConfigHostingModel.value.trim() === webConfigHostingModel.value.trim().toLowerCase();
  const newValue = lowerCase ? projectModel.toLowerCase() : projectModel;
  return [{
    rule: hostingModelCrossCheckRule.id,
    severity: hostingModelCrossCheckRule.defaultSeverity,
    message: `hostingModel is ${webConfigHostingModel.value.trim()} but the project's AspNetCoreHostingModel is ${projectModel}: publish keeps this value and silently ignores the project's.`,
    start: webConfigHostingModel.start,
    end: webConfigHostingModel.end,
    fixes: [{ title: `Change to '${newValue}' (as the project)`, edits: [{ start: webConfigHostingModel.start, end: webConfigHostingModel.end, newText: newValue }], safe: false }],
  }];
}

/** The hostingModel of a web.config's first `<aspNetCore>` (the one the SDK keeps at publish), when its value is complete. */
export function webConfigHostingModel(document: WebConfigDocument): { value: string; start: number; end: number } | undefined {
  const attribute = document.sections.length > 0 ? getAttribute(document.sections[0], 'hostingModel') : undefined;
  return attribute?.valueClosed && attribute.value !== undefined ? { value: attribute.value, ...valueSpan(attribute) } : undefined;
}

/** The cross-check on a parsed web.config: its hostingModel against the project's. */
export function webConfigHostingModelCrossCheck(document: WebConfigDocument, projectHostingModel: { value: string } | undefined): Issue[] {
  return hostingModelCrossCheck(webConfigHostingModel(document), projectHostingModel);
}
