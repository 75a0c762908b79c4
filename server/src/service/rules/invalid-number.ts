// IIS parses `uint` attributes of the schema as whole numbers and checks their `integerRange`; a value that is
// not a number or lies outside the range fails schema validation, HTTP 500.19 (the validationParameter of each
// attribute in AspNetCoreModuleV2/AspNetCore/aspnetcore_schema_v2.xml).
// No fix here is safe: the nearest value in range can be the opposite of what was meant (shutdownTimeLimit="-1",
// usually meant as "no limit", clamps to 0, which does not wait at all; startupTimeLimit="5000", usually meant as
// milliseconds, clamps to an hour), so fix-all and `ancm check --fix` leave them for the user to choose.

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { AttributeSpec, IntegerRange } from '../../ancm/types';
import type { XmlAttribute } from '../parse/xmlDocument';
import { clampFix, valueFix } from './fixes';
import { valueOrAttributeSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';
import { sectionValuesOfType } from './sectionValues';

/** The attributes the schema documents as seconds (`<!-- in seconds -->` in aspnetcore_schema_v2.xml). */
const SECONDS_ATTRIBUTES: ReadonlySet<string> = new Set(['startupTimeLimit', 'shutdownTimeLimit']);

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
    return {
      message: `${expected}, not ${text}: IIS rejects the file (HTTP 500.19).`,
      ...at,
      fixes: outOfRangeFixes(attribute, number, range),
    };
  }
  const fixes: Fix[] = [];
  if (/^[-+]?(\d+\.\d*|\.\d+)$/.test(text)) {
    // A fractional number: the nearest whole one in range, for the user to confirm.
    const nearest = String(clamp(Math.round(Number(text)), range));
    fixes.push(clampFix(`Change to ${nearest}`, attribute, nearest));
  } else if (spec.defaultValue !== undefined) {
    fixes.push(valueFix(`Use the default, ${spec.defaultValue}`, attribute, spec.defaultValue, false));
  }
  const shown = text === '' ? 'an empty value' : `'${value}'`;
  return { message: `${expected}, not ${shown}: IIS rejects the file (HTTP 500.19).`, ...at, fixes };
}

/**
 * Readings of an out-of-range whole number, none of them safe. Milliseconds written in a seconds attribute come
 * first (5000 → 5); a negative number, often meant as "no limit", gets the maximum before the minimum.
 */
function outOfRangeFixes(attribute: XmlAttribute, number: number, range: IntegerRange): Fix[] {
  const fixes: Fix[] = [];
  const seconds = number / 1000;
  if (SECONDS_ATTRIBUTES.has(attribute.name) && number > range.max && Number.isInteger(seconds) && seconds >= range.min && seconds <= range.max) {
    fixes.push(valueFix(`Change to ${seconds} (${number} milliseconds in seconds, the unit of ${attribute.name})`, attribute, String(seconds), false));
  }
  const maximum = clampFix(`Change to ${range.max}, the maximum`, attribute, String(range.max));
  const minimum = clampFix(`Change to ${range.min}, the minimum`, attribute, String(range.min));
  if (number > range.max) fixes.push(maximum);
  else if (range.min === 0) fixes.push({ ...maximum, title: `${maximum.title} (if ${number} meant no limit)` }, minimum);
  else fixes.push(minimum);
  return fixes;
}

function clamp(number: number, range: IntegerRange): number {
  return Math.min(range.max, Math.max(range.min, number));
}
