// IIS parses `uint` attributes of the schema as whole numbers and checks their `integerRange`; a value that is
// not a number or lies outside the range fails schema validation, HTTP 500.19 (REFERENCE.md §1.1, §1.2, §6.1).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { AttributeSpec, IntegerRange } from '../../ancm/types';
import type { XmlAttribute } from '../parse/xmlDocument';
import { valueFix, valueOrAttributeSpan } from './ranges';
import type { Finding, Fix, Rule } from './types';
import { sectionValuesOfType } from './sectionValues';

export const invalidNumber: Rule = {
  id: 'invalid-number',
  description: 'A numeric attribute of <aspNetCore> that is not a whole number in its schema range: IIS rejects the file with HTTP 500.19.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const { attribute, value, spec } of sectionValuesOfType(document, 'uint')) {
      const finding = spec.range && checkNumber(attribute, value, spec, spec.range);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkNumber(attribute: XmlAttribute, value: string, spec: AttributeSpec, range: IntegerRange): Finding | undefined {
  const text = value.trim();
  const expected = `${attribute.name} must be a whole number from ${range.min} to ${range.max}`;
  const at = valueOrAttributeSpan(attribute);
  if (/^[-+]?\d+$/.test(text)) {
    const number = Number(text);
    if (number >= range.min && number <= range.max) return undefined;
    const clamped = clamp(number, range);
    return {
      message: `IIS rejects the file with HTTP 500.19: ${expected}, not ${text}.`,
      ...at,
      fixes: [valueFix(`Change to ${clamped}, the ${clamped === range.max ? 'maximum' : 'minimum'}`, attribute, String(clamped), true)],
    };
  }
  const fixes: Fix[] = [];
  if (/^[-+]?(\d+\.\d*|\.\d+)$/.test(text)) {
    // A fractional number: the nearest whole one in range, for the user to confirm.
    const nearest = String(clamp(Math.round(Number(text)), range));
    fixes.push(valueFix(`Change to ${nearest}`, attribute, nearest, false));
  } else if (spec.defaultValue !== undefined) {
    fixes.push(valueFix(`Use the default, ${spec.defaultValue}`, attribute, spec.defaultValue, false));
  }
  const shown = text === '' ? 'an empty value' : `'${value}'`;
  return { message: `IIS rejects the file with HTTP 500.19: ${expected}, not ${shown}.`, ...at, fixes };
}

function clamp(number: number, range: IntegerRange): number {
  return Math.min(range.max, Math.max(range.min, number));
}
