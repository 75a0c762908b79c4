// An ANCM collection (<environmentVariables>, <handlerSettings>, <recycleOnFileChange>) written directly
// under <system.webServer> instead of inside <aspNetCore>: IIS knows no such section there and rejects
// the file with HTTP 500.19, and the settings never reach ANCM (AspNetCore/aspnetcore_schema_v2.xml declares them only inside
// system.webServer/aspNetCore).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findCollection } from '../../ancm/lookup';
import type { XmlElement } from '../parse/xmlDocument';
import type { WebConfigDocument } from '../webConfig';
import { elementNameSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const misplacedCollection: Rule = {
  id: 'misplaced-collection',
  description: 'An aspNetCore collection placed outside <aspNetCore>: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const systemWebServer of systemWebServerElements(document)) {
      for (const child of systemWebServer.children) {
        if (!findCollection(child.name)) continue;
        findings.push({
          message: `<${child.name}> belongs inside <aspNetCore>: directly under <system.webServer> IIS rejects the file (HTTP 500.19), and ANCM never sees these settings.`,
          ...elementNameSpan(child),
        });
      }
    }
    return findings;
  },
};

/** `configuration/system.webServer` and `configuration/location/system.webServer` (a fragment's root too). */
export function systemWebServerElements(document: WebConfigDocument): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (elements: readonly XmlElement[], depth: number) => {
    for (const element of elements) {
      if (element.name === 'system.webServer') found.push(element);
      else if (depth < 2 && (element.name === 'configuration' || element.name === 'location')) visit(element.children, depth + 1);
    }
  };
  visit(document.xml.roots, 0);
  return found;
}
