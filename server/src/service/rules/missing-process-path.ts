// ANCM reads processPath with GetRequiredString: a missing or empty value fails the configuration load with
// "Attribute 'processPath' is required.", HTTP 500.0 and event 1034 (AspNetCore/ShimOptions.cpp,
// CommonLib/ConfigurationSection.cpp; the event from AspNetCore/applicationinfo.cpp). A section loaded from another
// file (configSource) is checked there, not here.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { findAttribute } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { attributeSpan, elementNameSpan } from '../xmlEdit/spans';
import { insertAttributesAfterName } from '../xmlEdit/edits';
import { valueFix } from './fixes';
import type { Finding, Rule } from './types';
import { CONFIG_SOURCE } from './unknown-attribute';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from '../../ancm/configurationLoadFailure';

const CONSEQUENCE = `ANCM fails to start the app with ${CONFIGURATION_LOAD_FAILURE_STATUS} ("Attribute 'processPath' is required.")`;

export const missingProcessPath: Rule = {
  id: 'missing-process-path',
  description: `<aspNetCore> without a processPath: ANCM fails to start the app with ${CONFIGURATION_LOAD_FAILURE_STATUS}.`,
  defaultSeverity: 'error',
  requiresCompleteFile: true,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      // Still being typed, or defined in another file.
      if (section.startTagEnd === undefined || getAttribute(section, CONFIG_SOURCE)) continue;
      const processPath = getAttribute(section, 'processPath');
      const placeholder = placeholderOf('processPath');
      if (!processPath) {
        const inserted: [string, string][] = [['processPath', placeholder]];
        if (!getAttribute(section, 'arguments')) inserted.push(['arguments', placeholderOf('arguments')]);
        findings.push({
          message: `<aspNetCore> has no processPath: ${CONSEQUENCE}. Set it to dotnet (with the dll in arguments) or the app's .exe.`,
          ...elementNameSpan(section),
          fixes: [
            {
              title: `Add ${inserted.map(([name, value]) => `${name}="${value}"`).join(' ')}`,
              edits: [insertAttributesAfterName(section, inserted)],
              safe: false,
            },
          ],
        });
      } else if (processPath.valueClosed && processPath.value === '') {
        findings.push({
          message: `processPath is empty: ${CONSEQUENCE}. Set it to dotnet (with the dll in arguments) or the app's .exe.`,
          ...attributeSpan(processPath),
          fixes: [valueFix(`Set processPath="${placeholder}"`, processPath, placeholder, false)],
        });
      }
    }
    return findings;
  },
};

function placeholderOf(attributeName: string): string {
  return findAttribute(attributeName)?.placeholder ?? '';
}
