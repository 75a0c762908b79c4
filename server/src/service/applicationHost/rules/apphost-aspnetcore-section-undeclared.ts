// IIS rejects a web.config section that no <configSections> declares: HTTP 500.19 with 0x8007000d, the classic
// "Hosting Bundle missing" page. The installers declare system.webServer/aspNetCore (IISConfigSections row in
// dotnet/aspnetcore src/Installers/Windows/AspNetCoreModule-Setup ANCMV2/aspnetcoremodulev2.wxs; AddConfigSection in
// ANCMIISExpressV2/ancm_iis_expressv2.wxs). A file that registers the module but not the section breaks every app.

import { ANCM_V2_MODULE_NAME, APPLICATION_HOST_DOCS, ASPNETCORE_SECTION_PATH, UNDECLARED_SECTION_ERROR } from '../../../ancm/iisRegistration';
import { isAncmV2Name } from '../model';
import type { AppHostRule } from './types';

export const aspNetCoreSectionUndeclaredRule: AppHostRule = {
  id: 'apphost-aspnetcore-section-undeclared',
  description: `${ANCM_V2_MODULE_NAME} is registered but the aspNetCore section is not declared: every web.config with <aspNetCore> gets HTTP 500.19.`,
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.hostingBundle,
  check(model) {
    if (model.sectionDeclarations.some((declaration) => declaration.path === ASPNETCORE_SECTION_PATH)) return [];
    const evidence = model.globalModules.find((entry) => isAncmV2Name(entry.name)) ?? model.modules.find((entry) => isAncmV2Name(entry.name));
    if (!evidence) return [];
    return [{
      message: `The aspNetCore section is not declared: every web.config with <aspNetCore> gets HTTP ${UNDECLARED_SECTION_ERROR.status} (${UNDECLARED_SECTION_ERROR.hresult}). Declare <section name="aspNetCore" overrideModeDefault="Allow" /> in system.webServer.`,
      start: evidence.nameStart,
      end: evidence.nameEnd,
    }];
  },
};
