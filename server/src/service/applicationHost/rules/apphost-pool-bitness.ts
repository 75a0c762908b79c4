// In-process, ANCM loads hostfxr and the app into the pool's own worker process, so the app must match its bitness:
// a mismatch is HTTP 500.32 "ANCM Failed to Load dll" ("The application was likely published for a different bitness
// than w3wp.exe/iisexpress.exe is running as", dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/
// HandlerResolver.cpp). The pool runs 32-bit when enable32BitAppOnWin64 is true (IIS's default: false). Out-of-process
// apps run in their own process, so their bitness does not matter. IIS Express picks its bitness from how it is
// started (Visual Studio's 64-bit IIS Express option), not from the pool, so its file is left alone.

import { ANCM_PROCESS_ERRORS, APPLICATION_HOST_DOCS, ENABLE_32BIT_SETTING_LABEL } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import { findPool } from '../model';
import { applicationLabel, applicationSpan, quoted } from './labels';
import type { AppHostRule } from './types';

const { status } = ANCM_PROCESS_ERRORS.bitness;

export const poolBitnessRule: AppHostRule = {
  id: 'apphost-pool-bitness',
  description: 'An in-process application built for another bitness than its pool\'s worker process ("Enable 32-Bit Applications"): HTTP 500.32.',
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.applicationPools,
  check(model, facts) {
    if (model.isIisExpress) return [];
    const findings: Finding[] = [];
    for (const application of model.applications) {
      const known = facts(application);
      const pool = findPool(model, application.applicationPool);
      if (!pool || known?.hostingModel !== 'inprocess' || !known.bitness || known.bitness === 'any') continue;
      const app = applicationLabel(application);
      const poolName = quoted(pool.name);
      if (known.bitness === 'x86' && !pool.enable32BitAppOnWin64) {
        findings.push({
          message: `${app} is built for x86 but pool ${poolName} is 64-bit: in-process it gets HTTP ${status}. Set "${ENABLE_32BIT_SETTING_LABEL}" to True.`,
          ...applicationSpan(application),
        });
      } else if (known.bitness !== 'x86' && pool.enable32BitAppOnWin64) {
        findings.push({
          message: `${app} is built for ${known.bitness} but pool ${poolName} is 32-bit ("${ENABLE_32BIT_SETTING_LABEL}" is True): in-process it gets HTTP ${status}. Set it to False.`,
          ...applicationSpan(application),
        });
      }
    }
    return findings;
  },
};
