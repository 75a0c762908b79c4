// modules="AspNetCoreModule" is ANCM V1, which Hosting Bundles no longer install since .NET Core 3.0
// (aspnet/AspNetCore#7095; installers aspnetcoremodule.wxs vs aspnetcoremodulev2.wxs). On a server set
// up with a current bundle IIS has no such module (HTTP 500.21). Worth knowing, not an error: an older bundle may
// still have installed it. With in-process hosting, in-process-v1-module says more, so this rule stays quiet there.

import { ANCM_MODULES } from '../../ancm/modules';
import { getAttribute } from '../parse/xmlDocument';
import { hostingModelOf, moduleOf } from '../webConfig';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const V2 = ANCM_MODULES.find((module) => module.majorVersion === 2)!;

export const v1ModuleNotInstalledRule: Rule = {
  id: 'v1-module-not-installed',
  description: 'The V1 module AspNetCoreModule, which Hosting Bundles since .NET Core 3.0 no longer install.',
  defaultSeverity: 'information',
  requiresCompleteFile: false,
  docsUrl: ANCM_MODULES.find((module) => module.majorVersion === 1)!.docsUrl,
  check(document) {
    if (document.sections.some((section) => hostingModelOf(section) === 'inprocess')) return [];
    const findings: Finding[] = [];
    for (const handler of document.handlers) {
      const module = moduleOf(handler);
      const modules = getAttribute(handler, 'modules');
      if (!module || module.majorVersion !== 1 || !modules) continue;
      findings.push({
        message:
          `${module.name} is ANCM V1, which Hosting Bundles since .NET Core 3.0 no longer install: with only a current bundle IIS answers ` +
          `HTTP 500.21. ${V2.name} runs it out-of-process too.`,
        ...valueSpan(modules),
        fixes: [valueFix(`Use ${V2.name}`, modules, V2.name, false)],
      });
    }
    return findings;
  },
};
