// ancmHostingModel takes InProcess or OutOfProcess (SchemaStore src/schemas/json/launchsettings.json, an enum); Visual
// Studio writes it into the hostingModel IIS / IIS Express run the app with, where ANCM accepts nothing else
// (dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/ShimOptions.cpp).

import { MSBUILD_HOSTING_MODELS } from '../../../ancm/projectProperties';
import { closestName } from '../../rules/closestName';
import type { Finding } from '../../rules/types';
import { knownHostingModel } from '../projectRules/project-hosting-model-mismatch';
import { LAUNCH_SETTINGS_DOCS, type LaunchRule, jsonValueFix } from './launchRule';

export const launchInvalidAncmHostingModel: LaunchRule = {
  id: 'launch-invalid-ancm-hosting-model',
  description: 'A launch profile\'s ancmHostingModel other than InProcess or OutOfProcess.',
  defaultSeverity: 'error',
  docsUrl: LAUNCH_SETTINGS_DOCS,
  check(settings) {
    const findings: Finding[] = [];
    for (const profile of settings.profiles) {
      const setting = profile.ancmHostingModel;
      if (!setting) continue;
      const value = setting.value;
      if (typeof value === 'string' && knownHostingModel(value)) continue;
      const written = typeof value === 'string' ? `'${value}'` : settings.text.slice(setting.start, setting.end);
      const letters = typeof value === 'string' ? value.toLowerCase().replace(/[^a-z]/g, '') : '';
      const guess = MSBUILD_HOSTING_MODELS.find((model) => model.toLowerCase() === letters) ?? closestName(letters, MSBUILD_HOSTING_MODELS);
      findings.push({
        message: `ancmHostingModel ${written} in profile '${profile.name}' is not InProcess or OutOfProcess: the IIS site cannot start the app as configured.`,
        start: setting.start,
        end: setting.end,
        fixes: guess
          ? [jsonValueFix(setting, guess, `Change to '${guess}'`, letters === guess.toLowerCase())]
          : MSBUILD_HOSTING_MODELS.map((model) => jsonValueFix(setting, model, `Change to '${model}'`, false)),
      });
    }
    return findings;
  },
};
