// ANCM shows detailed error text on its startup-error pages when ASPNETCORE_DETAILEDERRORS is true/1 or
// ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT is Development (AspNetCore/ShimOptions.cpp).
// Worth knowing in a file that looks deployed: those pages, and the app's Development mode, reach every visitor.

import { findEnvironmentVariable } from '../../ancm/lookup';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
import { resolveEntries } from './entriesInEffect';
import { LAUNCHER_PATH } from './launcher-placeholder';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const ENVIRONMENTS_DOCS = findEnvironmentVariable('ASPNETCORE_ENVIRONMENT')!.docsUrl;

export const developmentEnvironmentRule: Rule = {
  id: 'development-environment',
  description: 'Development settings or detailed errors in a web.config that looks deployed.',
  defaultSeverity: 'information',
  requiresCompleteFile: false,
  docsUrl: ENVIRONMENTS_DOCS,
  check(document) {
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'environmentVariables').inEffect) {
      const spec = findEnvironmentVariable(entry.name);
      const value = entry.value;
      if (!spec?.detailedErrorsWith || value === undefined || !looksDeployed(entry.section)) continue;
      if (!spec.detailedErrorsWith.some((enabling) => enabling.toLowerCase() === value.toLowerCase())) continue;
      const attribute = entry.valueAttribute!;
      const development = value.toLowerCase() === 'development';
      findings.push({
        message: development
          ? `${spec.name}=${value}: every visitor gets ANCM's detailed startup-error pages and the app's Development mode (developer exception page). Keep it to development machines.`
          : `${spec.name}=${value}: every visitor gets ANCM's detailed startup-error pages (exceptions, paths). Remove it once the problem is found.`,
        ...valueSpan(attribute),
        fixes: [development ? valueFix("Change to 'Production'", attribute, 'Production', false) : valueFix("Change to 'false'", attribute, 'false', false)],
      });
    }
    return findings;
  },
};

/** A processPath that is not Visual Studio's %LAUNCHER_PATH% placeholder: the file is what the server runs. */
function looksDeployed(section: XmlElement): boolean {
  const processPathAttribute = getAttribute(section, 'processPath');
  const processPath = processPathAttribute ? completeValue(processPathAttribute) : undefined;
  return processPath !== undefined && processPath !== '' && !processPath.toUpperCase().includes(LAUNCHER_PATH);
}
