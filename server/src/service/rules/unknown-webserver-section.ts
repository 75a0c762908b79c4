// An element directly under <system.webServer> that IIS does not know as a section: IIS validates web.config against
// its schema files (IIS_schema.xml and each installed module's) before ANCM runs and answers HTTP 500.19
// (https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference). To stay free of false alarms,
// only names IIS certainly does not know there are reported: one of its own section names in the wrong letter case
// (element names are case-sensitive), or a section that belongs elsewhere (<appSettings>, <customHeaders>…).
// <aspNetCore> in the wrong case is misplaced-aspnetcore-section's, ANCM's collections misplaced-collection's. Sections a file declares in <configSections> are left alone.

import { ASPNETCORE_COLLECTIONS } from '../../ancm/collections';
import { KNOWN_SYSTEM_WEBSERVER_SECTIONS, SECTIONS_BELONGING_ELSEWHERE } from '../../ancm/iisSections';
import { HANDLER_ENTRY_DOCS } from '../../ancm/modules';
import { getAttribute, type XmlElement } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { systemWebServerElements } from './misplaced-collection';
import { elementNameSpan } from '../xmlEdit/spans';
import { renameElement } from '../xmlEdit/edits';
import type { Finding, Rule } from './types';

const KNOWN_BY_LOWER_CASE = new Map(KNOWN_SYSTEM_WEBSERVER_SECTIONS.map((name) => [name.toLowerCase(), name]));
const LEFT_TO_OTHER_RULES = new Set(['aspnetcore', ...ASPNETCORE_COLLECTIONS.map((collection) => collection.name.toLowerCase())]);

export const unknownWebServerSectionRule: Rule = {
  id: 'unknown-webserver-section',
  description: 'An element directly under <system.webServer> that IIS does not know: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: HANDLER_ENTRY_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    const declared = declaredSections(document);
    for (const systemWebServer of systemWebServerElements(document)) {
      for (const child of systemWebServer.children) {
        const lower = child.name.toLowerCase();
        if (KNOWN_SYSTEM_WEBSERVER_SECTIONS.includes(child.name) || LEFT_TO_OTHER_RULES.has(lower) || declared.has(child.name)) continue;
        const known = KNOWN_BY_LOWER_CASE.get(lower);
        const elsewhere = SECTIONS_BELONGING_ELSEWHERE.get(lower);
        if (known) {
          const edits = renameElement(child, known);
          findings.push({
            message: `<system.webServer> has <${known}>, not <${child.name}> (element names are case-sensitive): IIS rejects the file (HTTP 500.19).`,
            ...elementNameSpan(child),
            // Safe unless the renamed section would then be there twice.
            fixes: edits ? [{ title: `Rename to <${known}>`, edits, safe: !systemWebServer.children.some((sibling) => sibling.name === known) }] : [],
          });
        } else if (elsewhere) {
          findings.push({
            message: `<${child.name}> is not a section of <system.webServer> (it belongs ${elsewhere}): IIS rejects the file (HTTP 500.19).`,
            ...elementNameSpan(child),
          });
        }
      }
    }
    return findings;
  },
};

/** Section names the file declares for <system.webServer> in <configSections> (a sectionGroup named system.webServer). */
function declaredSections(document: WebConfigDocument): Set<string> {
  const names = new Set<string>();
  const configSections = document.xml.roots[0]?.children.find((child) => child.name === 'configSections');
  for (const group of configSections?.children ?? []) {
    if (group.name !== 'sectionGroup' || getAttribute(group, 'name')?.value !== 'system.webServer') continue;
    for (const section of group.children) addName(names, section);
  }
  return names;
}

function addName(names: Set<string>, element: XmlElement): void {
  const name = getAttribute(element, 'name')?.value;
  if (name) names.add(name);
}
