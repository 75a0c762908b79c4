// A profile's ancmHostingModel is what IIS Express / IIS run the app with while debugging; publish writes the project's
// AspNetCoreHostingModel (InProcess by default from .NET Core 3.0: dotnet/sdk src/WebSdk/ProjectSystem/Targets/
// Microsoft.NET.Sdk.Web.ProjectSystem.targets). When they differ, what is debugged is not what is deployed.

import type { Finding } from '../../rules/types';
import { commandNameOf } from '../launchSettings';
import { knownHostingModel } from '../projectRules/project-hosting-model-mismatch';
import { LAUNCH_SETTINGS_DOCS, type LaunchRule, jsonValueFix, runsUnderAncm } from './launchRule';
import { projectHostingModel } from '../projectFacts';

export const launchHostingModelMismatch: LaunchRule = {
  id: 'launch-hosting-model-mismatch',
  description: 'A launch profile\'s ancmHostingModel differs from the hosting model the project publishes with.',
  defaultSeverity: 'warning',
  docsUrl: LAUNCH_SETTINGS_DOCS,
  check(settings, project) {
    const published = projectHostingModel(project);
    if (!published) return [];
    const findings: Finding[] = [];
    for (const profile of settings.profiles) {
      const setting = profile.ancmHostingModel;
      const debugged = typeof setting?.value === 'string' ? knownHostingModel(setting.value) : undefined;
      if (!setting || !debugged || debugged === published || !runsUnderAncm(commandNameOf(profile))) continue;
      findings.push({
        message: `Profile '${profile.name}' debugs ${debugged} but the project publishes ${published}: what you debug under IIS is not what you deploy.`,
        start: setting.start,
        end: setting.end,
        fixes: [jsonValueFix(setting, published, `Change to '${published}' (as the project)`, false)],
      });
    }
    return findings;
  },
};
