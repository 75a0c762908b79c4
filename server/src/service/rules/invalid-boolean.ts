// IIS parses `bool` attributes of the schema as true/false in any letter case; any other text fails schema
// validation before ANCM runs, HTTP 500.19 (type="bool" in AspNetCore/aspnetcore_schema_v2.xml).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { XmlAttribute } from '../parse/xmlDocument';
import { valueFix } from './fixes';
import { valueOrAttributeSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';
import { sectionValuesOfType } from './sectionValues';

/** Words people write for a boolean, and the value they mean. */
const MEANT: Readonly<Record<string, 'true' | 'false'>> = {
  yes: 'true',
  on: 'true',
  '1': 'true',
  enabled: 'true',
  no: 'false',
  off: 'false',
  '0': 'false',
  disabled: 'false',
};

export const invalidBoolean: Rule = {
  id: 'invalid-boolean',
  description: 'A true/false attribute of <aspNetCore> with another value: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const { attribute, value, spec } of sectionValuesOfType(document, 'bool')) {
      const lower = value.trim().toLowerCase();
      if (lower === 'true' || lower === 'false') continue;
      findings.push({
        message: `${attribute.name} must be true or false, not '${value}': IIS rejects the file (HTTP 500.19).`,
        ...valueOrAttributeSpan(attribute),
        fixes: booleanFixes(attribute, MEANT[lower], spec.defaultValue),
      });
    }
    return findings;
  },
};

function booleanFixes(attribute: XmlAttribute, meant: 'true' | 'false' | undefined, defaultValue: string | undefined): Fix[] {
  if (meant) return [valueFix(`Change to '${meant}'`, attribute, meant, true)];
  // Nothing says which was meant: offer both, the schema default first.
  const both = defaultValue === 'true' ? ['true', 'false'] : ['false', 'true'];
  return both.map((value) => valueFix(`Change to '${value}'`, attribute, value, false));
}
