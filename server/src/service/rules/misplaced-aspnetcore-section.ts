// <aspNetCore> is read by IIS only as the section system.webServer/aspNetCore, spelled exactly so: the schema ANCM
// installs (AspNetCore/aspnetcore_schema_v2.xml, sectionSchema name="system.webServer/aspNetCore") declares it, and
// configuration element names are case-sensitive. <AspNetCore> there, or <aspNetCore> directly under <configuration>,
// <location> or <system.web>, is an unknown section: IIS rejects the file with HTTP 500.19,
// and ANCM never sees its processPath (AspNetCore/ShimOptions.cpp reads only system.webServer/aspNetCore).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { XmlElement } from '../parse/xmlDocument';
import { elementNameSpan } from '../xmlEdit/spans';
import { renameElement } from '../xmlEdit/edits';
import type { Finding, Rule } from './types';

const SECTION = 'aspNetCore';
/** Parents under which an <aspNetCore> is certainly an unknown section to IIS. */
const WRONG_PARENTS = new Set(['configuration', 'location', 'system.web']);

export const misplacedAspNetCoreSectionRule: Rule = {
  id: 'misplaced-aspnetcore-section',
  description: '<aspNetCore> in the wrong letter case or outside <system.webServer>: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const element of document.xml.elements) {
      if (element.name.toLowerCase() !== SECTION.toLowerCase() || !element.parent) continue;
      const parent = element.parent.name;
      if (parent === 'system.webServer') {
        if (element.name === SECTION) continue;
        findings.push(wrongCase(element));
      } else if (WRONG_PARENTS.has(parent)) {
        findings.push({
          message: `<${element.name}> is not a section of <${parent}>: IIS rejects the file (HTTP 500.19), and ANCM reads only <system.webServer><aspNetCore>. Move it there.`,
          ...elementNameSpan(element),
        });
      }
    }
    return findings;
  },
};

function wrongCase(element: XmlElement): Finding {
  const edits = renameElement(element, SECTION);
  return {
    message: `The section is <${SECTION}>, not <${element.name}> (element names are case-sensitive): IIS rejects the file (HTTP 500.19) and ANCM never reads it.`,
    ...elementNameSpan(element),
    // Safe unless the parent already has an <aspNetCore>, which the rename would duplicate.
    fixes: edits ? [{ title: `Rename to <${SECTION}>`, edits, safe: !element.parent?.children.some((sibling) => sibling.name === SECTION) }] : [],
  };
}
