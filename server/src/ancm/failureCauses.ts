// Why an app under ANCM failed: one row per cause, with what it means, how to fix it, where Microsoft documents it and,
// when web.config can prove it, the diagnostics rule that does. The keys a user meets (a log line, an error page's
// status.substatus, an HRESULT, an Event Log id, a hostfxr message) point at these rows: failureKeys.ts.
//
// Sources, named per row:
// - ANCM's sources in dotnet/aspnetcore, relative to src/Servers/IIS/AspNetCoreModuleV2/: the message templates in
//   CommonLib/resources.h, the event ids in CommonLib/aspnetcore_msg.mc, the error pages' status and substatus where
//   AspNetCore/HandlerResolver.cpp, CommonLib/HostFxrResolver.cpp and InProcessRequestHandler/inprocessapplication.cpp set
//   them, and the exceptions those files throw.
// - The .NET host's error codes: dotnet/runtime docs/design/features/host-error-codes.md.
// - Microsoft's docs: the startup errors of "Troubleshoot ASP.NET Core on Azure App Service and IIS" and the
//   "Common error troubleshooting" reference.
// Rule ids are the stable ids of service/rules/*.ts (this layer does not import them; a test checks each exists).

import type { FailureCauseInfo } from '../protocol/logs';

/** A cause as the panel shows it (protocol/logs.ts FailureCauseInfo), and what the row rests on. */
export interface FailureCause extends FailureCauseInfo {
  /** ANCM files (relative to AspNetCoreModuleV2/), the host's error-code list, docs pages. */
  readonly sources: readonly string[];
}

const TROUBLESHOOT = 'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis';
const ERRORS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference';
const MODULE = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';
const HOST_ERRORS = 'dotnet/runtime docs/design/features/host-error-codes.md';
export const HOST_ERROR_CODES_PAGE = 'https://github.com/dotnet/runtime/blob/main/docs/design/features/host-error-codes.md';

const INSTALL_BUNDLE = 'Install (or repair) the .NET Hosting Bundle for the runtime version the app targets, then restart IIS (net stop was /y, net start w3svc).';
const READ_STDOUT = 'Turn on the stdout log (stdoutLogEnabled="true") or the debug log (debugLevel FILE,TRACE) and read what the app printed before it stopped.';
const RUN_BY_HAND = 'Run the app from its folder on the server (dotnet .\\App.dll, or .\\App.exe) to see the error directly.';

export const FAILURE_CAUSES: readonly FailureCause[] = [
  // --- web.config and the module itself -------------------------------------------------------------------------------
  {
    id: 'config-invalid',
    meaning: 'IIS rejected web.config before ANCM ran: malformed XML, an element or attribute the schema does not know, or a value out of its range.',
    fix: ['Open web.config in an editor with these diagnostics and fix each error.', 'Check that the aspNetCore section is inside <system.webServer> and spelled with that case.'],
    docs: `${ERRORS}#incorrect-role-aspnet-core-module-not-installed-or-incorrect-permissions`,
    rules: ['xml-not-well-formed', 'unknown-element', 'unknown-attribute', 'duplicate-section', 'misplaced-collection', 'missing-entry-attribute', 'invalid-boolean', 'invalid-number', 'invalid-time-span', 'duplicate-handler', 'misplaced-aspnetcore-section', 'unknown-webserver-section'],
    sources: [`${ERRORS}`],
  },
  {
    id: 'module-not-installed',
    meaning: 'The ASP.NET Core Module is not installed (or its IIS schema is missing), so IIS does not know the <aspNetCore> section.',
    fix: [INSTALL_BUNDLE, 'If an older Hosting Bundle replaced a newer one, repair the newest one so applicationHost.config declares the aspNetCore section again.'],
    docs: `${ERRORS}#incorrect-role-aspnet-core-module-not-installed-or-incorrect-permissions`,
    rules: ['v1-module-not-installed'],
    sources: [`${ERRORS}`],
  },
  {
    id: 'unknown-module',
    meaning: 'A handler names a module IIS does not have (such as AspNetCoreModuleV3): IIS answers 500.21.',
    fix: ['Set the handler\'s modules attribute to AspNetCoreModuleV2.'],
    docs: `${MODULE}#configuration-with-webconfig`,
    rules: ['unknown-module'],
    sources: ['AspNetCore/aspnetcore_schema_v2.xml', `${MODULE}`],
  },
  {
    id: 'config-load-failed',
    meaning: 'ANCM could not read its configuration (event 1034) and answers every request with a bare 500.0; the event names the value.',
    fix: ['Read the message after "Exception message:" in event 1034: it names the attribute.', 'Fix that value in web.config; the diagnostics report most of them.'],
    docs: `${TROUBLESHOOT}#5000-in-process-handler-load-failure-on-iis`,
    rules: ['invalid-shutdown-delay', 'invalid-hosting-model', 'missing-process-path'],
    sources: ['CommonLib/resources.h', 'CommonLib/aspnetcore_msg.mc', 'AspNetCore/applicationinfo.cpp'],
  },
  {
    id: 'unknown-hosting-model',
    meaning: 'hostingModel is neither inprocess nor outofprocess, so ANCM cannot load its configuration (event 1034, HTTP 500.0).',
    fix: ['Set hostingModel="inprocess" or hostingModel="outofprocess" (or remove it: out-of-process is the default).'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    rules: ['invalid-hosting-model'],
    sources: ['AspNetCore/ShimOptions.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'missing-process-path',
    meaning: '<aspNetCore> has no processPath, so ANCM cannot load its configuration (event 1034, HTTP 500.0).',
    fix: ['Set processPath="dotnet" with arguments=".\\App.dll" for a framework-dependent app, or processPath=".\\App.exe" for a self-contained one.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    rules: ['missing-process-path'],
    sources: ['AspNetCore/ShimOptions.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'config-section-missing',
    meaning: 'ANCM found no <aspNetCore> section for the app, so it cannot load its configuration (event 1034).',
    fix: ['Add the <aspNetCore> section under <system.webServer> (publishing the app writes one).'],
    docs: `${MODULE}#configuration-with-webconfig`,
    rules: ['missing-aspnetcore-section', 'misplaced-aspnetcore-section'],
    sources: ['CommonLib/ConfigurationLoadException.h', 'CommonLib/resources.h'],
  },
  {
    id: 'module-disabled',
    meaning: 'The ASP.NET Core Module is turned off for this worker process (event 1013), so it handles no request.',
    fix: ['Check the ASPNETCORE_ANCM_* and module registration in applicationHost.config; repair the Hosting Bundle if the module\'s global registration is missing.'],
    docs: `${MODULE}`,
    sources: ['AspNetCore/dllmain.cpp', 'CommonLib/resources.h'],
  },
  // --- finding the request handler and the runtime -------------------------------------------------------------------
  {
    id: 'in-process-handler-not-found',
    meaning: 'ANCM could not find aspnetcorev2_inprocess.dll through the app\'s runtime (HTTP 500.0): the runtime, the framework or the app\'s arguments are wrong.',
    fix: ['Read the captured hostfxr output after "Exception message:": it usually says which framework is missing.', INSTALL_BUNDLE, 'Check that processPath and arguments name the app (dotnet with .\\App.dll, or .\\App.exe).'],
    docs: `${TROUBLESHOOT}#5000-in-process-handler-load-failure-on-iis`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h', `${ERRORS}`],
  },
  {
    id: 'request-handler-not-referenced',
    meaning: 'The app does not reference Microsoft.AspNetCore.App, so its runtime has no in-process request handler (HTTP 500.33).',
    fix: ['Make the app target the Microsoft.AspNetCore.App framework (Sdk="Microsoft.NET.Sdk.Web"); check the framework in its .runtimeconfig.json.'],
    docs: `${TROUBLESHOOT}#50033-ancm-request-handler-load-failure`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'out-of-process-handler-not-found',
    meaning: 'aspnetcorev2_outofprocess.dll is not next to aspnetcorev2.dll: the module\'s installation is damaged (event 1029, HTTP 500.36).',
    fix: ['Repair the .NET Hosting Bundle (for IIS) or Visual Studio (for IIS Express).'],
    docs: `${TROUBLESHOOT}#50036-ancm-out-of-process-handler-load-failure`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'framework-not-found',
    meaning: 'The .NET or ASP.NET Core runtime version the app targets is not installed for the worker process\'s bitness (HTTP 500.31, or 502.5 out-of-process).',
    fix: ['Read the hostfxr message: it names the framework and version wanted and the versions found.', INSTALL_BUNDLE, 'Or publish the app for a runtime version that is installed, or as self-contained.'],
    docs: `${TROUBLESHOOT}#50031-ancm-failed-to-find-native-dependencies`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h', HOST_ERRORS, `${ERRORS}#missing-net-core-shared-framework`],
  },
  {
    id: 'framework-incompatible',
    meaning: 'The app references two versions of one framework that cannot both be satisfied (hostfxr FrameworkCompatFailure).',
    fix: ['Remove explicit references to lower-level frameworks or packages from an older ASP.NET Core, then publish again.'],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS],
  },
  {
    id: 'bitness-mismatch',
    meaning: 'The app (or the dotnet it uses) is built for a different bitness than the worker process: a 64-bit app in a 32-bit app pool or the reverse (HTTP 500.32).',
    fix: ['Make the app pool\'s "Enable 32-Bit Applications" match the app: False for x64, True for x86.', 'Or publish the app for the app pool\'s architecture (RuntimeIdentifier / PlatformTarget), or as framework-dependent.', 'Install the Hosting Bundle for that architecture.'],
    docs: `${TROUBLESHOOT}#50032-ancm-failed-to-load-dll`,
    sources: ['CommonLib/HostFxr.cpp', 'AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h', `${TROUBLESHOOT}#failed-to-start-application-errorcode-0x800700c1`],
  },
  {
    id: 'hosting-version-mismatch',
    meaning: 'The .NET host (hostfxr, hostpolicy) and ANCM or each other are from incompatible versions: an old runtime is picked up by a newer module.',
    fix: ['Install the newest Hosting Bundle and remove stray dotnet copies earlier on the PATH.', 'For a self-contained app, publish it again so its host files match its runtime.'],
    docs: `${ERRORS}#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation`,
    sources: ['CommonLib/HostFxr.cpp', 'CommonLib/resources.h', HOST_ERRORS],
  },
  {
    id: 'mixed-hosting-models',
    meaning: 'Two apps of one app pool use different hosting models; one worker process cannot run both (event 1009, HTTP 500.34).',
    fix: ['Give each app its own application pool, or give them the same hostingModel.'],
    docs: `${TROUBLESHOOT}#50034-ancm-mixed-hosting-models-not-supported`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'multiple-in-process-apps',
    meaning: 'A second in-process app was started in an app pool that already runs one (event 1008, HTTP 500.35).',
    fix: ['Give each in-process app its own application pool (or run the extra apps out-of-process).'],
    docs: `${TROUBLESHOOT}#50035-ancm-multiple-in-process-applications-in-same-process`,
    sources: ['AspNetCore/HandlerResolver.cpp', 'CommonLib/resources.h'],
  },
  // --- the app's files and the host's arguments ---------------------------------------------------------------------
  {
    id: 'application-dll-not-found',
    meaning: 'The app\'s .dll is not where processPath/arguments say: a typo, a missing file, or a single-file publish, which IIS in-process cannot host (HTTP 500.38).',
    fix: ['Check that the .dll named in arguments (or next to the .exe in processPath) exists in the site folder.', 'Do not publish as a single file (PublishSingleFile=false), or host out-of-process.'],
    docs: `${TROUBLESHOOT}#50038-ancm-application-dll-not-found`,
    sources: ['CommonLib/HostFxrResolver.cpp', 'CommonLib/resources.h', HOST_ERRORS],
  },
  {
    id: 'executable-not-found',
    meaning: 'processPath names a program that does not exist in the site folder (or on the PATH).',
    fix: ['Set processPath to dotnet (framework-dependent) or to the app\'s .exe in the site folder (self-contained).', 'Replace Visual Studio placeholders such as %LAUNCHER_PATH% when deploying.'],
    docs: `${ERRORS}#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation`,
    rules: ['process-path-dll', 'quoted-process-path', 'launcher-placeholder'],
    sources: ['CommonLib/HostFxrResolver.cpp', `${ERRORS}`],
  },
  {
    id: 'process-path-not-exe',
    meaning: 'In-process, processPath must be an .exe (or dotnet): ANCM refuses any other extension.',
    fix: ['Set processPath to dotnet (with the .dll in arguments) or to the app\'s .exe.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    rules: ['in-process-path-not-exe', 'process-path-dll'],
    sources: ['CommonLib/HostFxrResolver.cpp'],
  },
  {
    id: 'dotnet-not-found',
    meaning: 'processPath is dotnet but ANCM found no dotnet.exe of the worker process\'s bitness (PATH, the registry\'s InstallLocation, Program Files).',
    fix: [INSTALL_BUNDLE, 'Make sure C:\\Program Files\\dotnet\\ is on the system PATH and the app pool identity may read it.', 'Restart IIS after installing so the worker sees the new PATH.'],
    docs: `${ERRORS}#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation`,
    sources: ['CommonLib/HostFxrResolver.cpp', `${ERRORS}`],
  },
  {
    id: 'hostfxr-not-found',
    meaning: 'The dotnet installation ANCM found has no host\\fxr\\<version>\\hostfxr.dll: no runtime is installed there, or the install is damaged.',
    fix: [INSTALL_BUNDLE],
    docs: `${ERRORS}#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation`,
    sources: ['CommonLib/HostFxrResolver.cpp'],
  },
  {
    id: 'dotnet-arguments-not-app',
    meaning: 'dotnet was not given the app\'s .dll to run (empty arguments, an .exe, or text it reads as an SDK command).',
    fix: ['With processPath="dotnet", set arguments to the app\'s .dll: arguments=".\\App.dll".'],
    docs: `${ERRORS}#incorrect-arguments-of-aspnetcore-element`,
    rules: ['dotnet-without-arguments', 'dotnet-runs-exe', 'arguments-leading-space', 'dll-named-twice'],
    sources: ['CommonLib/HostFxrResolver.cpp', HOST_ERRORS, `${ERRORS}`],
  },
  {
    id: 'host-failed',
    meaning: 'The .NET host (dotnet or the app\'s .exe, through hostfxr) could not start the app; the lines after this one say why.',
    fix: ['Read the host\'s next lines: a missing framework, a missing file or a bad argument.', RUN_BY_HAND],
    docs: `${TROUBLESHOOT}#5025-process-failure`,
    sources: [HOST_ERRORS, 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp'],
  },
  {
    id: 'host-invalid-arguments',
    meaning: 'The .NET host rejected its arguments; most often the app .dll they name does not exist (a typo, or not published there).',
    fix: ['Check processPath and arguments against the files in the site folder: the .dll name must match exactly.'],
    docs: `${ERRORS}#incorrect-arguments-of-aspnetcore-element`,
    rules: ['dotnet-without-arguments', 'dll-named-twice'],
    sources: [HOST_ERRORS],
  },
  {
    id: 'host-component-missing',
    meaning: 'A piece of the .NET host or runtime (hostfxr, hostpolicy, coreclr) is missing where it was looked for: an incomplete install or publish.',
    fix: ['A framework-dependent app: keep its .runtimeconfig.json (it names the framework) and install the Hosting Bundle.', 'A self-contained app: publish again with its RuntimeIdentifier and copy every file.', INSTALL_BUNDLE],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS],
  },
  {
    id: 'host-component-load-failed',
    meaning: 'A .NET host or runtime library exists but Windows could not load it: a missing dependency (such as the Visual C++ runtime), damage, or the wrong bitness.',
    fix: ['Repair the Hosting Bundle and install the latest Visual C++ Redistributable for the app pool\'s bitness.', 'A self-contained app: publish it again and replace all its files.'],
    docs: `${ERRORS}#incorrect-processpath-missing-path-variable-hosting-bundle-not-installed-systemiis-not-restarted-vc-redistributable-not-installed-or-dotnetexe-access-violation`,
    sources: [HOST_ERRORS],
  },
  {
    id: 'self-contained-app-incomplete',
    meaning: 'The host ran the app as self-contained (its .runtimeconfig.json names no framework) but the runtime is not in the app\'s folder.',
    fix: ['If the app is framework-dependent, deploy its original .runtimeconfig.json (with the framework it targets).', 'If it is self-contained, publish with a RuntimeIdentifier and --self-contained, and deploy every file.'],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS, 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp'],
  },
  {
    id: 'app-dependency-missing',
    meaning: 'The app\'s .deps.json is missing or invalid, or names a file that was not deployed.',
    fix: ['Publish the app again (dotnet publish) and deploy the whole publish folder, removing files left from older deployments.'],
    docs: `${TROUBLESHOOT}#clear-package-caches`,
    sources: [HOST_ERRORS],
  },
  {
    id: 'runtimeconfig-invalid',
    meaning: 'The app\'s .runtimeconfig.json cannot be read or is invalid.',
    fix: ['Deploy the .runtimeconfig.json that publishing produced; check it is valid JSON if it was edited.'],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS],
  },
  {
    id: 'apphost-not-bound',
    meaning: 'The app\'s .exe does not know which app to run (not built for this app, or a single-file bundle that failed to extract).',
    fix: ['Publish the app again and deploy its .exe and .dll together; do not copy an .exe from another build.'],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS],
  },
  // --- starting the app ---------------------------------------------------------------------------------------------
  {
    id: 'in-process-start-failed',
    meaning: 'ANCM failed to start the app in the worker process (HTTP 500.30); the message or event just before this one says why.',
    fix: ['Look at the Event Log entry (1007, 1031 or 1035) and the debug log lines just before: they carry the reason.', READ_STDOUT, RUN_BY_HAND],
    docs: `${TROUBLESHOOT}#50030-in-process-startup-failure`,
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'InProcessRequestHandler/dllmain.cpp', 'CommonLib/exceptions.h', `${ERRORS}#application-configuration-general-issue`],
  },
  {
    id: 'application-create-failed',
    meaning: 'ANCM could not create the application (event 1010); the ErrorCode in the message names the reason.',
    fix: ['Look up the ErrorCode (ancm explain 0x...).', 'Read the events and debug log lines logged just before.'],
    docs: `${TROUBLESHOOT}#failed-to-start-application-errorcode-0x800700c1`,
    sources: ['AspNetCore/applicationinfo.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'app-crashed-on-startup',
    meaning: 'The app\'s own code ended or threw before the server started: an exception in Program.cs or Startup, or Main returned.',
    fix: [READ_STDOUT, 'Fix the exception it shows (a configuration value, a connection string, a missing file or permission).', RUN_BY_HAND],
    docs: `${TROUBLESHOOT}#50030-in-process-startup-failure`,
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'clr-init-failed',
    meaning: 'The .NET runtime (coreclr) could not initialize or run the app\'s assembly.',
    fix: ['Read the HRESULT after "Failed to create CoreCLR": 0x8007000E is out of memory, 0x80070005 access denied.', 'Check the app pool\'s memory limits and that the app\'s files are complete and of one version.'],
    docs: HOST_ERROR_CODES_PAGE,
    sources: [HOST_ERRORS, 'dotnet/runtime src/native/corehost/hostpolicy/hostpolicy.cpp'],
  },
  {
    id: 'startup-timeout',
    meaning: 'The app did not start within startupTimeLimit (default 120 s), so ANCM gave up (HTTP 500.37 in-process, 502.5 out-of-process).',
    fix: ['Find what startup waits for (a database, a remote call, a large warm-up) in the stdout log.', 'Raise startupTimeLimit in web.config if the app really needs longer.', 'Stagger the start of many apps on one server.'],
    docs: `${TROUBLESHOOT}#50037-ancm-failed-to-start-within-startup-time-limit`,
    rules: ['startup-time-limit-zero'],
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'OutOfProcessRequestHandler/serverprocess.cpp'],
  },
  {
    id: 'stack-overflow',
    meaning: 'The app overflowed its thread\'s stack (0xC00000FD): usually infinite recursion, such as a property that calls itself.',
    fix: ['Find the repeating frames in the stdout log or a crash dump and break the recursion.', 'Only for genuinely deep recursion: raise the stackSize handler setting (in-process).'],
    docs: `${TROUBLESHOOT}#troubleshoot-on-iis`,
    rules: ['stack-size-decimal'],
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'clr-exception',
    meaning: 'A .NET exception nobody caught ended the app (exception code 0xE0434352).',
    fix: [READ_STDOUT, 'Fix the exception it shows; catch and log exceptions of background work.'],
    docs: `${TROUBLESHOOT}#troubleshoot-on-iis`,
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'CommonLib/resources.h', `${ERRORS}#an-x86-app-is-deployed-but-the-app-pool-isnt-enabled-for-32-bit-apps`],
  },
  {
    id: 'address-in-use',
    meaning: 'The app tried to listen on an address another process already uses (often a fixed URL or port in the app\'s own settings).',
    fix: ['Under IIS, let the app take the address ANCM gives it: remove UseUrls, Kestrel endpoints or ASPNETCORE_URLS set in the app.', 'Stop the other process that holds the port.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    rules: ['fixed-port-multiple-processes'],
    sources: [`${MODULE}`],
  },
  {
    id: 'process-start-failed',
    meaning: 'Out-of-process: ANCM could not start the app\'s process, or it ended before listening (events 1000 and 1020, HTTP 502.5).',
    fix: ['Read the captured output in event 1020 (or the stdout log): the host or the app says why.', RUN_BY_HAND, 'Check processPath and arguments.'],
    docs: `${TROUBLESHOOT}#5025-process-failure`,
    rules: ['process-path-dll', 'dotnet-without-arguments', 'dotnet-runs-exe'],
    sources: ['OutOfProcessRequestHandler/serverprocess.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'process-not-listening',
    meaning: 'Out-of-process: the app\'s process started but did not listen on the port ANCM gave it (it crashed, hung, or listens elsewhere).',
    fix: ['Let the app listen where ANCM says (UseIIS/UseIISIntegration, no fixed URLs).', READ_STDOUT],
    docs: `${TROUBLESHOOT}#5025-process-failure`,
    rules: ['fixed-port-multiple-processes', 'invalid-aspnetcore-port'],
    sources: ['OutOfProcessRequestHandler/serverprocess.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'port-setup-failed',
    meaning: 'Out-of-process: ANCM could not choose a port for the app\'s process (a fixed ASPNETCORE_PORT that is taken or out of range).',
    fix: ['Remove ASPNETCORE_PORT from the environment variables so ANCM picks a free port.'],
    docs: `${MODULE}#set-environment-variables`,
    rules: ['invalid-aspnetcore-port', 'fixed-port-multiple-processes'],
    sources: ['OutOfProcessRequestHandler/serverprocess.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'rapid-fail-protection',
    meaning: 'Out-of-process: the app\'s process failed too many times in a minute, so ANCM stopped starting it (event 1003).',
    fix: ['Find why each start fails (the events before this one), fix it, then recycle the app pool.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    sources: ['OutOfProcessRequestHandler/processmanager.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'worker-process-crashed',
    meaning: 'The IIS worker process itself ended abruptly (an access violation, a fail-fast, or a native crash).',
    fix: ['Find the faulting module in the Windows Application log (event 1000 of Application Error) or a crash dump.', 'Update or remove the native component it names; repair the Hosting Bundle if it is a .NET file.'],
    docs: `${TROUBLESHOOT}#troubleshoot-on-iis`,
    sources: [`${TROUBLESHOOT}`],
  },
  {
    id: 'out-of-memory',
    meaning: 'There was not enough memory for the runtime or the app (E_OUTOFMEMORY).',
    fix: ['Check the app pool\'s private memory limit and the server\'s free memory.', 'A 32-bit app pool has about 2 to 4 GB of address space: run 64-bit if the app needs more.'],
    docs: `${TROUBLESHOOT}#troubleshoot-on-iis`,
    sources: ['CommonLib/exceptions.h'],
  },
  {
    id: 'access-denied',
    meaning: 'Windows denied access (0x80070005): the app pool identity may not read the app, dotnet, or write the log folder.',
    fix: ['Grant the app pool identity (IIS AppPool\\<pool>) read on the site and dotnet folders and modify on the log folder.'],
    docs: `${ERRORS}#incorrect-role-aspnet-core-module-not-installed-or-incorrect-permissions`,
    sources: [`${ERRORS}`],
  },
  {
    id: 'null-service-stopped',
    meaning: 'A Windows service the runtime needs did not load: typically the "null" service is stopped (0x800701B1).',
    fix: ['Start the null service: sc.exe start null (and set it to start automatically).'],
    docs: `${TROUBLESHOOT}#failed-to-start-application-errorcode-0x800701b1`,
    sources: [`${TROUBLESHOOT}`],
  },
  {
    id: 'invalid-configuration-value',
    meaning: 'A value handed to ANCM or Windows was invalid (E_INVALIDARG): often a web.config value or environment variable out of range.',
    fix: ['Check the values the diagnostics flag in web.config (ports, numbers, time spans, environment variables).'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    rules: ['invalid-aspnetcore-port', 'invalid-number', 'invalid-time-span'],
    sources: ['CommonLib/exceptions.h'],
  },
  // --- logs, shutdown and requests ----------------------------------------------------------------------------------
  {
    id: 'stdout-log-not-created',
    meaning: 'ANCM could not create the stdout log file: its folder does not exist or the app pool identity may not write there.',
    fix: ['Create the folder of stdoutLogFile (ANCM creates the file, not always the folder).', 'Grant the app pool identity modify rights on it.'],
    docs: `${ERRORS}#stdout-log-path-incorrect`,
    rules: ['stdout-log-file-folder', 'empty-stdout-log-file'],
    sources: ['CommonLib/RedirectionOutput.cpp', 'OutOfProcessRequestHandler/serverprocess.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'stdout-reader-timeout',
    meaning: 'ANCM stopped waiting for the thread that copies the app\'s stdout/stderr, so the end of that output may be missing.',
    fix: ['Usually harmless at shutdown; raise ASPNETCORE_OUTPUT_REDIRECTION_TERMINATION_TIMEOUT_MS (0-1800000) if output is cut off.'],
    docs: `${MODULE}#log-creation-and-redirection`,
    sources: ['CommonLib/StandardStreamRedirection.cpp'],
  },
  {
    id: 'invalid-output-redirection-timeout',
    meaning: 'ASPNETCORE_OUTPUT_REDIRECTION_TERMINATION_TIMEOUT_MS is not a whole number from 0 to 1800000, so ANCM ignores it.',
    fix: ['Set it to a whole number of milliseconds from 0 to 1800000, or remove it.'],
    docs: `${MODULE}#log-creation-and-redirection`,
    sources: ['CommonLib/StandardStreamRedirection.cpp'],
  },
  {
    id: 'app-offline',
    meaning: 'app_offline.htm is in the site folder, so ANCM stopped the app and answers with that file (HTTP 503).',
    fix: ['Remove app_offline.htm when the deployment is done.'],
    docs: `${MODULE}#app_offlinehtm`,
    sources: ['AspNetCore/applicationinfo.cpp', 'RequestHandlerLib/AppOfflineTrackingApplication.cpp'],
  },
  {
    id: 'app-offline-monitor-failed',
    meaning: 'ANCM could not watch the site folder for app_offline.htm (event 1024), so dropping that file will not stop the app.',
    fix: ['Check that the app pool identity may read the site folder and that it is not on a share that does not support change notifications.'],
    docs: `${MODULE}#app_offlinehtm`,
    sources: ['RequestHandlerLib/AppOfflineTrackingApplication.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'app-shutting-down',
    meaning: 'The app is stopping (a recycle, a configuration change, app_offline.htm or IIS shutting down), so ANCM refused the request (HTTP 503).',
    fix: ['Retry after the restart; if it never comes back, look for the failure of the next start.'],
    docs: `${MODULE}`,
    sources: ['AspNetCore/applicationmanager.cpp', 'OutOfProcessRequestHandler/forwardinghandler.cpp'],
  },
  {
    id: 'app-pool-stopped',
    meaning: 'The application pool is stopped (IIS answers 503 with no ANCM log at all); rapid-fail protection stops a pool whose workers keep crashing.',
    fix: ['Start the application pool; if IIS stopped it, find the crash in the System and Application logs first.'],
    docs: `${ERRORS}#stopped-application-pool`,
    sources: [`${ERRORS}`],
  },
  {
    id: 'graceful-shutdown-failed',
    meaning: 'The app did not stop within shutdownTimeLimit, so ANCM ended it (events 1005).',
    fix: ['Make hosted services and shutdown handlers finish quickly, or raise shutdownTimeLimit.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    sources: ['InProcessRequestHandler/inprocessapplication.cpp', 'OutOfProcessRequestHandler/serverprocess.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'recycle-failed',
    meaning: 'ANCM could not restart the app after a configuration change, so it recycles the whole worker process (event 1022).',
    fix: ['Usually transient; if it repeats, look for the failure of the next start.'],
    docs: `${MODULE}`,
    sources: ['AspNetCore/applicationmanager.cpp', 'CommonLib/resources.h'],
  },
  {
    id: 'shadow-copy-failed',
    meaning: 'ANCM could not copy the app to its shadow copy folder (experimental shadow copying).',
    fix: ['Check the shadowCopyDirectory handler setting points at a writable folder with room, or turn shadow copying off.'],
    docs: MODULE,
    sources: ['AspNetCore/applicationinfo.cpp'],
  },
  {
    id: 'websocket-failed',
    meaning: 'Out-of-process: a WebSocket connection between IIS and the app broke (often the client or the app closed it).',
    fix: ['Usually a closed connection; if every WebSocket fails, check that the WebSocket Protocol feature of IIS is installed.'],
    docs: `${MODULE}`,
    sources: ['OutOfProcessRequestHandler/websockethandler.cpp'],
  },
  {
    id: 'request-timeout',
    meaning: 'Out-of-process: the app did not answer a request within requestTimeout (HTTP 502.3).',
    fix: ['Find the slow request in the app\'s logs, or raise requestTimeout (default 2 minutes) in web.config.'],
    docs: `${MODULE}#attributes-of-the-aspnetcore-element`,
    sources: ['OutOfProcessRequestHandler/forwardinghandler.cpp'],
  },
  {
    id: 'backend-connection-failed',
    meaning: 'Out-of-process: IIS lost the connection to the app\'s process during a request (it crashed, restarted or closed it): HTTP 502.3.',
    fix: ['Look for a crash or restart of the app at that time (stdout log, events 1000/1020).'],
    docs: `${TROUBLESHOOT}#5025-process-failure`,
    sources: ['OutOfProcessRequestHandler/forwardinghandler.cpp'],
  },
  {
    id: 'module-call-failed',
    meaning: 'A call inside ANCM failed; this line traces it, and the HRESULT on it and the message or event just before tell the cause.',
    fix: ['Look up the HRESULT on the line (ancm explain 0x...).', 'Read the Event Log entries of the same moment.'],
    docs: `${TROUBLESHOOT}#troubleshoot-on-iis`,
    sources: ['CommonLib/exceptions.h'],
  },
];

const BY_ID = new Map(FAILURE_CAUSES.map((cause) => [cause.id, cause]));

export function findFailureCause(id: string): FailureCause | undefined {
  return BY_ID.get(id);
}
