// How the ASP.NET Core Module registers itself in IIS's and IIS Express's applicationHost.config, and the IIS and ANCM
// answers that follow from that file. Data only.
//
// Facts: the installers in dotnet/aspnetcore src/Installers/Windows/AspNetCoreModule-Setup:
//  - ANCMV2/aspnetcoremodulev2.wxs (IIS): IISGlobalModule row "AspNetCoreModuleV2" for aspnetcorev2.dll, installed to
//    ProgramFiles6432Folder\IIS\Asp.Net Core Module\V2; IISConfigSections row "system.webServer/aspNetCore" with
//    OverrideModeDefault "Allow"; `appcmd unlock config /section:system.webserver/handlers`.
//  - ANCMIISExpressV2/ancm_iis_expressv2.wxs (IIS Express): `appcmd install module /name:AspNetCoreModuleV2
//    /image:"%IIS_BIN%\Asp.Net Core Module\V2\aspnetcorev2.dll"`, `appcmd set module AspNetCoreModuleV2 /lockItem:true`,
//    the AddConfigSection custom action for the aspNetCore section, and the same handlers unlock.
// ANCM's own failure answers: src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/HandlerResolver.cpp.
// IIS's locking: the <configSections> comment of IIS's applicationHost.config (overrideModeDefault, <location
// overrideMode>), as in src/Servers/IIS/IntegrationTesting.IIS/src/Http.config.

export const ANCM_V2_MODULE_NAME = 'AspNetCoreModuleV2';

/** The globalModules image each installer writes (for hovers and fixes that add the entry). */
export const ANCM_V2_IMAGES = {
  iis: '%ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll',
  iisExpress: '%IIS_BIN%\\Asp.Net Core Module\\V2\\aspnetcorev2.dll',
} as const;

/** The section ANCM reads, by its full path. */
export const ASPNETCORE_SECTION_PATH = 'system.webServer/aspNetCore';

/** IIS Express's applicationHost.config names its binaries through this variable; IIS's never does. */
export const IIS_EXPRESS_BIN_VARIABLE = '%IIS_BIN%';

/** The pool an application runs in when neither it, its site's nor the server's applicationDefaults name one. */
export const DEFAULT_APPLICATION_POOL = 'DefaultAppPool';

/** overrideModeDefault when a section declaration does not say (IIS's <configSections> comment: "Allow"). */
export const DEFAULT_OVERRIDE_MODE = 'Allow';

export interface WebConfigSection {
  /** Full path, as IIS names it in its errors and in <location> bodies. */
  readonly path: string;
  /** True: the web.config `dotnet publish` writes always sets it, so a lock breaks every ASP.NET Core app. */
  readonly setByEveryPublishedApp: boolean;
  /** Why a web.config sets it. */
  readonly usedFor: string;
}

/** The sections an ASP.NET Core app's web.config sets, which applicationHost.config must leave unlocked. */
export const WEB_CONFIG_SECTIONS: readonly WebConfigSection[] = [
  { path: 'system.webServer/aspNetCore', setByEveryPublishedApp: true, usedFor: 'how ANCM starts the app' },
  { path: 'system.webServer/handlers', setByEveryPublishedApp: true, usedFor: 'the aspNetCore handler line' },
  { path: 'system.webServer/modules', setByEveryPublishedApp: false, usedFor: 'removing modules such as WebDAVModule' },
];

/** IIS's text for a section locked above the web.config that sets it (HRESULT 0x80070021). */
export const LOCKED_SECTION_ERROR = {
  status: '500.19',
  hresult: '0x80070021',
  text: 'This configuration section cannot be used at this path',
} as const;

/** IIS's answer to a web.config section nobody declared (the Hosting Bundle is missing): 500.19, 0x8007000d. */
export const UNDECLARED_SECTION_ERROR = { status: '500.19', hresult: '0x8007000d' } as const;

/** IIS's answer to a handler naming a module that is not in <modules>. */
export const BAD_MODULE_ERROR = { status: '500.21', text: 'bad module in its module list' } as const;

/** IIS's answer when an application's pool does not exist: no worker process can serve it. */
export const MISSING_POOL_ERROR = { status: '503', text: 'Service Unavailable' } as const;

/** ANCM's per-process answers (HandlerResolver.cpp), with the generalErrorType it shows. */
export const ANCM_PROCESS_ERRORS = {
  bitness: { status: '500.32', title: 'ANCM Failed to Load dll' },
  mixedHostingModels: { status: '500.34', title: 'ANCM Mixed Hosting Models Not Supported' },
  multipleInProcessApps: { status: '500.35', title: 'ANCM Multiple In-Process Applications in same Process' },
} as const;

/** IIS Manager's name for enable32BitAppOnWin64. */
export const ENABLE_32BIT_SETTING_LABEL = 'Enable 32-Bit Applications';

export const APPLICATION_HOST_DOCS = {
  locking: 'https://learn.microsoft.com/iis/get-started/planning-for-security/how-to-use-locking-in-iis-configuration',
  applicationDefaults: 'https://learn.microsoft.com/iis/configuration/system.applicationhost/sites/applicationdefaults',
  applicationPools: 'https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/',
  troubleshooting: 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis',
  hostingBundle: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle',
  inProcess: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting',
} as const;
