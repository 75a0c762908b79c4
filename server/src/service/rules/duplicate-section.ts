// IIS allows a configuration section once per configuration path in a file; a second <aspNetCore> for the same
// path is a configuration error, HTTP 500.19
// (https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference). Each <location path> is its own path.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import { elementNameSpan } from '../xmlEdit/spans';
import { removeElementFix } from './fixes';
import type { Finding, Rule } from './types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'A second <aspNetCore> for the same path in one file: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    // A transform is never read by IIS; its sections are instructions and locators, not configuration.
    if (document.isTransform) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const section of document.sections) {
      const scope = scopeOf(section);
      if (!seen.has(scope.key)) {
        seen.add(scope.key);
        continue;
      }
      findings.push({
        message: `<aspNetCore> is already defined ${scope.description} earlier in this file: IIS rejects the file (HTTP 500.19). Keep one section.`,
        ...elementNameSpan(section),
        fixes: removeElementFix('Remove this <aspNetCore> section', document.text, section, false),
      });
    }
    return findings;
  },
};

/**
 * The configuration path a section applies to: the file's own level, or a `<location>` path (compared
 * case-insensitively; an absent or empty path means the file's level too, written ".").
 * Sections outside any <location> are kept apart from `<location path=".">`: whether IIS counts those two
 * as duplicates is not verified, and a false alarm costs more than a miss.
 */
function scopeOf(section: XmlElement): { key: string; description: string } {
  const location = section.parent?.parent;
  if (location?.name !== 'location') return { key: '', description: 'outside <location>' };
  const path = getAttribute(location, 'path')?.value?.trim() || '.';
  return { key: `location:${path.toLowerCase()}`, description: `for <location path="${path}">` };
}
