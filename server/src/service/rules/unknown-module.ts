// A handler whose modules value looks like ANCM's but names no module an installer registers: the Hosting Bundle
// registers AspNetCoreModuleV2 (and, before .NET Core 3.0, AspNetCoreModule) in IIS's <globalModules>
// (installers aspnetcoremodule.wxs, aspnetcoremodulev2.wxs). IIS then answers every request with
// HTTP 500.21 ("Handler … has a bad module … in its module list"), and ANCM never runs.

import { ANCM_MODULES } from '../../ancm/modules';
import { getAttribute } from '../parse/xmlDocument';
import { isHandlerEntry } from '../webConfig';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const V2 = ANCM_MODULES.find((module) => module.majorVersion === 2)!;
const KNOWN = new Set(ANCM_MODULES.map((module) => module.name.toLowerCase()));

export const unknownModuleRule: Rule = {
  id: 'unknown-module',
  description: 'A handler naming an ASP.NET Core Module that does not exist (such as AspNetCoreModuleV3): IIS answers HTTP 500.21.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: V2.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const element of document.xml.elements) {
      if (element.name !== 'add' || element.parent?.name !== 'handlers') continue;
      const modules = getAttribute(element, 'modules');
      const value = modules ? completeValue(modules)?.trim() : undefined;
      if (!modules || !value || value.includes(',')) continue;
      const lower = value.toLowerCase();
      if (KNOWN.has(lower) || !(lower.startsWith('aspnetcore') || (isHandlerEntry(element) && lower.includes('aspnetcore')))) continue;
      findings.push({
        message: `IIS has no module named '${value}': every request gets HTTP 500.21 ("bad module in its module list"). The Hosting Bundle installs ${V2.name}.`,
        ...valueSpan(modules),
        // Only V2 is installed by a current Hosting Bundle; a name that mentions V1 might have meant the retired module.
        fixes: [valueFix(`Use ${V2.name}`, modules, V2.name, !/v1\b/i.test(value))],
      });
    }
    return findings;
  },
};
