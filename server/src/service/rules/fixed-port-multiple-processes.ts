// ASPNETCORE_PORT fixed while processesPerApplication > 1. Out-of-process, OutOfProcessRequestHandler/serverprocess.cpp
// (SERVER_PROCESS::SetupListenPort) gives every backend process the port from environmentVariables when one is set,
// and picks a free random port only when it is empty: all processes are told to listen on the same port, only the first
// can bind it, and the others fail their start check (PostStartCheck), with HTTP 502.5 for the
// requests routed to them. In-process there is one app per worker process and neither setting applies.

import { findAttribute, findEnvironmentVariable } from '../../ancm/lookup';
import { getAttribute } from '../parse/xmlDocument';
import { resolveEntries, sectionHostingModel } from './entriesInEffect';
import { completeValue, valueFix } from './fixes';
import { valueSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

const PORT = findEnvironmentVariable('ASPNETCORE_PORT')!;
const PROCESSES = findAttribute('processesPerApplication')!;

export const fixedPortMultipleProcessesRule: Rule = {
  id: 'fixed-port-multiple-processes',
  description: 'ASPNETCORE_PORT set while processesPerApplication is above 1: every process gets the same port and only one can listen.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: PROCESSES.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const entry of resolveEntries(document, 'environmentVariables').inEffect) {
      if (findEnvironmentVariable(entry.name) !== PORT || !entry.value?.trim() || !entry.valueAttribute) continue;
      if (sectionHostingModel(document, entry.section) !== 'outofprocess') continue;
      const processes = getAttribute(entry.section, PROCESSES.name);
      const count = processes ? Number(completeValue(processes)?.trim()) : 1;
      if (!processes || !Number.isInteger(count) || count <= 1) continue;
      findings.push({
        message: `${PORT.name}=${entry.value} gives all ${count} backend processes (processesPerApplication) one port: only one can listen, and requests sent to the others get HTTP 502.5. Leave it empty.`,
        ...valueSpan(entry.valueAttribute),
        fixes: [
          valueFix(`Let ANCM pick each process's port (empty ${PORT.name})`, entry.valueAttribute, '', false),
          valueFix('Set processesPerApplication to 1', processes, '1', false),
        ],
      });
    }
    return findings;
  },
};
