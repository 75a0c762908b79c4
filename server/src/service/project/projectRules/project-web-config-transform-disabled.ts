// The _TransformWebConfig target skips the TransformWebConfig task when IsTransformWebConfigDisabled or
// IsWebConfigTransformDisabled is 'true' or PublishIISAssets is 'false' (MSBuild compares case-insensitively), and
// _TransformXml then runs no XDT transform either (dotnet/sdk src/WebSdk/Publish/Targets/TransformTargets/
// Microsoft.NET.Sdk.Publish.TransformFiles.targets): web.config is published exactly as the project has it.

import { PUBLISH_IIS_ASSETS, WEB_CONFIG_TRANSFORM_SWITCHES, findProjectProperty } from '../../../ancm/projectProperties';
import type { Finding } from '../../rules/types';
import { type ProjectRule, propertiesNamed, propertySpan } from './projectRule';

export const projectWebConfigTransformDisabled: ProjectRule = {
  id: 'project-web-config-transform-disabled',
  description: 'The web.config transform is off: publish copies web.config as is, with no processPath, arguments or hostingModel written.',
  defaultSeverity: 'information',
  docsUrl: findProjectProperty(WEB_CONFIG_TRANSFORM_SWITCHES[0])!.docsUrl,
  check({ project }) {
    const findings: Finding[] = [];
    const switches = [
      ...WEB_CONFIG_TRANSFORM_SWITCHES.map((name) => ({ name, off: 'true' })),
      { name: PUBLISH_IIS_ASSETS, off: 'false' },
    ];
    for (const { name, off } of switches) {
      for (const property of propertiesNamed(project, name)) {
        if (property.value.trim().toLowerCase() !== off) continue;
        findings.push({
          message: `${property.name}=${property.value.trim()}: publish copies web.config as is, writing no processPath, arguments, hostingModel or environment, and runs no web.*.config transform.`,
          ...propertySpan(property),
        });
      }
    }
    return findings;
  },
};
