// startupTimeLimit="0" is not "no limit": out-of-process, OutOfProcessRequestHandler/serverprocess.cpp
// (SERVER_PROCESS::PostStartCheck) checks once whether the app listens and gives up when the elapsed time is not below
// the limit, so the start fails (HTTP 502.5); in-process, InProcessRequestHandler/inprocessapplication.cpp
// (IN_PROCESS_APPLICATION::LoadManagedApplication) waits 0 ms for the app to initialise (HTTP 500.37). Only an
// attached debugger lifts the limit. The docs say the same: "A value of 0 (zero) is not considered an infinite timeout."

import { findAttribute } from '../../ancm/lookup';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const STARTUP_TIME_LIMIT = findAttribute('startupTimeLimit')!;

export const startupTimeLimitZeroRule: Rule = {
  id: 'startup-time-limit-zero',
  description: 'startupTimeLimit="0": not an infinite timeout; ANCM gives the app no time to start.',
  defaultSeverity: 'error',
  requiresCompleteFile: false,
  docsUrl: STARTUP_TIME_LIMIT.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const section of document.sections) {
      const attribute = section.attributes.find((candidate) => candidate.name === STARTUP_TIME_LIMIT.name);
      const value = attribute ? completeValue(attribute)?.trim() : undefined;
      if (!attribute || !value || !/^0+$/.test(value)) continue;
      findings.push({
        message:
          'startupTimeLimit="0" is not "no limit": the app gets 0 seconds, so every start fails unless a debugger is attached ' +
          '(HTTP 502.5 out-of-process, 500.37 in-process). The default is 120.',
        ...valueSpan(attribute),
        fixes: [
          valueFix('Set startupTimeLimit to 120 (the default)', attribute, '120', false),
          valueFix('Set startupTimeLimit to 3600 (the longest)', attribute, '3600', false),
        ],
      });
    }
    return findings;
  },
};
