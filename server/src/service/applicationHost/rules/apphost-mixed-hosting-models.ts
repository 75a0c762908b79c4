// A worker process keeps the hosting model of the first ASP.NET Core application it loads: an application of the
// other model in the same process gets HTTP 500.34 "ANCM Mixed Hosting Models Not Supported" (dotnet/aspnetcore
// src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/HandlerResolver.cpp, GetApplicationFactory). Either may be first,
// so each application of the pool is marked, naming one of the other model.

import { ANCM_PROCESS_ERRORS, APPLICATION_HOST_DOCS } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import { applicationLabel, applicationSpan, quoted } from './labels';
import { processGroups } from './processGroups';
import type { AppHostRule } from './types';

const { status } = ANCM_PROCESS_ERRORS.mixedHostingModels;
const LEADING = { inprocess: 'In-process', outofprocess: 'Out-of-process' } as const;
const INNER = { inprocess: 'in-process', outofprocess: 'out-of-process' } as const;

export const mixedHostingModelsRule: AppHostRule = {
  id: 'apphost-mixed-hosting-models',
  description: 'One application pool holds both in-process and out-of-process applications: the one that starts second gets HTTP 500.34.',
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.inProcess,
  check(model, facts) {
    const findings: Finding[] = [];
    for (const group of processGroups(model, facts)) {
      const hosted = group.applications.filter((entry) => entry.facts.hostingModel !== undefined);
      for (const { application, facts: own } of hosted) {
        const other = hosted.find((entry) => entry.facts.hostingModel !== own.hostingModel);
        if (!other || !own.hostingModel || !other.facts.hostingModel) continue;
        findings.push({
          message: `${LEADING[own.hostingModel]} ${applicationLabel(application)} shares pool ${quoted(group.pool)} with ${INNER[other.facts.hostingModel]} ${applicationLabel(other.application)}: the one that starts second gets HTTP ${status}.`,
          ...applicationSpan(application),
        });
      }
    }
    return findings;
  },
};
