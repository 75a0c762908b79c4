// Attributes of `system.webServer/aspNetCore` and docs for the element itself.
// Facts: the V2 schema AspNetCore/aspnetcore_schema_v2.xml (the V1 aspnetcore_schema.xml's history is in
// aspnet/AspNetCoreModule and aspnet/IISIntegration); ANCM source AspNetCore/ShimOptions.cpp (hostingModel,
// config-load errors), AspNetCore/applicationinfo.cpp (event 1034), InProcessRequestHandler/InProcessOptions.cpp and
// RequestHandlerLib/requesthandler_config.cpp.

import type { AttributeSpec, ElementDocs } from './types';
import { CONFIGURATION_LOAD_FAILURE_VERSIONS } from './configurationLoadFailure';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
const ANCM_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';
const LOGGING_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/logging-and-diagnostics';
const OUT_OF_PROCESS_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/out-of-process-hosting';

const BOOL_VALUES: readonly string[] = ['true', 'false'];

export const ASPNETCORE_ATTRIBUTES: readonly AttributeSpec[] = [
  {
    name: 'processPath',
    valueType: 'string',
    appliesTo: 'both',
    required: true,
    expanded: true,
    rank: 0,
    placeholder: 'dotnet',
    summary: 'The program ANCM starts: `dotnet` for a framework-dependent app, or the app\'s own `.exe`.',
    description:
      'For a framework-dependent deployment write `dotnet` and name the app\'s dll in `arguments`; for a ' +
      'self-contained deployment (or an app published with an apphost) point it at the app\'s `.exe`. A relative ' +
      'path is resolved against the site\'s physical folder.\n\n' +
      'ANCM refuses to start without it: a missing or empty value fails the configuration load with ' +
      '"Attribute \'processPath\' is required.", logged as event 1034, and every request gets a bare HTTP 500.',
    notes: [
      'IIS expands `%VARIABLE%` references in the value before ANCM sees it (the schema marks it `expanded`). ' +
        'That is how Visual Studio\'s `%LAUNCHER_PATH%` placeholder works; `dotnet publish` replaces it with the real path.',
      'The worker-process environment variable `ANCM_LAUNCHER_PATH`, when set, overrides this attribute.',
    ],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'arguments',
    valueType: 'string',
    defaultValue: '',
    appliesTo: 'both',
    required: false,
    expanded: true,
    rank: 1,
    placeholder: '.\\MyApp.dll',
    summary: 'Command-line arguments for `processPath`; for `dotnet`, the path of the app\'s dll.',
    description:
      'With `processPath="dotnet"` the first argument is the app\'s entry dll, usually `.\\MyApp.dll` relative to ' +
      'the site folder; any further arguments reach the app\'s `Main(string[] args)`. A self-contained `.exe` ' +
      'usually needs no arguments.',
    notes: [
      'IIS expands `%VARIABLE%` references (the schema marks it `expanded`), which is how `%LAUNCHER_ARGS%` works ' +
        'under Visual Studio; `dotnet publish` strips that placeholder.',
      'The worker-process environment variable `ANCM_LAUNCHER_ARGS`, when set, overrides this attribute.',
    ],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'hostingModel',
    valueType: 'hostingModel',
    values: ['inprocess', 'outofprocess'],
    appliesTo: 'both',
    required: false,
    expanded: false,
    rank: 2,
    placeholder: 'inprocess',
    summary: 'Run the app inside the IIS worker process (`inprocess`) or as a separate Kestrel process (`outofprocess`).',
    description:
      '`inprocess` loads the .NET runtime into `w3wp.exe` and serves requests through the IIS HTTP Server; it is ' +
      'faster and is what the Web SDK writes for current projects. `outofprocess` starts `processPath` as a child ' +
      'process running Kestrel and forwards each request to it over HTTP on a local port.\n\n' +
      'ANCM compares the value case-insensitively, so `InProcess` and `OutOfProcess` are fine. A missing or empty ' +
      'value means **out-of-process**. Any other value fails the configuration load with HTTP 500.0 and the event ' +
      'log message "Unknown hosting model \'...\'".',
    notes: [
      'The schema declares it as a plain string with no default and no enum, so IIS accepts any text; only ANCM rejects it.',
      'In-process hosting needs `AspNetCoreModuleV2`. ANCM V1 (`AspNetCoreModule`) never reads this attribute and ' +
        'always runs out-of-process; the Web SDK refuses to publish `InProcess` with V1.',
      'Changing the value in web.config recycles the app\'s worker process.',
      'One application pool cannot mix hosting models (500.34) or host two in-process apps (500.35).',
    ],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'stdoutLogEnabled',
    valueType: 'bool',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    required: false,
    expanded: false,
    rank: 3,
    placeholder: 'true',
    summary: 'Write the app\'s stdout and stderr to files named after `stdoutLogFile`.',
    description:
      'Turn it on to see why an app fails at startup (500.30, 502.5, ...): console output, unhandled exceptions and ' +
      'host errors land in `<stdoutLogFile>_<yyyyMMddHHmmss>_<pid>.log`. The app pool identity needs write access ' +
      'to the folder; ANCM creates missing folders.\n\n' +
      'Turn it off again afterwards: the files are never rotated or size-limited, and a new one starts with every ' +
      'worker or backend process.',
    notes: [
      'When it is `false` and the app is out-of-process, ANCM still keeps the first 30,000 characters of output for ' +
        'the startup-failure event log entry.',
      'In-process, the timestamp in the file name is the worker process start time (UTC); out-of-process it is the ' +
        'backend process launch time. The pid is always the IIS worker process id.',
    ],
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'stdoutLogFile',
    valueType: 'string',
    defaultValue: '.\\aspnetcore-stdout',
    appliesTo: 'both',
    required: false,
    expanded: true,
    rank: 4,
    placeholder: '.\\logs\\stdout',
    summary: 'Path prefix of the stdout log files; ANCM appends `_<timestamp>_<pid>.log`.',
    description:
      'A relative path is resolved against the site\'s physical folder. The last segment is a file-name prefix, not ' +
      'a folder: `.\\logs\\stdout` produces files such as `logs\\stdout_20240131120000_4321.log`. Any extension ' +
      'you add stays part of the prefix (`stdout.txt` becomes `stdout.txt_..._4321.log`).',
    notes: [
      'Only used when `stdoutLogEnabled="true"`.',
      'IIS expands `%VARIABLE%` references; on Azure App Service the Web SDK writes `\\\\?\\%home%\\LogFiles\\stdout`.',
      'If the file can\'t be created ANCM logs a warning and the app still runs.',
    ],
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'startupTimeLimit',
    valueType: 'uint',
    defaultValue: '120',
    range: { min: 0, max: 3600 },
    appliesTo: 'both',
    required: false,
    expanded: false,
    rank: 5,
    placeholder: '120',
    summary: 'Seconds ANCM waits for the app to start before treating the start as failed.',
    description:
      'In-process, ANCM waits this long for the app to start the IIS HTTP Server; past it the request fails with ' +
      '500.37 and, by default, ANCM asks IIS to recycle the worker process (see the `suppressRecycleOnStartupTimeout` ' +
      'handler setting). Out-of-process, it is how long the child process has to listen on its port before ANCM ' +
      'kills it and returns 502.5; the next request tries again, subject to `rapidFailsPerMinute`.',
    notes: [
      '`0` is not "infinite": it leaves no time at all to start.',
      'While a debugger is attached ANCM waits indefinitely.',
    ],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'requestTimeout',
    valueType: 'timeSpan',
    defaultValue: '00:02:00',
    timeSpanRange: { minSeconds: 0, maxSeconds: 1296000, granularitySeconds: 1 },
    appliesTo: 'outofprocess',
    required: false,
    expanded: false,
    rank: 6,
    placeholder: '00:02:00',
    summary: 'How long ANCM waits for the backend Kestrel process on each forwarded request (`hh:mm:ss`).',
    description:
      'Out-of-process only: ANCM applies it to the WinHTTP connect, send and receive timeouts of every forwarded ' +
      'request. When it expires the client gets **502.3 Bad Gateway**. Raise it for long-running requests. ' +
      'In-process hosting ignores it; requests run as long as the app takes.\n\n' +
      'Write it as `hh:mm:ss`; the schema allows `00:00:00` to `360:00:00` (15 days) in whole seconds.',
    notes: [
      'Keep minutes and seconds below 60: `00:60:00` is rejected with a server error, write `01:00:00`.',
      'The V1-era schema (ANCM 1.x through 2.1 hosting bundles) only accepted whole minutes (granularity 60 s); ' +
        'current schemas, including the V1 schema shipped since 2.2, accept whole seconds.',
      'While a debugger is attached to the backend process the timeout is infinite.',
    ],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'shutdownTimeLimit',
    valueType: 'uint',
    defaultValue: '10',
    range: { min: 0, max: 600 },
    appliesTo: 'both',
    required: false,
    expanded: false,
    rank: 7,
    placeholder: '10',
    summary: 'Seconds ANCM gives the app to shut down gracefully (recycle, `app_offline.htm`, config change).',
    description:
      'In-process, it is how long ANCM waits for the app\'s managed thread to finish after asking it to stop. ' +
      'Out-of-process, it is how long the child process gets to exit after the shutdown request before ANCM ' +
      'terminates it. Raise it if `IHostedService.StopAsync` work needs more time.',
    notes: ['While a debugger is attached ANCM waits indefinitely.'],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'disableStartUpErrorPage',
    valueType: 'bool',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    required: false,
    expanded: false,
    rank: 8,
    placeholder: 'true',
    summary: 'Suppress ANCM\'s own startup-failure page so IIS custom error pages show instead.',
    description:
      'When the app fails to start (502.5 out-of-process, 500.30-500.38 in-process), ANCM normally writes its own ' +
      'HTML error page. With `true` it only sets the status code, so whatever `<httpErrors>` configures for that ' +
      'status is shown.',
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'forwardWindowsAuthToken',
    valueType: 'bool',
    defaultValue: 'true',
    values: BOOL_VALUES,
    appliesTo: 'outofprocess',
    required: false,
    expanded: false,
    rank: 9,
    placeholder: 'false',
    summary: 'Pass the Windows identity of each request to the backend process in a header.',
    description:
      'Out-of-process only: for requests authenticated by IIS Windows authentication, ANCM duplicates the user\'s ' +
      'token into the backend process and sends its handle in the `MS-ASPNETCORE-WINAUTHTOKEN` header; ASP.NET ' +
      'Core\'s IIS integration turns it into `HttpContext.User` and closes the handle. In-process apps get the ' +
      'identity directly from IIS.',
    notes: ['The very first ANCM V1 release (1.0.1969, 2016) defaulted to `false`; every later schema defaults to `true`.'],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'rapidFailsPerMinute',
    valueType: 'uint',
    defaultValue: '10',
    range: { min: 0, max: 100 },
    appliesTo: 'outofprocess',
    required: false,
    expanded: false,
    rank: 10,
    placeholder: '10',
    summary: 'How many times per minute the backend process may crash before ANCM stops restarting it.',
    description:
      'Out-of-process only: once the child process has failed this many times within the current minute, ANCM ' +
      'stops launching it until the minute is over and requests fail with 502.5. In-process hosting ignores it.',
    notes: ['ANCM caps the value at 100 even if it were set higher.'],
    docsUrl: WEB_CONFIG_DOCS,
  },
  {
    name: 'processesPerApplication',
    valueType: 'uint',
    defaultValue: '1',
    range: { min: 1, max: 100 },
    appliesTo: 'outofprocess',
    required: false,
    expanded: false,
    rank: 11,
    placeholder: '1',
    summary: 'Number of backend processes ANCM starts for the app (out-of-process only).',
    description:
      'Out-of-process only: ANCM starts this many copies of `processPath`, each on its own port, and spreads ' +
      'requests across them. In-process hosting always has exactly one app instance. Microsoft discourages ' +
      'values above 1 and plans to remove the attribute; scale with more worker processes or servers instead.',
    notes: ['In-memory state (sessions, caches) is not shared between the processes.'],
    docsUrl: OUT_OF_PROCESS_DOCS,
  },
];

export const ASPNETCORE_ELEMENT_DOCS: ElementDocs = {
  name: 'aspNetCore',
  summary: 'Configures the ASP.NET Core Module (ANCM), the IIS module that runs your ASP.NET Core app.',
  description:
    'The `<aspNetCore>` section under `<system.webServer>` tells ANCM what to start (`processPath`, `arguments`), ' +
    'how to host it (`hostingModel`), where to log (`stdoutLogEnabled`, `stdoutLogFile`), and holds the ' +
    '`<environmentVariables>` and `<handlerSettings>` collections. `dotnet publish` generates it; IIS validates it ' +
    'against the schema the Hosting Bundle installs (`aspnetcore_schema_v2.xml`).\n\n' +
    'A schema violation (unknown attribute or child, out-of-range number) is an IIS configuration error, HTTP ' +
    '500.19, before ANCM runs. If the Hosting Bundle is not installed the whole section is unknown, which is also ' +
    '500.19. Errors ANCM finds itself (missing `processPath`, unknown `hostingModel`) fail its configuration load. ' +
    CONFIGURATION_LOAD_FAILURE_VERSIONS,
  notes: [
    'Only `processPath` is required.',
    'Editing the section recycles the app, like any web.config change (see the `disallowRotationOnConfigChange` handler setting).',
    'It can also be set for a site in `applicationHost.config` with a `<location>` element; the section is unlocked by default.',
  ],
  docsUrl: WEB_CONFIG_DOCS,
};
