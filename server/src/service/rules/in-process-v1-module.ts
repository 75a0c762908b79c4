// In-process hosting needs ANCM V2. The V1 module (AspNetCoreModule) never reads hostingModel and
// silently runs the app out-of-process (its aspnetcoreconfig.h, aspnet/IISIntegration src/AspNetCoreModuleV1,
// has no hostingModel); the .NET SDK refuses to publish this combination (dotnet/sdk WebConfigTransform.cs
// SetAspNetCoreHostingModel).

import { ANCM_MODULES } from '../../ancm/modules';
import { getAttribute } from '../parse/xmlDocument';
import { type WebConfigDocument, hostingModelOf, moduleOf } from '../webConfig';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const V2 = ANCM_MODULES.find((module) => module.majorVersion === 2)!;

export const inProcessV1ModuleRule: Rule = {
  id: 'in-process-v1-module',
  description: 'hostingModel is in-process but the handler uses the V1 module, which ignores hostingModel.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: V2.docsUrl,
  check(document: WebConfigDocument): Finding[] {
    if (!document.sections.some((section) => hostingModelOf(section) === 'inprocess')) return [];
    const findings: Finding[] = [];
    for (const handler of document.handlers) {
      const module = moduleOf(handler);
      const modules = getAttribute(handler, 'modules');
      if (!module || module.supportsInProcess || !modules) continue;
      findings.push({
        message: `hostingModel is in-process, but ${module.name} (ANCM V1) ignores hostingModel and runs the app out-of-process. In-process hosting needs ${V2.name}.`,
        ...valueSpan(modules),
        fixes: [valueFix(`Use ${V2.name}`, modules, V2.name, false)],
      });
    }
    return findings;
  },
};
