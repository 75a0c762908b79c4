// The `<handlerSetting>` names ANCM reads.
// Facts: ANCM source AspNetCore/ShimOptions.cpp, AspNetCore/applicationinfo.cpp, AspNetCore/globalmodule.cpp,
// InProcessRequestHandler/InProcessOptions.cpp, RequestHandlerLib/requesthandler_config.cpp,
// CommonLib/config_utility.h and CommonLib/debugutil.cpp (debugLevel syntax).

import type { HandlerSettingSpec } from './types';
import { CONFIGURATION_LOAD_FAILURE_STATUS } from './configurationLoadFailure';

const ANCM_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';
const LOGGING_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/logging-and-diagnostics';
const ADVANCED_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/advanced';

const BOOL_VALUES: readonly string[] = ['true', 'false'];

export const HANDLER_SETTINGS: readonly HandlerSettingSpec[] = [
  {
    name: 'debugLevel',
    valueSyntax: 'debugLevel',
    values: ['FILE,TRACE', 'FILE,INFO', 'FILE,WARNING', 'FILE,ERROR', 'EVENTLOG,ERROR', 'CONSOLE,TRACE'],
    appliesTo: 'both',
    since: '.NET Core 2.2',
    rank: 0,
    summary: 'Turns on ANCM\'s own diagnostic log: a level and where to write it, e.g. `FILE,TRACE`.',
    description:
      'A comma-separated list of tokens, matched case-insensitively. Levels: `ERROR`, `WARNING`, `INFO`, `TRACE`; ' +
      'each includes the more severe ones. Sinks: `FILE` (see `debugFile`), `EVENTLOG` (Application log, event ' +
      '1036) and `CONSOLE`. `FILE,TRACE` is the usual choice when a 500.3x or 502.5 error has no other explanation.\n\n' +
      'A sink without a level means `INFO`. A level without a sink goes only to the debugger output, plus the ' +
      'file if `debugFile` is set.',
    notes: [
      'Write no spaces: ANCM does not trim tokens, so `FILE, TRACE` silently loses `TRACE`. Only `,` separates tokens.',
      'Unknown tokens are ignored without a warning. A token matches if it *starts with* a keyword, so `errors` ' +
        'counts as `ERROR` but `warn` matches nothing.',
      'Numeric levels such as `4` were removed before ANCM 2.2 shipped and are ignored.',
      'ANCM reads it once per worker process, from the first app that starts in it; recycle the app pool after changing it.',
      'The log is not size-limited: turn it off when you are done.',
    ],
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'debugFile',
    valueSyntax: 'path',
    defaultValue: '.\\aspnetcore-debug.log',
    values: ['.\\logs\\aspnetcore-debug.log'],
    appliesTo: 'both',
    since: '.NET Core 2.2',
    rank: 1,
    summary: 'The file ANCM writes its diagnostic log to when `debugLevel` is enabled.',
    description:
      'A relative path is resolved against the site\'s physical folder, and missing folders are created. Without ' +
      'this setting, `debugLevel` with the `FILE` sink writes `.\\aspnetcore-debug.log` in the site folder. The ' +
      'file is appended to and shared, so all ANCM dlls and worker processes write to it; each line starts with a ' +
      'UTC timestamp and the process id (.NET 6 and later).',
    notes: [
      'Setting only `debugFile` is not enough: without `debugLevel` the file is created but stays empty.',
      'The app pool identity needs write access to the folder.',
      'Before ANCM 2.2 shipped, the setting was named `ASPNETCORE_MODULE_DEBUG_FILE`.',
    ],
    docsUrl: LOGGING_DOCS,
  },
  {
    name: 'enableShadowCopy',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    since: '.NET 7',
    rank: 2,
    summary: 'Run the app from a copy of its files so a deployment can overwrite them while the app runs.',
    description:
      'When `true`, ANCM copies the site\'s files to a numbered folder under `shadowCopyDirectory` before starting ' +
      'the app and runs it from there. The deployed dlls are no longer locked, so publishing over a running app ' +
      'works without `app_offline.htm`; the app runs the new files from its next restart on.',
    notes: [
      'Only the exact value `true` (any casing) enables it.',
      'Works under IIS only; IIS Express ignores it.',
      'ANCM 6 used the name `experimentalEnableShadowCopy`; ANCM 7 and later read only `enableShadowCopy`.',
      'If the copy fails (for example the app pool identity can\'t write to the directory) the app does not start and returns 500.30.',
    ],
    docsUrl: ADVANCED_DOCS,
  },
  {
    name: 'shadowCopyDirectory',
    valueSyntax: 'path',
    defaultValue: 'ShadowCopyDirectory',
    appliesTo: 'both',
    since: '.NET 6',
    rank: 3,
    summary: 'Where shadow copies of the app are made when shadow copying is enabled.',
    description:
      'A relative path is resolved against the site\'s physical folder. ANCM copies the app into numbered ' +
      'subfolders (`0`, `1`, ...) of it and deletes the older ones. Without this setting the copies go ' +
      'to `ShadowCopyDirectory` inside the site folder; a folder outside the site, such as `..\\ShadowCopy\\MyApp`, ' +
      'keeps them out of the deployed content.',
    notes: [
      'Give every app its own directory: ANCM cleans up numbered folders it finds there, which breaks another app sharing it.',
      'Ignored unless `enableShadowCopy` (or, on ANCM 6, `experimentalEnableShadowCopy`) is `true`.',
    ],
    docsUrl: ADVANCED_DOCS,
  },
  {
    name: 'stackSize',
    valueSyntax: 'hexStackSize',
    defaultValue: '0x100000',
    values: ['0x100000', '0x200000'],
    appliesTo: 'inprocess',
    rank: 4,
    summary: 'Default stack size of threads the .NET runtime creates in the IIS worker process; **hexadecimal** bytes.',
    description:
      'ANCM passes the value unchanged to the runtime as `DEFAULT_STACK_SIZE`, and the runtime reads it as a ' +
      '**hexadecimal** number of bytes, with or without `0x`. `0x200000` is 2 MB; the decimal-looking `2097152` is ' +
      'read as 0x2097152, about 34 MB per thread. The default is `0x100000` (1 MB).',
    notes: [
      'ANCM versions before the 2025 fix (dotnet/aspnetcore#60762) used `1048576` as the default, which the runtime ' +
        'read as about 17 MB.',
      'Older Microsoft docs show `value="2097152"` as "2 MB"; it is really about 34 MB.',
      'Out-of-process apps ignore it; configure the stack size of the app itself instead.',
    ],
    docsUrl: `${ADVANCED_DOCS}#modify-the-stack-size`,
  },
  {
    name: 'shutdownDelay',
    valueSyntax: 'milliseconds',
    defaultValue: '1000',
    values: ['1000', '5000'],
    appliesTo: 'both',
    since: '.NET 9',
    rank: 5,
    summary: 'Milliseconds ANCM waits after IIS announces a recycle or shutdown before it starts stopping the app.',
    description:
      'The delay gives IIS time to route new requests to the new worker process before the old app stops ' +
      'accepting them, which avoids 503 responses during recycles. It does not delay request handling. Raise ' +
      'it on slow or busy servers if 503s still appear; `0` restores the immediate shutdown of older versions.',
    notes: [
      'Without this setting ANCM falls back to the `ANCM_shutdownDelay` environment variable (worker process first, ' +
        'then web.config `<environmentVariables>`), and then to 1 second.',
      `A negative value fails the configuration load (${CONFIGURATION_LOAD_FAILURE_STATUS}). A value that does not start with a number ` +
        'is expected to fail the same way.',
    ],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'cleanShadowCopyDirectory',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    since: '.NET 6',
    rank: 6,
    summary: 'Empty the target shadow-copy folder before copying the app into it.',
    description:
      'When `true`, ANCM clears the shadow-copy folder it is about to use before copying the site\'s files, so ' +
      'files removed from the deployment do not linger in the copy.',
    notes: ['Ignored unless shadow copying is enabled.'],
    docsUrl: ADVANCED_DOCS,
  },
  {
    name: 'disallowRotationOnConfigChange',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    since: '.NET 7',
    rank: 7,
    summary: 'Stop ANCM from restarting the app when its IIS configuration changes.',
    description:
      'By default ANCM restarts the app whenever IIS reports a configuration change for it, such as an edited ' +
      'web.config. With `true` ANCM ignores those notifications and the app keeps running with its old settings ' +
      'until it is restarted some other way.',
    notes: ['The app pool has its own `disallowRotationOnConfigChange` recycling option; this setting does not change it.'],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'handlerVersion',
    valueSyntax: 'folderName',
    appliesTo: 'outofprocess',
    rank: 8,
    summary: 'Pins the version of the out-of-process request handler (`aspnetcorev2_outofprocess.dll`).',
    description:
      'Out-of-process, ANCM loads the request handler from a version folder next to `aspnetcorev2.dll`, under ' +
      '`%ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\`. By default it picks the highest version installed; this ' +
      'setting names the folder to use instead, exactly as it appears on disk (for example `19.0.24303`).',
    notes: [
      'If the folder does not exist the handler fails to load and requests fail with an "ANCM Out-Of-Process Handler Load Failure" error.',
      'In-process apps ignore it: the in-process handler comes from the app\'s shared framework.',
    ],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'setCurrentDirectory',
    valueSyntax: 'trueOnly',
    defaultValue: 'true',
    values: BOOL_VALUES,
    appliesTo: 'inprocess',
    rank: 9,
    summary: 'Make the site folder the current directory of the IIS worker process before the app starts.',
    description:
      'In-process apps run inside `w3wp.exe`, whose current directory is otherwise a system folder. With the ' +
      'default `true`, ANCM switches it to the site\'s physical folder, so relative file paths resolve against the ' +
      'app. Any value other than `true` keeps the worker process directory unchanged.',
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'callStartupHook',
    valueSyntax: 'trueOnly',
    defaultValue: 'true',
    values: BOOL_VALUES,
    appliesTo: 'inprocess',
    rank: 10,
    summary: 'Load the IIS startup hook that puts startup exceptions on the error page.',
    description:
      'With the default `true`, ANCM registers `Microsoft.AspNetCore.Server.IIS` as a .NET startup hook. When ' +
      'detailed errors are on (`ASPNETCORE_DETAILEDERRORS` or the Development environment), the hook renders an ' +
      'exception that crashes the app at startup into the 500.30 page. Any value other than `true` skips the hook.',
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'suppressRecycleOnStartupTimeout',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'inprocess',
    rank: 11,
    summary: 'Do not recycle the worker process when the app misses `startupTimeLimit`.',
    description:
      'By default (since .NET 5), when an in-process app does not start within `startupTimeLimit` ANCM asks IIS to ' +
      'recycle the worker process so that a new one can try again. With `true` ANCM does not ask for that recycle.',
    notes: ['Only available in recent ANCM versions; the exact release is not documented.'],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'enableOutOfProcessConsoleRedirection',
    valueSyntax: 'notFalse',
    defaultValue: 'true',
    values: BOOL_VALUES,
    appliesTo: 'outofprocess',
    rank: 12,
    summary: 'Capture the backend process\'s console output (out-of-process only).',
    description:
      'By default ANCM connects the child process\'s stdout and stderr to a pipe: with `stdoutLogEnabled` the ' +
      'output goes to the stdout log, otherwise the start of it is kept for the event log when startup fails. ' +
      'With `false` the child gets no console handles and nothing is captured.',
    notes: ['Anything except `false` (any casing) leaves redirection on.'],
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'forwardResponseConnectionHeader',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'outofprocess',
    rank: 13,
    summary: 'Pass the backend\'s `Connection` response header on to the client (out-of-process only).',
    description:
      'Out-of-process, ANCM normally drops the `Connection` header from the Kestrel response. With `true` it ' +
      'forwards it, so an app can close the client connection with `Connection: close`.',
    docsUrl: ANCM_DOCS,
  },
  {
    name: 'experimentalEnableShadowCopy',
    valueSyntax: 'trueOnly',
    defaultValue: 'false',
    values: BOOL_VALUES,
    appliesTo: 'both',
    since: '.NET 6',
    retiredIn: '.NET 7',
    replacedBy: 'enableShadowCopy',
    rank: 14,
    summary: 'The .NET 6 name of `enableShadowCopy`; ANCM 7 and later ignore it.',
    description:
      'ANCM 6 enabled shadow copying with this name. The ANCM in the .NET 7 and later Hosting Bundles reads only ' +
      '`enableShadowCopy`, and kept no fallback, so with a current Hosting Bundle this setting silently does nothing.',
    notes: ['What counts is the Hosting Bundle installed on the server, not the app\'s target framework.'],
    docsUrl: ADVANCED_DOCS,
  },
];
