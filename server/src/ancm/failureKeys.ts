// What a user meets, pointing at failureCauses.ts: an error page's status.substatus, an HRESULT (or a .NET host error
// code), an ANCM Event Log id, a catalog message (debugLogCatalog.ts) and the texts the .NET host and ANCM write that are
// not in the catalog. A key lists its causes most likely first; where a key alone is not enough to tell (500.30, an
// HRESULT such as 0x80070002), the first is the one a log viewer shows and the rest are what else to check.
//
// Sources: ANCM's files are named relative to src/Servers/IIS/AspNetCoreModuleV2/ in dotnet/aspnetcore; the host's
// codes come from dotnet/runtime docs/design/features/host-error-codes.md (names and meanings, reworded); the Windows
// codes are winerror.h / ntstatus.h values.

export interface StatusCodeKey {
  /** status.substatus as the error page shows it ("500.31"), or the status alone ("503"). */
  readonly code: string;
  /** The error page's title. */
  readonly title: string;
  readonly causes: readonly string[];
  readonly source: string;
}

const HANDLER_RESOLVER = 'AspNetCore/HandlerResolver.cpp';

export const STATUS_CODE_KEYS: readonly StatusCodeKey[] = [
  { code: '500.0', title: 'ANCM In-Process Handler Load Failure (also a configuration load failure)', causes: ['config-load-failed', 'in-process-handler-not-found', 'unknown-hosting-model', 'missing-process-path', 'executable-not-found', 'dotnet-arguments-not-app'], source: `AspNetCore/applicationinfo.cpp, ${HANDLER_RESOLVER}` },
  { code: '500.19', title: 'The related configuration data for the page is invalid', causes: ['config-invalid', 'module-not-installed', 'access-denied'], source: 'IIS (azure-iis-errors-reference)' },
  { code: '500.21', title: 'Handler has a bad module in its module list', causes: ['unknown-module', 'module-not-installed'], source: 'IIS' },
  { code: '500.30', title: 'ANCM In-Process Start Failure', causes: ['in-process-start-failed', 'app-crashed-on-startup', 'clr-exception', 'framework-not-found', 'access-denied'], source: 'InProcessRequestHandler/dllmain.cpp' },
  { code: '500.31', title: 'ANCM Failed to Find Native Dependencies', causes: ['framework-not-found', 'dotnet-arguments-not-app'], source: HANDLER_RESOLVER },
  { code: '500.32', title: 'ANCM Failed to Load dll', causes: ['bitness-mismatch', 'host-component-load-failed'], source: HANDLER_RESOLVER },
  { code: '500.33', title: 'ANCM Request Handler Load Failure', causes: ['request-handler-not-referenced'], source: HANDLER_RESOLVER },
  { code: '500.34', title: 'ANCM Mixed Hosting Models Not Supported', causes: ['mixed-hosting-models'], source: HANDLER_RESOLVER },
  { code: '500.35', title: 'ANCM Multiple In-Process Applications in same Process', causes: ['multiple-in-process-apps'], source: HANDLER_RESOLVER },
  { code: '500.36', title: 'ANCM Out-Of-Process Handler Load Failure', causes: ['out-of-process-handler-not-found'], source: HANDLER_RESOLVER },
  { code: '500.37', title: 'ANCM Failed to Start Within Startup Time Limit', causes: ['startup-timeout'], source: 'InProcessRequestHandler/inprocessapplication.cpp' },
  { code: '500.38', title: 'ANCM Application DLL Not Found', causes: ['application-dll-not-found'], source: 'CommonLib/HostFxrResolver.cpp' },
  { code: '502.3', title: 'Bad Gateway: the request forwarded to the app failed', causes: ['request-timeout', 'backend-connection-failed'], source: 'OutOfProcessRequestHandler/forwardinghandler.cpp' },
  { code: '502.5', title: 'ANCM Out-Of-Process Startup Failure (Process Failure)', causes: ['process-start-failed', 'framework-not-found', 'process-not-listening', 'startup-timeout', 'dotnet-arguments-not-app'], source: 'OutOfProcessRequestHandler/forwardinghandler.cpp' },
  { code: '503', title: 'Service Unavailable', causes: ['app-offline', 'app-shutting-down', 'app-pool-stopped', 'rapid-fail-protection'], source: 'AspNetCore/applicationinfo.cpp, OutOfProcessRequestHandler/forwardinghandler.cpp' },
];

export interface HresultKey {
  /** The code as an unsigned 32-bit number. */
  readonly code: number;
  readonly name: string;
  /** One line: what the code says. */
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly source: string;
}

const HOST_CODES = 'dotnet/runtime docs/design/features/host-error-codes.md';

function host(low: number, name: string, meaning: string, causes: readonly string[]): HresultKey {
  return { code: 0x80008000 + low, name, meaning, causes, source: HOST_CODES };
}

/** The .NET host's failure codes in the range ANCM meets (0x80008081-0x8000809C), as listed in host-error-codes.md. */
export const HOST_ERROR_KEYS: readonly HresultKey[] = [
  host(0x81, 'InvalidArgFailure', 'One or more arguments are invalid (dotnet returns it when the app to run does not exist).', ['host-invalid-arguments', 'application-dll-not-found']),
  host(0x82, 'CoreHostLibLoadFailure', 'A hosting component could not be loaded: a missing dependency (such as the C runtime) or a damaged install.', ['host-component-load-failed']),
  host(0x83, 'CoreHostLibMissingFailure', 'A hosting component (hostfxr, hostpolicy or coreclr) is missing where it was expected.', ['host-component-missing', 'self-contained-app-incomplete']),
  host(0x84, 'CoreHostEntryPointFailure', 'A hosting component lacks a required entry point.', ['host-component-load-failed', 'hosting-version-mismatch']),
  host(0x85, 'CoreHostCurHostFindFailure', 'The host could not find its own location or the .NET installation around it.', ['host-component-missing']),
  host(0x87, 'CoreClrResolveFailure', 'The coreclr library was not found (not in the .deps.json, or not on disk).', ['host-component-missing', 'app-dependency-missing']),
  host(0x88, 'CoreClrBindFailure', 'The coreclr library could not be loaded, or lacks a required entry point.', ['host-component-load-failed']),
  host(0x89, 'CoreClrInitFailure', 'coreclr_initialize failed; the message carries the runtime\'s own error.', ['clr-init-failed', 'out-of-memory']),
  host(0x8a, 'CoreClrExeFailure', 'coreclr could not run the app\'s assembly (not the app\'s own exit code).', ['clr-init-failed']),
  host(0x8b, 'ResolverInitFailure', 'The dependency resolver failed: a .deps.json is missing or invalid.', ['app-dependency-missing']),
  host(0x8c, 'ResolverResolveFailure', 'A file listed in a .deps.json could not be found or resolved.', ['app-dependency-missing']),
  host(0x8e, 'LibHostInitFailure', 'hostpolicy could not be initialized: hostfxr and hostpolicy of incompatible versions.', ['hosting-version-mismatch']),
  host(0x91, 'LibHostSdkFindFailure', 'No SDK was found for an SDK command: dotnet read its arguments as a command, not an app.', ['dotnet-arguments-not-app']),
  host(0x92, 'LibHostInvalidArgs', 'The arguments given to hostpolicy are invalid (for instance no app assembly).', ['host-invalid-arguments']),
  host(0x93, 'InvalidConfigFile', 'The .runtimeconfig.json (or .runtimeconfig.dev.json) is invalid.', ['runtimeconfig-invalid']),
  host(0x94, 'AppArgNotRunnable', 'The command line names no app to run (an internal code that means an SDK command).', ['dotnet-arguments-not-app']),
  host(0x95, 'AppHostExeNotBoundFailure', 'The app\'s .exe does not know which app to run, or a single-file bundle failed to extract.', ['apphost-not-bound']),
  host(0x96, 'FrameworkMissingFailure', 'No compatible version of a framework the app references was found.', ['framework-not-found']),
  host(0x97, 'HostApiFailed', 'A host API failed: hostfxr_get_native_search_directories could not compute the native search directories.', ['framework-not-found', 'app-dependency-missing']),
  host(0x98, 'HostApiBufferTooSmall', 'A buffer given to a host API was too small.', ['hosting-version-mismatch']),
  host(0x9a, 'AppPathFindFailure', 'The app path imprinted in the app\'s .exe does not exist: the app\'s .dll is missing.', ['application-dll-not-found']),
  host(0x9b, 'SdkResolveFailure', 'The requested SDK was not found.', ['dotnet-arguments-not-app']),
  host(0x9c, 'FrameworkCompatFailure', 'The app references versions of one framework that are not compatible with each other.', ['framework-incompatible']),
];

function win32(code: number, name: string, meaning: string, causes: readonly string[], source = 'winerror.h'): HresultKey {
  return { code: code >>> 0, name, meaning, causes, source };
}

export const HRESULT_KEYS: readonly HresultKey[] = [
  win32(0x800700c1, 'ERROR_BAD_EXE_FORMAT (193)', 'Not a valid program for this process: a .dll or .exe of the other bitness.', ['bitness-mismatch'], 'winerror.h; troubleshoot-azure-iis "Failed to start application (ErrorCode \'0x800700c1\')"'),
  win32(0x8007023e, 'ERROR_UNHANDLED_EXCEPTION (574)', 'ANCM caught an exception while starting the app; every exception it catches becomes this code, so the line before says which.', ['in-process-start-failed'], 'CommonLib/exceptions.h'),
  win32(0x80070002, 'ERROR_FILE_NOT_FOUND (2)', 'A file was not found: the program in processPath, the app\'s .dll, or dotnet.exe.', ['executable-not-found', 'application-dll-not-found', 'dotnet-not-found']),
  win32(0x80070003, 'ERROR_PATH_NOT_FOUND (3)', 'A folder in a path does not exist: often the stdout log folder, or a processPath folder.', ['stdout-log-not-created', 'executable-not-found']),
  win32(0x80070005, 'E_ACCESSDENIED (5)', 'Access denied to a file or folder.', ['access-denied']),
  win32(0x8007000e, 'E_OUTOFMEMORY (14)', 'Not enough memory.', ['out-of-memory']),
  win32(0x80070057, 'E_INVALIDARG (87)', 'An invalid argument or value.', ['invalid-configuration-value']),
  win32(0x8007007e, 'ERROR_MOD_NOT_FOUND (126)', 'A DLL, or a DLL it depends on, could not be found.', ['host-component-load-failed']),
  win32(0x8007007f, 'ERROR_PROC_NOT_FOUND (127)', 'A DLL lacks a function the caller expects: components of different versions.', ['hosting-version-mismatch']),
  win32(0x800701b1, 'ERROR_DEVICE_NOT_CONNECTED (433)', 'A device or service is not available: typically the "null" service is stopped.', ['null-service-stopped'], 'winerror.h; troubleshoot-azure-iis "Failed to start application (ErrorCode \'0x800701b1\')"'),
  win32(0x800704e7, 'ERROR_SERVER_SHUTDOWN_IN_PROGRESS (1255)', 'ANCM is shutting the application down and refuses new work.', ['app-shutting-down'], 'winerror.h; AspNetCore/applicationmanager.cpp'),
  win32(0x800705b4, 'ERROR_TIMEOUT (1460)', 'A wait timed out: out-of-process, the app did not listen within startupTimeLimit.', ['startup-timeout'], 'winerror.h; OutOfProcessRequestHandler/serverprocess.cpp'),
  win32(0x80072ee2, 'ERROR_WINHTTP_TIMEOUT (12002)', 'The app did not answer a forwarded request in time (requestTimeout).', ['request-timeout'], 'winhttp.h; OutOfProcessRequestHandler/forwardinghandler.cpp'),
  win32(0x80072efd, 'ERROR_WINHTTP_CANNOT_CONNECT (12029)', 'IIS could not connect to the app\'s process.', ['backend-connection-failed', 'process-not-listening'], 'winhttp.h'),
  win32(0x80072efe, 'ERROR_WINHTTP_CONNECTION_ERROR (12030)', 'The connection to the app\'s process was reset or closed.', ['backend-connection-failed'], 'winhttp.h'),
  win32(0x80072f78, 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE (12152)', 'The app\'s process sent an answer IIS could not read (or closed the connection mid-answer).', ['backend-connection-failed'], 'winhttp.h'),
  win32(0x8000ffff, 'E_UNEXPECTED', 'ANCM\'s answer when hostfxr lists no native dependencies for the app: a missing framework or wrong arguments.', ['framework-not-found', 'dotnet-arguments-not-app'], `${HANDLER_RESOLVER}; azure-iis-errors-reference`),
  win32(0x80004005, 'E_FAIL', 'Unspecified failure: the reason is in the text around it (ANCM V1 writes the process exit code after " : ").', []),
  win32(0xe0434352, 'CLR exception', 'The exception code Windows gives a .NET exception nobody caught.', ['clr-exception'], 'InProcessRequestHandler/inprocessapplication.cpp; azure-iis-errors-reference'),
  win32(0xc00000fd, 'STATUS_STACK_OVERFLOW', 'A thread overflowed its stack.', ['stack-overflow'], 'ntstatus.h'),
  win32(0xc0000005, 'STATUS_ACCESS_VIOLATION', 'Native code read or wrote memory it may not: the process crashed.', ['worker-process-crashed'], 'ntstatus.h'),
  win32(0xc0000409, 'STATUS_STACK_BUFFER_OVERRUN', 'The process ended itself at once (a fail-fast, or a detected memory corruption).', ['worker-process-crashed'], 'ntstatus.h'),
  win32(0xc0000135, 'STATUS_DLL_NOT_FOUND', 'A DLL the program needs was not found when it started (for instance the Visual C++ runtime).', ['host-component-load-failed'], 'ntstatus.h'),
  ...HOST_ERROR_KEYS,
];

export interface AncmEventKey {
  readonly id: number;
  /** The symbolic name in CommonLib/aspnetcore_msg.mc. */
  readonly symbol: string;
  readonly meaning: string;
  /** Empty for an event that reports no failure, or whose text alone tells (the general events 1025-1027). */
  readonly causes: readonly string[];
}

function event(id: number, symbol: string, meaning: string, causes: readonly string[] = []): AncmEventKey {
  return { id, symbol: `ASPNETCORE_EVENT_${symbol}`, meaning, causes };
}

/** ANCM's Event Log ids (CommonLib/aspnetcore_msg.mc), with the templates of CommonLib/resources.h they carry. */
export const ANCM_EVENT_KEYS: readonly AncmEventKey[] = [
  event(1000, 'PROCESS_START_ERROR', 'Out-of-process: one attempt to start the app\'s process failed, or it did not listen (a warning; the next event says if all failed).', ['process-start-failed', 'process-not-listening', 'port-setup-failed']),
  event(1001, 'PROCESS_START_SUCCESS', 'Out-of-process: the app\'s process started and listens.'),
  event(1003, 'RAPID_FAIL_COUNT_EXCEEDED', 'Out-of-process: the app\'s process failed too often in a minute; ANCM stopped starting it.', ['rapid-fail-protection']),
  event(1004, 'CONFIG_ERROR', 'A configuration problem, such as a stdout log file that could not be created.', ['stdout-log-not-created']),
  event(1005, 'GRACEFUL_SHUTDOWN_FAILURE', 'The app did not shut down within shutdownTimeLimit.', ['graceful-shutdown-failed']),
  event(1006, 'SENT_SHUTDOWN_HTTP_REQUEST', 'Out-of-process: ANCM asked the app\'s process to shut down.'),
  event(1007, 'LOAD_CLR_FAILURE', 'In-process: the app failed to start; the exception message says why.', ['in-process-start-failed']),
  event(1008, 'DUPLICATED_INPROCESS_APP', 'A second in-process app in one app pool.', ['multiple-in-process-apps']),
  event(1009, 'MIXED_HOSTING_MODEL_ERROR', 'Apps of one app pool use different hosting models.', ['mixed-hosting-models']),
  event(1010, 'ADD_APPLICATION_ERROR', 'ANCM could not create the application; the ErrorCode says why.', ['application-create-failed']),
  event(1011, 'INPROCESS_THREAD_EXIT', 'In-process: the app\'s Main returned (its exit code is in the message).', ['app-crashed-on-startup']),
  event(1012, 'RECYCLE_APPOFFLINE', 'The app was stopped because app_offline.htm appeared.', ['app-offline']),
  event(1013, 'MODULE_DISABLED', 'The ASP.NET Core Module is disabled.', ['module-disabled']),
  event(1018, 'INPROCESS_THREAD_EXCEPTION', 'In-process: an unhandled exception ended the app (its exception code is in the message).', ['clr-exception', 'stack-overflow']),
  event(1020, 'PROCESS_START_FAILURE', 'Out-of-process: every attempt to start the app\'s process failed; the captured output follows.', ['process-start-failed']),
  event(1021, 'RECYCLE_CONFIGURATION', 'The app was recycled after a configuration change.'),
  event(1022, 'RECYCLE_APP_FAILURE', 'ANCM could not recycle the app after a configuration change and recycles the worker process.', ['recycle-failed']),
  event(1024, 'MONITOR_APPOFFLINE_ERROR', 'ANCM could not watch the site for app_offline.htm.', ['app-offline-monitor-failed']),
  event(1025, 'GENERAL_INFO', 'General information: the text tells.'),
  event(1026, 'GENERAL_WARNING', 'A general warning (such as stdout redirection that could not start): the text tells.'),
  event(1027, 'GENERAL_ERROR', 'A general error (a missing framework, a hostfxr that could not load, no request handler): the text tells.'),
  event(1028, 'INPROCESS_RH_MISSING', 'The in-process request handler was not found.', ['in-process-handler-not-found']),
  event(1029, 'OUT_OF_PROCESS_RH_MISSING', 'The out-of-process request handler was not found next to the module.', ['out-of-process-handler-not-found']),
  event(1030, 'PROCESS_SHUTDOWN', 'Out-of-process: the app\'s process was shut down.'),
  event(1031, 'INPROCESS_START_ERROR', 'In-process: the app\'s startup parameters could not be resolved; the exception message says why.', ['in-process-start-failed']),
  event(1032, 'INPROCESS_START_SUCCESS', 'In-process: the app started.'),
  event(1033, 'APP_SHUTDOWN_SUCCESSFUL', 'The app shut down.'),
  { id: 1034, symbol: 'ASPNETCORE_CONFIGURATION_LOAD_ERROR', meaning: 'ANCM could not load its configuration from web.config; the exception message names the value.', causes: ['config-load-failed', 'unknown-hosting-model', 'missing-process-path'] },
  event(1035, 'INPROCESS_THREAD_EXIT_STDOUT', 'In-process: the app\'s Main returned; its last output follows.', ['app-crashed-on-startup']),
  event(1036, 'DEBUG_LOG', 'A debug log line written to the Event Log (debugLevel EVENTLOG).'),
];

/**
 * Catalog messages (debugLogCatalog.ts) with the causes they mean: each key is a piece of the format, unique enough to
 * find its entries. Every ERROR or WARNING debug-log message and every error or warning Event Log template is here
 * (a test checks), and a few information messages that still explain a failure.
 */
export const CATALOG_KEYS: readonly (readonly [formatPiece: string, causes: readonly string[]])[] = [
  // CommonLib/exceptions.h: traces of a failed call; the HRESULT on the line and the lines before tell more.
  ['Unhandled non-standard exception', ['module-call-failed']],
  ['Operation failed with LastError', ['module-call-failed']],
  ['caught at %s:%d', ['module-call-failed']],
  ['Failed HRESULT returned', ['module-call-failed']],
  ['Failed error_code returned', ['module-call-failed']],
  ['Throwing ResultException', ['module-call-failed']],
  ['to shadow copy directory %s. Error', ['shadow-copy-failed']],
  ["Failed to recycle application '%ls'", ['recycle-failed']],
  ["Failed to stop application '%ls'", ['recycle-failed']],
  ['Thread reading stdout/err hit timeout', ['stdout-reader-timeout']],
  ['ASPNETCORE_OUTPUT_REDIRECTION_TERMINATION_TIMEOUT_MS must be', ['invalid-output-redirection-timeout']],
  // OutOfProcessRequestHandler/websockethandler.cpp
  ['Process Request Failed with HR', ['websocket-failed']],
  ['failed with %08x', ['websocket-failed']],
  ['failed with HR=%08x', ['websocket-failed']],
  ['OnWinHttpIoError HR', ['websocket-failed']],
  ['Detected app_offline file', ['app-offline']],
  ['dotnet.exe not found', ['dotnet-not-found']],
  // Event Log templates (CommonLib/resources.h).
  ["Could not find 'aspnetcorev2_inprocess.dll'", ['in-process-handler-not-found']],
  ['for out-of-process application. Please confirm', ['out-of-process-handler-not-found']],
  ['Unable to locate application dependencies', ['framework-not-found']],
  ['Only one in-process application is allowed', ['multiple-in-process-apps']],
  ['Mixed hosting model is not supported', ['mixed-hosting-models']],
  ["Failed to start application '%s', ErrorCode", ['application-create-failed']],
  ['Could not load configuration', ['config-load-failed']],
  ['Failed to recycle application after a configuration change', ['recycle-failed']],
  ['AspNetCore Module is disabled', ['module-disabled']],
  ["does not support 'hostfxr_get_native_search_directories'", ['hosting-version-mismatch']],
  ['bitness mismatch between IIS application pool', ['bitness-mismatch']],
  ["Application '%s' failed to start. Exception message", ['in-process-start-failed']],
  ['Could not start stdout file redirection', ['stdout-log-not-created']],
  ['failed to load coreclr', ['in-process-start-failed']],
  ['failed to load clr and managed application', ['in-process-start-failed']],
  ['has exited from Program.Main', ['app-crashed-on-startup']],
  ['hit unexpected managed exception', ['clr-exception']],
  ['Failed to gracefully shutdown', ['graceful-shutdown-failed']],
  ['Failed to monitor app_offline.htm', ['app-offline-monitor-failed']],
  ['was recycled after detecting app_offline.htm', ['app-offline']],
  ['Maximum rapid fail count per minute', ['rapid-fail-protection']],
  ["failed to start process with commandline '%s' at stage", ['process-start-failed']],
  ['failed to start process with commandline', ['process-start-failed']],
  ['but failed to listen on the given port', ['process-not-listening']],
  ['but either crashed, did not respond, or did not listen', ['process-not-listening']],
  ['Could not create stdoutLogFile', ['stdout-log-not-created']],
  ['failed to choose listen port', ['port-setup-failed']],
];

export interface PhraseKey {
  /** A literal, or literals that must follow each other on one line (a value between them). */
  readonly text: string | readonly string[];
  readonly causes: readonly string[];
  readonly source: string;
  /** Only at the start of a message (a short text that could appear inside another). */
  readonly atStart?: boolean;
}

const FX_RESOLVER = 'dotnet/runtime src/native/corehost/fxr/fx_resolver.messages.cpp';
const FX_MUXER = 'dotnet/runtime src/native/corehost/fxr/fx_muxer.cpp';
const HOSTFXR_RESOLVER = 'CommonLib/HostFxrResolver.cpp';
const IN_PROCESS = 'InProcessRequestHandler/inprocessapplication.cpp';
const ERRORS_REFERENCE = 'azure-iis-errors-reference';

/** Texts that are not catalog messages: the .NET host's, exceptions ANCM throws, newer templates, the runtime's own. */
export const PHRASE_KEYS: readonly PhraseKey[] = [
  { text: 'It was not possible to find any compatible framework version', causes: ['framework-not-found'], source: FX_RESOLVER },
  // The .NET 6+ wording: the first line, then "Framework: 'NAME', version 'VERSION' (ARCH)" on a line of its own.
  { text: 'You must install or update .NET to run this application', causes: ['framework-not-found'], source: FX_RESOLVER },
  { text: ["Framework: '", "', version '"], causes: ['framework-not-found'], source: FX_RESOLVER, atStart: true },
  { text: ["framework '", 'was not found'], causes: ['framework-not-found'], source: FX_RESOLVER },
  { text: 'Invoking hostfxr to find the inprocess request handler failed', causes: ['framework-not-found'], source: `AspNetCore/HandlerResolver.cpp (2.2); ${ERRORS_REFERENCE}` },
  { text: 'Could not find inprocess request handler', causes: ['in-process-handler-not-found'], source: `AspNetCore/HandlerResolver.cpp (2.2); ${ERRORS_REFERENCE}` },
  { text: 'referenced for the in-process application', causes: ['request-handler-not-referenced'], source: 'CommonLib/resources.h' },
  { text: 'A fatal error was encountered', causes: ['host-failed'], source: FX_MUXER },
  { text: 'Failed to run as a self-contained app', causes: ['self-contained-app-incomplete'], source: FX_MUXER },
  { text: 'did not specify a framework', causes: ['self-contained-app-incomplete'], source: FX_MUXER },
  { text: 'required to execute the application was not found', causes: ['host-component-missing'], source: FX_MUXER },
  { text: 'Failed to create CoreCLR, HRESULT', causes: ['clr-init-failed'], source: 'dotnet/runtime src/native/corehost/hostpolicy/hostpolicy.cpp' },
  { text: 'An assembly specified in the application dependencies manifest', causes: ['app-dependency-missing'], source: 'dotnet/runtime src/native/corehost/hostpolicy/deps_resolver.cpp' },
  { text: 'The application to execute does not exist', causes: ['application-dll-not-found'], source: FX_MUXER },
  { text: 'Did you mean to run dotnet SDK commands?', causes: ['dotnet-arguments-not-app'], source: `${FX_MUXER}; ${ERRORS_REFERENCE}` },
  { text: 'Provided application path does not exist', causes: ['application-dll-not-found'], source: 'CommonLib/resources.h' },
  { text: 'Application .dll was not found at', causes: ['application-dll-not-found'], source: HOSTFXR_RESOLVER },
  { text: 'Executable was not found at', causes: ['executable-not-found'], source: HOSTFXR_RESOLVER },
  { text: "doesn't have '.exe' extension", causes: ['process-path-not-exe'], source: HOSTFXR_RESOLVER },
  { text: 'Application arguments are empty.', causes: ['dotnet-arguments-not-app'], source: HOSTFXR_RESOLVER },
  { text: 'Could not find dotnet.exe at', causes: ['dotnet-not-found'], source: HOSTFXR_RESOLVER },
  { text: 'Unable to find hostfxr directory at', causes: ['hostfxr-not-found'], source: HOSTFXR_RESOLVER },
  { text: "doesn't contain any version subdirectories", causes: ['hostfxr-not-found'], source: HOSTFXR_RESOLVER },
  { text: "Unknown hosting model '", causes: ['unknown-hosting-model'], source: 'AspNetCore/ShimOptions.cpp' },
  { text: "Attribute 'processPath' is required.", causes: ['missing-process-path'], source: 'AspNetCore/ShimOptions.cpp' },
  { text: 'Unable to get required configuration section', causes: ['config-section-missing'], source: 'CommonLib/ConfigurationSection.cpp' },
  { text: 'Error occurred when initializing in-process application', causes: ['in-process-start-failed'], source: IN_PROCESS },
  { text: 'CLR worker thread exited prematurely', causes: ['app-crashed-on-startup'], source: IN_PROCESS },
  { text: "Managed server didn't initialize after", causes: ['startup-timeout'], source: IN_PROCESS },
  { text: 'hit unexpected managed background thread exit', causes: ['app-crashed-on-startup'], source: `${IN_PROCESS} (2.2)` },
  { text: 'Application startup exception', causes: ['app-crashed-on-startup'], source: 'Microsoft.AspNetCore.Hosting (HostingLoggerExtensions)' },
  { text: 'Could not start stdout redirection', causes: ['stdout-log-not-created'], source: `CommonLib/FileOutputManager.cpp (3.0); ${ERRORS_REFERENCE}` },
  { text: 'An attempt was made to load a program with an incorrect format', causes: ['bitness-mismatch'], source: `BadImageFormatException; ${ERRORS_REFERENCE}` },
  { text: 'Unhandled exception.', causes: ['clr-exception'], source: 'the .NET runtime\'s unhandled-exception text' },
  { text: 'Unhandled Exception:', causes: ['clr-exception'], source: 'the .NET runtime\'s unhandled-exception text (before .NET 5)' },
  { text: 'The process was terminated due to an unhandled exception', causes: ['clr-exception'], source: 'the .NET runtime (Windows Event Log, .NET Runtime event 1026)' },
  { text: 'Stack overflow.', causes: ['stack-overflow'], source: 'the .NET runtime\'s stack overflow text', atStart: true },
  { text: 'OutOfMemoryException', causes: ['out-of-memory'], source: 'System.OutOfMemoryException' },
  { text: 'address already in use', causes: ['address-in-use'], source: 'Kestrel (Microsoft.AspNetCore.Connections.AddressInUseException)' },
  { text: 'AddressInUseException', causes: ['address-in-use'], source: 'Kestrel' },
  { text: ['terminated unexpectedly', 'exit code'], causes: ['worker-process-crashed'], source: 'WAS event 5009' },
];
