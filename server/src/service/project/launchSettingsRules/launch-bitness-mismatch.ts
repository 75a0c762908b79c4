// use64Bit picks the IIS Express build: 64-bit when true (the default), x86 when false (SchemaStore
// src/schemas/json/launchsettings.json). In-process the app is loaded into iisexpress.exe, which must match the app's
// bitness, or ANCM answers HTTP 500.32 "The application was likely published for a different bitness than
// w3wp.exe/iisexpress.exe is running as" (dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/HandlerResolver.cpp).

import type { Finding } from '../../rules/types';
import { commandNameOf } from '../launchSettings';
import { knownHostingModel } from '../projectRules/project-hosting-model-mismatch';
import { LAUNCH_SETTINGS_DOCS, type LaunchRule, jsonValueFix } from './launchRule';
import { projectBitness, projectHostingModel } from '../projectFacts';

export const launchBitnessMismatch: LaunchRule = {
  id: 'launch-bitness-mismatch',
  description: 'An IIS Express profile runs IIS Express with a bitness the in-process app cannot load (use64Bit against PlatformTarget/RuntimeIdentifier).',
  defaultSeverity: 'warning',
  docsUrl: LAUNCH_SETTINGS_DOCS,
  check(settings, project) {
    const app = projectBitness(project);
    if (!app) return [];
    const findings: Finding[] = [];
    for (const profile of settings.profiles) {
      if (commandNameOf(profile)?.toLowerCase() !== 'iisexpress') continue;
      const explicit = typeof profile.ancmHostingModel?.value === 'string' ? knownHostingModel(profile.ancmHostingModel.value) : undefined;
      if ((explicit ?? projectHostingModel(project)) !== 'InProcess') continue;
      const use64Bit = profile.use64Bit;
      if (use64Bit !== undefined && typeof use64Bit.value !== 'boolean') continue;
      const iisExpressBitness = use64Bit?.value === false ? 32 : 64;
      if (iisExpressBitness === app.bitness) continue;
      const wanted = app.bitness === 64;
      findings.push({
        message: `Profile '${profile.name}' runs ${iisExpressBitness}-bit IIS Express but ${app.because} makes the app ${app.bitness}-bit: in-process it fails with HTTP 500.32.`,
        start: use64Bit?.start ?? profile.nameStart,
        end: use64Bit?.end ?? profile.nameEnd,
        ...(use64Bit && { fixes: [jsonValueFix(use64Bit, wanted, `Change use64Bit to ${wanted}`, true)] }),
      });
    }
    return findings;
  },
};
