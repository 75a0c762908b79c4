// The ANCM module names and the `<handlers>` entry that routes requests to ANCM.
// Facts: the installers (dotnet/aspnetcore src/Installers/Windows/AspNetCoreModule-Setup: ANCMV1/aspnetcoremodule.wxs,
// ANCMV2/aspnetcoremodulev2.wxs) for module names and files; ANCM source AspNetCore/dllmain.cpp (module registration) and the
// Web SDK's WebConfigTransform.cs (dotnet/sdk).

import type { ElementDocs, ModuleSpec } from './types';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
const ANCM_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';
const HOSTING_BUNDLE_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/hosting-bundle';

export const ANCM_MODULES: readonly ModuleSpec[] = [
  {
    name: 'AspNetCoreModuleV2',
    majorVersion: 2,
    dll: 'aspnetcorev2.dll',
    supportsInProcess: true,
    summary: 'ASP.NET Core Module V2, installed by every current Hosting Bundle; supports in-process and out-of-process hosting.',
    description:
      'The module the Web SDK writes into web.config. It is installed to `%ProgramFiles%\\IIS\\Asp.Net Core ' +
      'Module\\V2\\aspnetcorev2.dll`, with the out-of-process request handler in a version folder next to it. ' +
      'For `hostingModel="inprocess"` it loads `aspnetcorev2_inprocess.dll` from the app\'s ASP.NET Core shared ' +
      'framework. One V2 install serves apps of every supported .NET version.',
    notes: [
      'Requires ASP.NET Core 2.2 or later.',
      'Its event log source is "IIS AspNetCore Module V2" ("IIS Express AspNetCore Module V2" under IIS Express).',
    ],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'AspNetCoreModule',
    majorVersion: 1,
    dll: 'aspnetcore.dll',
    supportsInProcess: false,
    summary: 'The original ASP.NET Core Module (V1): out-of-process only, no longer installed since .NET Core 3.0.',
    description:
      'V1 (`%windir%\\System32\\inetsrv\\aspnetcore.dll`) served ASP.NET Core 1.x to 2.2 apps. It can only start ' +
      'the app as a separate process; it never reads `hostingModel`, so an in-process ' +
      'configuration silently runs out-of-process. The Hosting Bundle stopped installing it with .NET Core 3.0, ' +
      'so on a current server this module name usually does not exist.',
    notes: [
      'Switch to `modules="AspNetCoreModuleV2"`; the Web SDK refuses to publish `InProcess` together with V1.',
      'Its stdout log files are named `stdout_<pid>_<timestamp>.log`, with the parts in a different order from V2.',
    ],
    docsUrl: HOSTING_BUNDLE_DOCS,
  },
];

export const HANDLER_ENTRY_DOCS: ElementDocs = {
  name: 'add',
  summary: 'Routes every request of the app to the ASP.NET Core Module.',
  description:
    'The line `<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />` ' +
    'in `<system.webServer><handlers>` sends all requests, for any path and verb, to ANCM, which then starts or ' +
    'forwards to the app. Without it IIS serves the folder as static files and ANCM never runs.\n\n' +
    '`dotnet publish` writes it, wrapped in `<location path="." inheritInChildApplications="false">` so that IIS ' +
    'applications nested below this one do not inherit the handler.',
  notes: [
    'A sub-application whose own web.config adds the `aspNetCore` handler again while still inheriting the parent\'s ' +
      'gets HTTP 500.19; keep the `<location inheritInChildApplications="false">` wrapper in the parent.',
    'The Web SDK finds an existing handler by its name, `aspNetCore` (any casing), and only fills in missing attributes.',
  ],
  docsUrl: WEB_CONFIG_DOCS,
};

export const HANDLER_ENTRY_ATTRIBUTES: readonly ElementDocs[] = [
  {
    name: 'name',
    summary: 'The handler\'s name, conventionally `aspNetCore`.',
    description:
      'IIS only needs it to be unique within `<handlers>`. Keep `aspNetCore`: the Web SDK looks for that name when ' +
      'it updates web.config on publish, and `<remove name="aspNetCore" />` in a child configuration refers to it.',
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'path',
    summary: 'Which request paths the handler takes: `*` means all of them.',
    description: 'ASP.NET Core does its own routing, so ANCM must receive every request; keep `*`.',
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'verb',
    summary: 'Which HTTP methods the handler takes: `*` means all of them.',
    description: 'Keep `*` so that GET, POST, PUT, DELETE and the rest all reach the app.',
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'modules',
    summary: 'The native module that handles the requests: `AspNetCoreModuleV2` (or the retired V1 `AspNetCoreModule`).',
    description:
      'Must name a module registered in IIS. `AspNetCoreModuleV2` is installed by the Hosting Bundle and is ' +
      'required for in-process hosting. `AspNetCoreModule` is V1, which .NET Core 3.0 and later Hosting Bundles ' +
      'no longer install.',
    notes: [
      'If the named module is not registered, IIS answers HTTP 500.21 ("Handler \'aspNetCore\' has a bad module ... ' +
        'in its module list"); install the Hosting Bundle or fix the name.',
    ],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'resourceType',
    summary: '`Unspecified`: hand the request to ANCM even if no file or folder matches the URL.',
    description:
      'With `Unspecified`, IIS does not check the disk before calling the handler, which ASP.NET Core routes need ' +
      '(`/api/orders/42` is not a file). `File` or `Directory` would make IIS answer 404 for those URLs itself.',
    docsUrl: WEB_CONFIG_DOCS,
  },
];
