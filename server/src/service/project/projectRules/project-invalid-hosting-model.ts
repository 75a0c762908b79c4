// The Web SDK compares AspNetCoreHostingModel case-insensitively with InProcess and OutOfProcess and throws on anything
// else, failing the publish with "The acceptable value for AspNetCoreHostingModel property is either "InProcess" or
// "OutOfProcess"." (dotnet/sdk src/WebSdk/Publish/Tasks/WebConfigTransform.cs SetAspNetCoreHostingModel; the text is
// WebConfigTransform_HostingModel_Error in src/WebSdk/Publish/Tasks/Properties/Resources.resx). It only reads the
// property when the project's web.config has no hostingModel of its own.

import { ASPNETCORE_HOSTING_MODEL, MSBUILD_HOSTING_MODELS, findProjectProperty } from '../../../ancm/projectProperties';
import { closestName } from '../../rules/closestName';
import type { Finding } from '../../rules/types';
import type { Fix } from '../../types';
import type { MsbuildProperty, ProjectFile } from '../msbuildProject';
import { type ProjectRule, plainValue, propertiesNamed, propertySpan, propertyValueFix } from './projectRule';

export const SDK_HOSTING_MODEL_ERROR = 'The acceptable value for AspNetCoreHostingModel property is either "InProcess" or "OutOfProcess".';

export const projectInvalidHostingModel: ProjectRule = {
  id: 'project-invalid-hosting-model',
  description: 'An AspNetCoreHostingModel other than InProcess or OutOfProcess (any casing): dotnet publish fails.',
  defaultSeverity: 'error',
  docsUrl: findProjectProperty(ASPNETCORE_HOSTING_MODEL)!.docsUrl,
  check(context) {
    const findings: Finding[] = [];
    for (const property of propertiesNamed(context.project, ASPNETCORE_HOSTING_MODEL)) {
      const value = property.value.trim();
      if (!plainValue(value) || MSBUILD_HOSTING_MODELS.some((model) => model.toLowerCase() === value.toLowerCase())) continue;
      const ignored = context.webConfigHostingModel !== undefined;
      findings.push({
        message: ignored
          ? `AspNetCoreHostingModel '${value}' is not InProcess or OutOfProcess: publish ignores it while web.config sets hostingModel, and fails once it does not.`
          : `AspNetCoreHostingModel '${value}' fails dotnet publish: "${SDK_HOSTING_MODEL_ERROR}"`,
        ...propertySpan(property),
        ...(ignored && { severity: 'warning' as const }),
        fixes: hostingModelFixes(context.project, property, value),
      });
    }
    return findings;
  },
};

function hostingModelFixes(project: ProjectFile, property: MsbuildProperty, value: string): Fix[] {
  const fix = (model: string, safe: boolean) => propertyValueFix(project, property, model, `Change to '${model}'`, safe);
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  const exact = MSBUILD_HOSTING_MODELS.find((model) => model.toLowerCase() === letters);
  if (exact) return [fix(exact, true)]; // `In-Process`, `Out_Of_Process`
  if (letters.startsWith('out') && letters.includes('proc')) return [fix('OutOfProcess', true)];
  if (letters.startsWith('in') && letters.includes('proc')) return [fix('InProcess', true)];
  const closest = closestName(letters, MSBUILD_HOSTING_MODELS.map((model) => model.toLowerCase()));
  const model = MSBUILD_HOSTING_MODELS.find((candidate) => candidate.toLowerCase() === closest);
  return model ? [fix(model, false)] : MSBUILD_HOSTING_MODELS.map((candidate) => fix(candidate, false));
}
