// Environment variables users set in `<environmentVariables>`, and what ANCM does with each.
// Facts: ANCM source AspNetCore/ShimOptions.cpp, CommonLib/debugutil.cpp (DebugInitialize),
// RequestHandlerLib/environmentvariablehelpers.h and OutOfProcessRequestHandler/serverprocess.cpp; for the app side,
// src/Servers/IIS/IISIntegration/src/WebHostBuilderIISExtensions.cs and src/Servers/IIS/IIS/src/Core/IISHttpServer.cs.

import type { EnvironmentVariableSpec } from './types';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from './configurationLoadFailure';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
const ENVIRONMENTS_DOCS = 'https://learn.microsoft.com/aspnet/core/fundamentals/environments';
const LOGGING_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/logging-and-diagnostics';
const ANCM_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';
const OUT_OF_PROCESS_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/out-of-process-hosting';
const HOSTING_STARTUP_DOCS = 'https://learn.microsoft.com/aspnet/core/fundamentals/configuration/platform-specific-configuration';
const HTTPS_DOCS = 'https://learn.microsoft.com/aspnet/core/security/enforcing-ssl';
const PROXY_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer';
const DOTNET_ENV_DOCS = 'https://learn.microsoft.com/dotnet/core/tools/dotnet-environment-variables';
const GC_DOCS = 'https://learn.microsoft.com/dotnet/core/runtime-config/garbage-collector';

export const ENVIRONMENT_VARIABLES: readonly EnvironmentVariableSpec[] = [
  {
    name: 'ASPNETCORE_ENVIRONMENT',
    values: ['Development', 'Staging', 'Production'],
    detailedErrorsWith: ['Development'],
    rank: 0,
    summary: 'The app\'s hosting environment (`Development`, `Staging`, `Production`, or any name you choose).',
    description:
      'Selects `appsettings.{Environment}.json`, `IWebHostEnvironment.IsDevelopment()` and friends. Unset means ' +
      '`Production`.\n\n' +
      'ANCM reads it too: when it is `Development` (any casing), ANCM\'s startup-failure pages include the ' +
      'detailed error text. ANCM looks at the worker process environment first and then at this web.config collection.',
    notes: [
      'Only use `Development` on servers that untrusted users cannot reach: it shows exception details.',
      'The `<EnvironmentName>` MSBuild property writes this entry into web.config at publish time.',
      'For web apps it takes precedence over `DOTNET_ENVIRONMENT`.',
    ],
    docsUrl: ENVIRONMENTS_DOCS,
  },
  {
    name: 'ASPNETCORE_DETAILEDERRORS',
    values: ['true', '1'],
    detailedErrorsWith: ['true', '1'],
    rank: 1,
    summary: 'Show detailed startup errors without switching the environment to Development.',
    description:
      'ANCM treats `true` or `1` (any casing) as on and then puts the error details (for example hostfxr output or ' +
      'the startup exception) on its 500.3x and 502.5 pages. The app\'s host also captures startup errors and ' +
      'shows details for them. ANCM looks at the worker process environment first and then at this collection.',
    notes: ['Remove it once the problem is fixed: the details can reveal paths and configuration.'],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'DOTNET_ENVIRONMENT',
    values: ['Development', 'Staging', 'Production'],
    detailedErrorsWith: ['Development'],
    rank: 2,
    summary: 'The generic-host name for the environment; `ASPNETCORE_ENVIRONMENT` wins when both are set.',
    description:
      'Read by the generic host (`Host.CreateDefaultBuilder`, `WebApplication.CreateBuilder`). For web apps ' +
      '`ASPNETCORE_ENVIRONMENT` overrides it. ANCM also accepts `Development` here as a reason to show detailed ' +
      'startup errors.',
    docsUrl: ENVIRONMENTS_DOCS,
  },
  {
    name: 'COREHOST_TRACE',
    values: ['1'],
    rank: 3,
    summary: 'Turn on .NET host tracing (hostfxr/hostpolicy): how the runtime and dependencies were resolved.',
    description:
      'With `1`, the .NET host logs every step of finding the runtime, frameworks and assemblies. It is the tool ' +
      'for 500.31 (runtime or framework not found) and for 500.30 failures that happen before `Main` runs. ' +
      'Combine it with `COREHOST_TRACEFILE`; otherwise the trace goes to stderr, which ends up in the stdout log ' +
      'when `stdoutLogEnabled` is on.',
    notes: [
      'The trace is large and slows startup: remove it when you are done.',
      'If nothing is written, set the variables on the app pool instead, so they reach the worker process from its start.',
    ],
    docsUrl: DOTNET_ENV_DOCS,
  },
  {
    name: 'COREHOST_TRACEFILE',
    rank: 4,
    summary: 'File the .NET host trace is written to when `COREHOST_TRACE=1`.',
    description:
      'Use an absolute path in a folder the app pool identity can write to, for example `C:\\logs\\corehost.txt`; ' +
      'a relative path depends on the worker process\'s current directory.',
    docsUrl: DOTNET_ENV_DOCS,
  },
  {
    name: 'COREHOST_TRACE_VERBOSITY',
    values: ['1', '2', '3', '4'],
    rank: 5,
    summary: 'Detail level of the .NET host trace: 1 errors, 2 warnings, 3 info, 4 verbose (default).',
    description: 'Lowers the amount of host tracing when `COREHOST_TRACE=1`; `4`, everything, is the default.',
    docsUrl: DOTNET_ENV_DOCS,
  },
  {
    name: 'ASPNETCORE_HTTPS_PORT',
    rank: 6,
    summary: 'The port `UseHttpsRedirection` redirects HTTP requests to.',
    description:
      'Set it when the HTTPS redirection middleware cannot work out the public HTTPS port itself, for example ' +
      'behind a load balancer. Out-of-process, ANCM passes the site\'s HTTPS binding port to the app separately as ' +
      '`ASPNETCORE_ANCM_HTTPS_PORT`, which the middleware also understands; an explicit `ASPNETCORE_HTTPS_PORT` is ' +
      'the one to use to choose a different port.',
    docsUrl: HTTPS_DOCS,
  },
  {
    name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED',
    values: ['true'],
    rank: 7,
    summary: 'Adds the forwarded-headers middleware for `X-Forwarded-For` and `X-Forwarded-Proto`, trusting any proxy.',
    description:
      'With `true`, the default host inserts the forwarded-headers middleware and accepts those headers from any ' +
      'source. Meant for proxies that are not IIS; an out-of-process app behind IIS already gets `X-Forwarded-For` ' +
      'and `X-Forwarded-Proto` handling from the IIS integration.',
    notes: ['Because it trusts every proxy, only enable it when clients cannot reach the app except through the proxy.'],
    docsUrl: PROXY_DOCS,
  },
  {
    name: 'ANCM_shutdownDelay',
    rank: 8,
    summary: 'Milliseconds to wait before stopping the app on recycle; fallback for the `shutdownDelay` handler setting.',
    description:
      'ANCM (.NET 9 and later) uses it only when the `shutdownDelay` handler setting is absent. It reads the worker ' +
      'process environment first and then this web.config collection, so setting it here works. The default is ' +
      '1000 ms; `0` disables the delay.',
    notes: [`A negative value fails the configuration load (${CONFIGURATION_LOAD_FAILURE_STATUS}).`],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'ASPNETCORE_URLS',
    rank: 9,
    summary: 'Addresses Kestrel listens on; behind IIS, ANCM and the IIS integration decide the address instead.',
    description:
      'Out-of-process, the app\'s IIS integration (`UseIISIntegration`, part of the default builders) makes Kestrel ' +
      'listen on `http://127.0.0.1:<ASPNETCORE_PORT>` and gives that address precedence, so a value here is ' +
      'overridden. In-process there is no Kestrel: the IIS HTTP Server receives requests from IIS and reports the ' +
      'site bindings as its addresses. Change the IIS site bindings instead.',
    docsUrl: OUT_OF_PROCESS_DOCS,
  },
  {
    name: 'ASPNETCORE_PORT',
    range: { min: 1025, max: 48000 },
    rank: 10,
    summary: 'Out-of-process: the local port ANCM tells the backend process to listen on.',
    description:
      'ANCM normally picks a free random port between 10000 and 48000 for each backend process it starts and ' +
      'sets this variable. A value set here is used instead and must be a whole number from 1025 to 48000; ' +
      'anything else makes the process start fail. An empty value lets ANCM pick one. In-process apps ignore it.',
    notes: [
      'With a fixed port, every backend process of the app gets the same port, so `processesPerApplication` above 1, ' +
        'or old and new worker processes overlapping during a recycle, can collide.',
    ],
    docsUrl: OUT_OF_PROCESS_DOCS,
  },
  {
    name: 'ASPNETCORE_HOSTINGSTARTUPASSEMBLIES',
    rank: 11,
    summary: 'Semicolon-separated hosting startup assemblies to load; ANCM adds the IIS integration one out-of-process.',
    description:
      'Out-of-process, if this collection does not set the variable, ANCM takes the worker process value and appends ' +
      '`Microsoft.AspNetCore.Server.IISIntegration`. If you set it here, ANCM passes your value unchanged, so list ' +
      '`Microsoft.AspNetCore.Server.IISIntegration` yourself if the app relies on that hosting startup. Apps built ' +
      'with the default builders call `UseIISIntegration` themselves and do not depend on it.',
    docsUrl: HOSTING_STARTUP_DOCS,
  },
  {
    name: 'ASPNETCORE_PREVENTHOSTINGSTARTUP',
    values: ['true'],
    rank: 12,
    summary: 'Stops all hosting startup assemblies from loading, including the IIS integration one ANCM adds.',
    description:
      'With `true` the host skips every assembly listed in `ASPNETCORE_HOSTINGSTARTUPASSEMBLIES`. Apps that call ' +
      '`UseIISIntegration` (the default builders do) still work out-of-process.',
    docsUrl: HOSTING_STARTUP_DOCS,
  },
  {
    name: 'DOTNET_gcServer',
    values: ['0', '1'],
    rank: 13,
    summary: 'Choose the garbage collector: `1` server GC, `0` workstation GC.',
    description:
      'ASP.NET Core projects default to server GC. Workstation GC (`0`) uses much less memory, which can help when ' +
      'many app pools share one machine. In-process the setting applies to the IIS worker process that hosts the runtime.',
    docsUrl: GC_DOCS,
  },
  {
    name: 'ANCM_PREFER_ENVIRONMENT_VARIABLES',
    values: ['true', '1'],
    ignoredInWebConfig: {
      reason: 'readFromWorkerProcessOnly',
      appliesTo: 'both',
      instead: 'Set it on the app pool (or the machine) instead.',
    },
    rank: 14,
    summary: 'Let worker-process environment variables win over web.config ones. Has no effect when set here.',
    description:
      'When the IIS worker process environment (app pool or machine variables) has it set to `true` or `1`, any ' +
      'variable in this collection that also exists in the worker process environment keeps the worker process ' +
      'value. ANCM reads the switch only from the worker process environment, so it must be set on the app pool or ' +
      'machine, not in web.config.',
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'ASPNETCORE_MODULE_DEBUG',
    ignoredInWebConfig: {
      reason: 'readFromWorkerProcessOnly',
      appliesTo: 'both',
      instead: 'Use the debugLevel handler setting (e.g. FILE,TRACE), or set it on the app pool.',
    },
    rank: 15,
    summary: 'ANCM debug-log level from the worker process environment. Has no effect when set in web.config.',
    description:
      'Each ANCM dll reads this variable (same syntax as the `debugLevel` handler setting, e.g. `FILE,TRACE`) once, ' +
      'when it is loaded into the worker process, long before this collection is applied. Setting it here only ' +
      'passes it on to the app. Use the `debugLevel` and `debugFile` handler settings instead, or set the variable ' +
      'on the app pool or machine.',
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'ASPNETCORE_MODULE_DEBUG_FILE',
    ignoredInWebConfig: {
      reason: 'readFromWorkerProcessOnly',
      appliesTo: 'both',
      instead: 'Use the debugFile handler setting, or set it on the app pool.',
    },
    rank: 16,
    summary: 'ANCM debug-log file from the worker process environment. Has no effect when set in web.config.',
    description:
      'Read by each ANCM dll at load time from the worker process environment, like `ASPNETCORE_MODULE_DEBUG`, ' +
      'and used as given (a relative path is not resolved against the site folder). In web.config use the ' +
      '`debugFile` handler setting instead.',
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'ASPNETCORE_TOKEN',
    rank: 17,
    summary: 'Out-of-process pairing token: set by ANCM; do not set it yourself.',
    description:
      'ANCM generates a random GUID, passes it to the backend process in this variable and sends it with every ' +
      'forwarded request in the `MS-ASPNETCORE-TOKEN` header; the app\'s IIS integration rejects requests without ' +
      'the matching token. A value set here replaces the generated GUID, which makes the token predictable.',
    docsUrl: OUT_OF_PROCESS_DOCS,
  },
  {
    name: 'ASPNETCORE_APPL_PATH',
    ignoredInWebConfig: {
      reason: 'replacedByAncm',
      appliesTo: 'outofprocess',
      instead: 'Host the app under a different IIS path to change it.',
    },
    rank: 18,
    summary: 'Out-of-process: the app\'s IIS virtual path, set by ANCM. A value here is discarded.',
    description:
      'ANCM always removes any value from this collection and sets the app\'s virtual path (for example `/myapp`), ' +
      'which the IIS integration uses as the request `PathBase`. Host the app under a different IIS path instead.',
    docsUrl: OUT_OF_PROCESS_DOCS,
  },
];
