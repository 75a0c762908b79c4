// ANCM (.NET 9+) reads shutdownDelay, or when it is absent or empty the ANCM_shutdownDelay environment variable,
// with std::stoi: a negative number throws ConfigurationLoadException, no leading number makes std::stoi throw,
// and either fails the configuration load with HTTP 500.0 (AspNetCore/ShimOptions.cpp, AspNetCore/applicationinfo.cpp).

import { findEnvironmentVariable, findHandlerSetting } from '../../ancm/lookup';
import type { XmlAttribute, XmlElement } from '../parse/xmlDocument';
import { type NamedEntry, resolveEntries } from './entriesInEffect';
import { clampFix, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';
import type { Fix } from '../types';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from '../../ancm/configurationLoadFailure';

const SHUTDOWN_DELAY = findHandlerSetting('shutdownDelay')!;
const SHUTDOWN_DELAY_VARIABLE = findEnvironmentVariable('ANCM_shutdownDelay')!;
const NEGATIVE_MESSAGE = "'shutdownDelay' in web.config or 'ANCM_shutdownDelay' environment variable is less than 0.";
const INT_MAX = 2 ** 31 - 1;
const SECONDS_SUFFIX = /^(s|sec|secs|second|seconds)$/i;

export const invalidShutdownDelayRule: Rule = {
  id: 'invalid-shutdown-delay',
  description: 'A shutdownDelay (or ANCM_shutdownDelay) that fails the configuration load or is only partly read.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: SHUTDOWN_DELAY.docsUrl,
  check(document) {
    const settings = resolveEntries(document, 'handlerSettings');
    const findings: Finding[] = [];
    const settingSections = new Set<XmlElement>();
    for (const entry of settings.inEffect) {
      if (findHandlerSetting(entry.name) !== SHUTDOWN_DELAY) continue;
      if (entry.value) settingSections.add(entry.section);
      findings.push(...checkDelay(entry, SHUTDOWN_DELAY.name));
    }
    // ANCM falls back to the variable only when the setting is absent or empty.
    for (const entry of resolveEntries(document, 'environmentVariables').inEffect) {
      if (findEnvironmentVariable(entry.name) !== SHUTDOWN_DELAY_VARIABLE || settingSections.has(entry.section)) continue;
      findings.push(...checkDelay(entry, SHUTDOWN_DELAY_VARIABLE.name));
    }
    return findings;
  },
};

function checkDelay(entry: NamedEntry, name: string): Finding[] {
  const value = entry.value;
  if (!value) return []; // empty: ANCM uses the fallback
  const attribute = entry.valueAttribute!;
  const span = valueSpan(attribute);
  const ancm = `ANCM (${SHUTDOWN_DELAY.since}+)`;
  const parsed = stoi(value);
  if (parsed === undefined) {
    return [{ message: `${name} '${value}' is not a number: std::stoi throws in ${ancm}, so every request gets ${CONFIGURATION_LOAD_FAILURE_STATUS}. Write a whole number of milliseconds.`, ...span }];
  }
  if (parsed.number > INT_MAX || parsed.number < -INT_MAX - 1) {
    return [{ message: `${name} '${value}' does not fit in an int: std::stoi throws in ${ancm}, so every request gets ${CONFIGURATION_LOAD_FAILURE_STATUS}.`, ...span }];
  }
  if (parsed.number < 0) {
    return [{ message: `${name} '${value}' is negative: ${ancm} fails with ${CONFIGURATION_LOAD_FAILURE_STATUS}: "${NEGATIVE_MESSAGE}" Use 0 for no delay.`, ...span, fixes: [clampFix("Change to '0' (no delay)", attribute, '0')] }];
  }
  const rest = parsed.rest.trim();
  if (rest === '') return [];
  return [
    {
      message: `${name} '${value}' is not a whole number: std::stoi takes the leading ${parsed.number} and ignores '${rest}', so the delay is ${parsed.number} ms. Write whole milliseconds.`,
      ...span,
      severity: 'warning',
      fixes: [restFix(attribute, parsed.number, rest)],
    },
  ];
}

/** The value the user evidently meant: `10ms` is 10, `5s` is 5000; anything else keeps what ANCM reads. */
function restFix(attribute: XmlAttribute, number: number, rest: string): Fix {
  if (rest.toLowerCase() === 'ms') return valueFix(`Change to '${number}'`, attribute, String(number), true);
  if (SECONDS_SUFFIX.test(rest)) return valueFix(`Change to '${number * 1000}' (${number} s in milliseconds)`, attribute, String(number * 1000), false);
  return valueFix(`Change to '${number}' (what ANCM reads now)`, attribute, String(number), false);
}

/**
 * std::stoi (base 10): skips leading whitespace, takes an optional sign and the digits after it, and ignores
 * the rest. Undefined when there is no digit, where std::stoi throws invalid_argument.
 */
function stoi(text: string): { number: number; rest: string } | undefined {
  const match = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  if (!match) return undefined;
  return { number: Number(match[1]), rest: text.slice(match[0].length) };
}
