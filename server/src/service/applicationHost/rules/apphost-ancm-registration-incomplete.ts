// ANCM V2 is registered in three places of applicationHost.config, all written by its installers
// (dotnet/aspnetcore src/Installers/Windows/AspNetCoreModule-Setup ANCMV2/aspnetcoremodulev2.wxs,
// ANCMIISExpressV2/ancm_iis_expressv2.wxs): a <globalModules> entry that loads aspnetcorev2.dll, a <modules> entry
// that enables it, and the aspNetCore section declaration (its own rule). With the module loaded but not enabled, or
// enabled but never loaded, the handler line of every ASP.NET Core web.config names a module IIS cannot run: HTTP 500.21.

import { ANCM_V2_MODULE_NAME, APPLICATION_HOST_DOCS, ASPNETCORE_SECTION_PATH, BAD_MODULE_ERROR } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import { isAncmV2Name } from '../model';
import type { AppHostRule } from './types';

export const ancmRegistrationIncompleteRule: AppHostRule = {
  id: 'apphost-ancm-registration-incomplete',
  description: `${ANCM_V2_MODULE_NAME} is in <globalModules> without a <modules> entry, or the other way round: handlers naming it get HTTP 500.21.`,
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.hostingBundle,
  check(model) {
    const loaded = model.globalModules.filter((entry) => isAncmV2Name(entry.name));
    const enabled = model.modules.filter((entry) => isAncmV2Name(entry.name));
    const declaration = model.sectionDeclarations.find((candidate) => candidate.path === ASPNETCORE_SECTION_PATH);
    const findings: Finding[] = [];
    const firstLoaded = loaded[0];
    if (firstLoaded && enabled.length === 0) {
      findings.push({
        message: `${ANCM_V2_MODULE_NAME} is loaded but not enabled: <modules> has no <add name="${ANCM_V2_MODULE_NAME}" />, so ASP.NET Core handlers get HTTP ${BAD_MODULE_ERROR.status} (${BAD_MODULE_ERROR.text}).`,
        start: firstLoaded.nameStart,
        end: firstLoaded.nameEnd,
      });
    }
    const evidence = enabled[0] ?? declaration;
    if (loaded.length === 0 && evidence) {
      findings.push({
        message: `<globalModules> has no ${ANCM_V2_MODULE_NAME} entry, so IIS never loads aspnetcorev2.dll: ASP.NET Core handlers get HTTP ${BAD_MODULE_ERROR.status}. Repair the Hosting Bundle.`,
        start: evidence.nameStart,
        end: evidence.nameEnd,
      });
    }
    return findings;
  },
};
