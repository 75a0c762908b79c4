// When the project's web.config already has a hostingModel attribute, publish keeps it and never reads
// AspNetCoreHostingModel (dotnet/sdk src/WebSdk/Publish/Tasks/WebConfigTransform.cs TransformAspNetCore: the hosting model
// is set "only if it not already set in the project's web.config"). A project that says otherwise is silently overruled.
// hostingModelCrossCheck.ts reports the same disagreement on web.config's side.

import { ASPNETCORE_HOSTING_MODEL, MSBUILD_HOSTING_MODELS, findProjectProperty } from '../../../ancm/projectProperties';
import type { Finding } from '../../rules/types';
import { type ProjectRule, propertiesNamed, propertySpan, propertyValueFix } from './projectRule';

/** The MSBuild spelling of a valid hosting model, any casing; undefined for anything else. */
export function knownHostingModel(value: string): (typeof MSBUILD_HOSTING_MODELS)[number] | undefined {
  const lower = value.trim().toLowerCase();
  return MSBUILD_HOSTING_MODELS.find((model) => model.toLowerCase() === lower);
}

export const projectHostingModelMismatch: ProjectRule = {
  id: 'project-hosting-model-mismatch',
  description: 'AspNetCoreHostingModel differs from web.config\'s hostingModel: publish keeps web.config\'s and ignores the property.',
  defaultSeverity: 'warning',
  docsUrl: findProjectProperty(ASPNETCORE_HOSTING_MODEL)!.docsUrl,
  check({ project, webConfigHostingModel }) {
    const webConfigModel = webConfigHostingModel && knownHostingModel(webConfigHostingModel.value);
    if (!webConfigModel) return [];
    const findings: Finding[] = [];
    for (const property of propertiesNamed(project, ASPNETCORE_HOSTING_MODEL)) {
      const model = knownHostingModel(property.value);
      if (!model || model === webConfigModel) continue;
      findings.push({
        message: `AspNetCoreHostingModel is ${model} but web.config says ${webConfigHostingModel.value.trim()}: publish keeps web.config's hostingModel and ignores this property.`,
        ...propertySpan(property),
        fixes: [propertyValueFix(project, property, webConfigModel, `Change to '${webConfigModel}' (as web.config)`, false)],
      });
    }
    return findings;
  },
};
