// IIS parses `timeSpan` attributes as `[d.]hh:mm:ss` and checks their `timeSpanRange` (min, max, granularity in
// seconds); a value outside it fails schema validation (AspNetCore/aspnetcore_schema_v2.xml; the
// range's meaning: IAppHostPropertySchema::ValidationParameter, learn.microsoft.com). Minutes or seconds of 60
// or more fail too: `00:60:00` gives HTTP 500 (aspnet/AspNetCoreModule#86).

import { ASPNETCORE_ELEMENT_DOCS } from '../../ancm/attributes';
import type { AttributeSpec, TimeSpanRange } from '../../ancm/types';
import type { XmlAttribute } from '../parse/xmlDocument';
import { clampFix, valueFix } from './fixes';
import { valueOrAttributeSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import { sectionValuesOfType } from './sectionValues';

const SECONDS_PER_DAY = 86400;

interface TimeSpanText {
  readonly days: number | undefined;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  /** The total, fractions of a second included. */
  readonly totalSeconds: number;
}

export const invalidTimeSpan: Rule = {
  id: 'invalid-time-span',
  description: 'A time span attribute of <aspNetCore> (requestTimeout) that is malformed or out of its schema range: IIS rejects it.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: ASPNETCORE_ELEMENT_DOCS.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const { attribute, value, spec } of sectionValuesOfType(document, 'timeSpan')) {
      const finding = spec.timeSpanRange && checkTimeSpan(attribute, value, spec, spec.timeSpanRange);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** `[d.]h:m:s[.fraction]`, surrounding blanks allowed; undefined when the text has another shape. */
function parseTimeSpan(value: string): TimeSpanText | undefined {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  const days = match[1] === undefined ? undefined : Number(match[1]);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4]);
  const fraction = match[5] === undefined ? 0 : Number(`0.${match[5]}`);
  const totalSeconds = (days ?? 0) * SECONDS_PER_DAY + hours * 3600 + minutes * 60 + seconds + fraction;
  return { days, hours, minutes, seconds, totalSeconds };
}

/** `hh:mm:ss` with as many hours as needed (IIS writes its maximum as `360:00:00`), or `d.hh:mm:ss` when asked for days. */
function formatTimeSpan(totalSeconds: number, withDays: boolean): string {
  const pad = (part: number) => String(part).padStart(2, '0');
  const days = withDays ? Math.floor(totalSeconds / SECONDS_PER_DAY) : 0;
  const rest = totalSeconds - days * SECONDS_PER_DAY;
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}

function checkTimeSpan(attribute: XmlAttribute, value: string, spec: AttributeSpec, range: TimeSpanRange): Finding | undefined {
  const at = valueOrAttributeSpan(attribute);
  const name = attribute.name;
  const limits = `from ${formatTimeSpan(range.minSeconds, false)} to ${formatTimeSpan(range.maxSeconds, false)}`;
  const parsed = parseTimeSpan(value);
  if (!parsed) {
    const fixes = spec.defaultValue === undefined ? [] : [valueFix(`Use the default, ${spec.defaultValue}`, attribute, spec.defaultValue, false)];
    const shown = value.trim() === '' ? 'an empty value' : `'${value}'`;
    return { message: `${name} must be a time span written [d.]hh:mm:ss, ${limits}, not ${shown}: IIS rejects the file (HTTP 500.19).`, ...at, fixes };
  }
  const withDays = parsed.days !== undefined;
  const total = parsed.totalSeconds;
  if (total > range.maxSeconds || total < range.minSeconds) {
    const limit = total > range.maxSeconds ? range.maxSeconds : range.minSeconds;
    const clamped = formatTimeSpan(limit, false);
    return {
      message: `${name} must be ${limits}, not ${value.trim()}: IIS rejects the file (HTTP 500.19).`,
      ...at,
      fixes: [clampFix(`Change to ${clamped}, the ${limit === range.maxSeconds ? 'maximum' : 'minimum'}`, attribute, clamped)],
    };
  }
  if (total % range.granularitySeconds !== 0) {
    const rounded = Math.round(total / range.granularitySeconds) * range.granularitySeconds;
    const nearest = formatTimeSpan(Math.min(rounded, range.maxSeconds), withDays);
    return {
      message: `${name} must be a whole multiple of ${range.granularitySeconds} second(s), not ${value.trim()}: IIS rejects the file (HTTP 500.19).`,
      ...at,
      fixes: [valueFix(`Change to ${nearest}`, attribute, nearest, false)],
    };
  }
  if (parsed.minutes < 60 && parsed.seconds < 60 && (!withDays || parsed.hours < 24)) return undefined;
  const normalized = formatTimeSpan(total, withDays);
  const parts = withDays ? 'hours must be 0-23 after a day count, minutes and seconds 0-59' : 'minutes and seconds must be 0-59';
  return {
    message: `${name} ${value.trim()} is out of range (${parts}): IIS rejects it and the app fails with HTTP 500. Write ${normalized}.`,
    ...at,
    fixes: [valueFix(`Change to ${normalized}`, attribute, normalized, true)],
  };
}
