// EnvironmentName is passed to the TransformWebConfig task, which sets ASPNETCORE_ENVIRONMENT in web.config's
// <environmentVariables> (replacing an entry already there), and selects the web.<EnvironmentName>.config transform
// (dotnet/sdk src/WebSdk/Publish/Tasks/WebConfigTransform.cs TransformEnvironmentVariables;
// Microsoft.NET.Sdk.Publish.TransformFiles.targets _TransformWebConfig and _TransformXml).

import { ENVIRONMENT_NAME, findProjectProperty } from '../../../ancm/projectProperties';
import type { Finding } from '../../rules/types';
import { type ProjectRule, plainValue, propertiesNamed, propertySpan } from './projectRule';

export const projectEnvironmentName: ProjectRule = {
  id: 'project-environment-name',
  description: 'EnvironmentName: publish writes it into web.config as ASPNETCORE_ENVIRONMENT, replacing the value there.',
  defaultSeverity: 'information',
  docsUrl: findProjectProperty(ENVIRONMENT_NAME)!.docsUrl,
  check(context) {
    const findings: Finding[] = [];
    for (const property of propertiesNamed(context.project, ENVIRONMENT_NAME)) {
      const value = property.value.trim();
      if (!plainValue(value)) continue;
      const development = value.toLowerCase() === 'development';
      findings.push({
        message: development
          ? 'Publish sets ASPNETCORE_ENVIRONMENT=Development in web.config: the published site shows detailed error pages to every visitor.'
          : `Publish sets ASPNETCORE_ENVIRONMENT=${value} in web.config (replacing the value there) and applies web.${value}.config if the project has one.`,
        ...propertySpan(property),
        ...(development && { severity: 'warning' as const }),
      });
    }
    return findings;
  },
};
