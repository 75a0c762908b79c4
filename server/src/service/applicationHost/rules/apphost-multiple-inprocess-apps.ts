// ANCM loads one in-process application per worker process: the second in-process application of the same process
// gets HTTP 500.35 "ANCM Multiple In-Process Applications in same Process" (dotnet/aspnetcore
// src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/HandlerResolver.cpp, GetApplicationFactory). Which one fails depends
// on which is requested first, so each is marked. Hosting models come from each application's own web.config.

import { ANCM_PROCESS_ERRORS, APPLICATION_HOST_DOCS } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import { applicationLabel, applicationSpan, quoted } from './labels';
import { processGroups } from './processGroups';
import type { AppHostRule } from './types';

const { status } = ANCM_PROCESS_ERRORS.multipleInProcessApps;

export const multipleInProcessAppsRule: AppHostRule = {
  id: 'apphost-multiple-inprocess-apps',
  description: 'Two applications hosted in-process share one application pool: the one that starts second gets HTTP 500.35.',
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.inProcess,
  check(model, facts) {
    const findings: Finding[] = [];
    for (const group of processGroups(model, facts)) {
      const inProcess = group.applications.filter((entry) => entry.facts.hostingModel === 'inprocess').map((entry) => entry.application);
      if (inProcess.length < 2) continue;
      for (const application of inProcess) {
        const other = inProcess.find((candidate) => candidate !== application)!;
        findings.push({
          message: `In-process ${applicationLabel(application)} shares pool ${quoted(group.pool)} with in-process ${applicationLabel(other)}: the one that starts second gets HTTP ${status}. Use separate pools.`,
          ...applicationSpan(application),
        });
      }
    }
    return findings;
  },
};
