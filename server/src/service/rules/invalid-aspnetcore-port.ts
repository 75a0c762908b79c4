// Out-of-process, ANCM reads a non-empty ASPNETCORE_PORT with _wtoi and refuses to start the backend process
// (E_INVALIDARG, a critical error) unless it is in 1025-48000; an empty value lets ANCM pick a port
// (OutOfProcessRequestHandler/serverprocess.cpp SetupListenPort). In-process there is no backend process.

import { findEnvironmentVariable } from '../../ancm/lookup';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const PORT = findEnvironmentVariable('ASPNETCORE_PORT')!;
const RANGE = PORT.range!;

export const invalidAspNetCorePortRule: Rule = {
  id: 'invalid-aspnetcore-port',
  description: `An ASPNETCORE_PORT that is not a whole number from ${RANGE.min} to ${RANGE.max}: ANCM cannot start the app's process.`,
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: PORT.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'environmentVariables').inEffect) {
      if (findEnvironmentVariable(entry.name) !== PORT) continue;
      const value = entry.value;
      if (!value) continue; // empty: ANCM picks a free port
      const attribute = entry.valueAttribute!;
      const port = wtoi(value);
      const inRange = port >= RANGE.min && port <= RANGE.max;
      if (inRange && /^[0-9]+$/.test(value)) continue;
      if (sectionHostingModel(document, entry.section) !== 'outofprocess') {
        // In-process, or a model this file does not settle: report what would happen, without claiming it does.
        findings.push({
          message: `${PORT.name} '${value}' is not a whole number from ${RANGE.min} to ${RANGE.max}: out-of-process ANCM would fail to start the app's process. In-process ANCM starts no backend process.`,
          ...valueSpan(attribute),
          severity: 'information',
        });
      } else if (inRange) {
        findings.push({
          message: `${PORT.name} '${value}' is not a plain number: ANCM reads the leading ${port} (_wtoi), but the app gets '${value}'. Write the port as a plain number.`,
          ...valueSpan(attribute),
          severity: 'warning',
          fixes: [valueFix(`Change to '${port}'`, attribute, String(port), true)],
        });
      } else {
        findings.push({
          message: `${PORT.name} '${value}' (read as ${port}) is outside ${RANGE.min} to ${RANGE.max}: ANCM fails to start the app's process (E_INVALIDARG). Leave it empty to let ANCM pick a port.`,
          ...valueSpan(attribute),
        });
      }
    }
    return findings;
  },
};

/** _wtoi: skips leading whitespace, takes an optional sign and the digits after it; 0 when there are none. */
function wtoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  return match ? Number(match[1]) : 0;
}
