// ANCM's own debug-log messages and the level each is written at, so a viewer can filter lines that carry no level.
//
// Format facts (dotnet/aspnetcore, src/Servers/IIS/AspNetCoreModuleV2/, read for this catalog):
// - CommonLib/debugutil.h: LOG_TRACE/LOG_INFO/LOG_WARN/LOG_ERROR (and the ...F printf variants) call DebugPrintW/DebugPrintfW
//   with the TRACE/INFO/WARNING/ERROR flag; the line itself never names the level (CommonLib/debugutil.cpp DebugPrintW).
// - CommonLib/exceptions.h: LogHResultFailed ("Failed HRESULT returned: ..."), LogLastError, ReportException ("... caught at"),
//   ReportUntypedException and ThrowResultException all print at ERROR. Their location is LOCATION_FORMAT "%s:%d ", which
//   LogLastError and ReportUntypedException put *before* the text. TraceHRESULT/TraceException raise ETW events only.
// - CommonLib/EventLog.cpp LogEvent: every event is echoed as "Event Log: '<message>' \r\nEnd Event Log Message." at ERROR for
//   EVENTLOG_ERROR_TYPE and at INFO otherwise, warnings included. Event texts are the *_MSG templates of CommonLib/resources.h;
//   the event type comes from the EventLog::Error/Warn/Info call site.
// - Texts changed over releases; older texts seen in released logs are kept next to the current ones (marked "older").
//   One level changed: AspNetCore/applicationinfo.cpp logged "Stopping application" with LOG_ERRORF in 2.2 and LOG_INFOF now;
//   the catalog gives today's level.
//
// Matching: a format string becomes literal segments with a lenient wildcard for each printf conversion (%s, %ls, %d, %x,
// %08x, ...), anchored at the start of the message and open at the end (a message may go on over continuation lines).
// Segments are found left to right with indexOf, which is exact for this pattern shape and cannot backtrack.
// Lookup is by the message's first three characters, then by one more character that tells those formats apart, so a
// line usually tests one or two formats.

import type { AncmLevel } from '../protocol/levels';

export interface DebugLogMessage {
  /** The printf format from ANCM's source; for an `Event Log:` line, the event's message template. */
  readonly format: string;
  readonly level: AncmLevel;
  /** The file that logs it, relative to src/Servers/IIS/AspNetCoreModuleV2/ in dotnet/aspnetcore. */
  readonly source: string;
  /** For `Event Log: '...'` lines only: the event type of the call, which decides the level. */
  readonly eventType?: 'error' | 'warning' | 'information';
}

type Entry = readonly [AncmLevel, string];

function fromSource(source: string, entries: readonly Entry[]): DebugLogMessage[] {
  return entries.map(([level, format]) => ({ format, level, source }));
}

// Events echoed by EventLog::LogEvent. An error event is an ERROR line, anything else an INFO line.
function events(source: string, eventType: NonNullable<DebugLogMessage['eventType']>, formats: readonly string[]): DebugLogMessage[] {
  return formats.map((format) => ({ format, level: eventType === 'error' ? 'ERROR' : 'INFO', source, eventType }));
}

const LOCATION = '%s:%d ';

/** Direct LOG_* calls, by file. */
export const DEBUG_LOG_MESSAGES: readonly DebugLogMessage[] = [
  ...fromSource('CommonLib/debugutil.cpp', [
    // Before .NET 6 the header format was "... '%ls'. %ls. %ls." (a double period after the process id).
    ['INFO', "Initializing logs for '%ls'. %ls %ls."],
    ['INFO', "Switching debug log files to '%ls'"],
  ]),
  ...fromSource('CommonLib/exceptions.h', [
    ['ERROR', `${LOCATION}Unhandled non-standard exception`],
    ['ERROR', `${LOCATION}Operation failed with LastError: %d HR: 0x%x`],
    ['ERROR', `InvalidOperationException '%ls' caught at ${LOCATION}`],
    ['ERROR', `Exception '%s' caught at ${LOCATION}`],
    ['ERROR', `Failed HRESULT returned: 0x%x at ${LOCATION}`],
    ['ERROR', `Failed error_code returned: 0x%x 0xs at ${LOCATION}`],
    ['ERROR', `Throwing ResultException for HRESULT 0x%x at ${LOCATION}`],
  ]),
  ...fromSource('AspNetCore/HandlerResolver.cpp', [['INFO', "Loading request handler:  '%ls'"]]),
  ...fromSource('AspNetCore/applicationinfo.cpp', [
    ['INFO', 'Application went offline'],
    ['INFO', 'Detected app_offline file, creating polling application'],
    ['INFO', 'Startup suspend event %ls'],
    ['INFO', 'Unable to open startup suspend event'],
    ['INFO', 'Creating handler application'],
    ['INFO', "Stopping application '%ls'"],
    ['INFO', 'Copying to shadow copy directory %ls.'],
    ['INFO', 'Copying from %ls to shadow copy directory %ls.'],
    ['INFO', 'Finished copying %d files to shadow copy directory %ls.'],
    // Built with format() and printed through LOG_ERRORF(L"%ls").
    ['ERROR', 'Failed to copy files from %s to shadow copy directory %s. Error: %s'],
  ]),
  ...fromSource('AspNetCore/applicationmanager.cpp', [
    ['ERROR', "Failed to recycle application '%ls'"],
    ['ERROR', "Failed to stop application '%ls'"], // older
  ]),
  ...fromSource('AspNetCore/globalmodule.cpp', [
    ['INFO', 'ASPNET_CORE_GLOBAL_MODULE::OnGlobalStopListening'],
    ['INFO', 'ASPNET_CORE_GLOBAL_MODULE::OnGlobalApplicationStop'],
    ['INFO', "ASPNET_CORE_GLOBAL_MODULE::OnGlobalConfigurationChange '%ls'"],
    ['INFO', 'Ignoring configuration change'],
  ]),
  ...fromSource('AspNetCore/globalmodule.h', [
    ['INFO', 'ASPNET_CORE_GLOBAL_MODULE::Terminate'],
    ['INFO', 'Shutdown starting in %d ms.'],
    ['INFO', 'Shutdown starting.'],
  ]),
  ...fromSource('CommonLib/HostFxrResolver.cpp', [
    ['INFO', "Resolving hostfxr parameters for application: '%ls' arguments: '%ls' path: '%ls'"],
    ['INFO', "Known dotnet.exe location: '%ls'"],
    ['INFO', "Process path '%ls' is dotnet, treating application as portable"],
    ['INFO', "Process path '%ls' is not dotnet, treating application as standalone or portable with bootstrapper"],
    ['INFO', 'get_hostfxr_path skipped due to expandedProcessPath being dotnet.exe'],
    ['INFO', 'Trying get_hostfxr_path with dotnet path as dotnet root'],
    ['INFO', 'get_hostfxr_path failed (%x)'],
    ['INFO', "dotnetExePath '%ls'"],
    ['INFO', "hostFxrDllpath '%ls'"],
    ['INFO', "hostfxr.dotnet_root: '%ls'"],
    ['INFO', "hostfxr.assembly_path: '%ls'"],
    ['INFO', "Checking application.dll at '%ls'"],
    ['INFO', "Checking hostfxr.dll at '%ls'"],
    ['INFO', "hostfxr.dll found app local at '%ls', treating application as standalone"],
    ['INFO', "hostfxr.dll found app local at '%ls', treating application as portable with launcher"], // older
    ['INFO', "hostfxr.dll not found at '%ls', treating application as portable with launcher"],
    ['INFO', "Treating '%ls' as a single path argument"],
    ['INFO', "Converted argument '%ls' to '%ls'"],
    ['INFO', "Resolving absolute path to dotnet.exe from '%ls'"],
    ['INFO', "Found dotnet.exe at '%ls'"],
    ['INFO', "Absolute path to dotnet.exe was not found at '%ls'"],
    ['INFO', "Found dotnet.exe via where.exe invocation at '%ls'"],
    ['INFO', "InstallLocation registry key is set to '%ls'"],
    ['INFO', "Found dotnet.exe in InstallLocation at '%ls'"],
    ['INFO', "Found dotnet.exe in Program Files at '%ls'"],
    ['INFO', 'dotnet.exe not found'],
    ['INFO', "Resolving absolute path to hostfxr.dll from '%ls'"],
    ['INFO', "hostfxr.dll located at '%ls'"],
    ['INFO', 'Invoking where.exe to find dotnet.exe'],
    ['INFO', "where.exe invocation returned: '%ls'"],
    ['INFO', 'Current process bitness type detected as isX64=%d'],
    ['INFO', "Processing entry '%ls'"],
    ['INFO', 'Binary type %d'],
  ]),
  ...fromSource('CommonLib/HostFxrResolutionResult.cpp', [
    ['INFO', "Parsed hostfxr options: hostfxr path: '%ls' arguments:"],
    ['INFO', "Argument[%d] = '%ls'"],
  ]),
  ...fromSource('CommonLib/StandardStreamRedirection.cpp', [
    ['INFO', 'Canceling standard stream pipe reader'], // serverprocess.cpp prints the same text with a final period
    ['WARNING', 'Thread reading stdout/err hit timeout, forcibly closing thread.'], // also serverprocess.cpp
    ['WARNING', 'ASPNETCORE_OUTPUT_REDIRECTION_TERMINATION_TIMEOUT_MS must be an integer between 0 and 1800000. Ignoring.'],
  ]),
  ...fromSource('CommonLib/PipeOutputManager.cpp (older)', [['INFO', 'Cancelling standard stream pipe reader']]),
  ...fromSource('InProcessRequestHandler/inprocessapplication.cpp', [
    ['INFO', 'Stopping CLR'],
    ['INFO', 'In-process callbacks set'],
    ['INFO', 'Waiting for initialization'],
    ['INFO', 'Starting in-process worker thread'],
    ['INFO', 'Stopping in-process worker thread'],
    ['INFO', "Initial Dll directory: '%s', current directory: '%s'"],
    ['INFO', 'Setting dll directory to %s'],
    ['INFO', 'Setting current directory to %s'],
    ['INFO', 'Starting shutdown sequence %d'],
    ['INFO', 'Clr thread wait ended: clrThreadExited: %d'],
    ['INFO', 'Queueing in-process stop thread'],
    ['INFO', 'Starting in-process stop thread'],
    ['INFO', 'Stopping in-process stop thread'],
    ['INFO', 'Managed application exited with code %d'],
    ['INFO', 'Managed threw an exception %d'],
    ['INFO', 'Setting environment variable %ls=%ls'],
    ['INFO', 'Drained all requests, notifying managed.'],
    ['TRACE', 'Adding request. Total Request Count %d'],
    ['TRACE', 'Removing Request %d'],
  ]),
  ...fromSource('InProcessRequestHandler/InProcessApplicationBase.cpp', [['INFO', 'AspNetCore InProcess Recycle Process on Demand']]),
  ...fromSource('RequestHandlerLib/filewatcher.cpp', [
    ['INFO', 'Starting file watcher thread'],
    ['INFO', 'Stopping file watcher thread'],
    ['INFO', 'Stopping file watching.'],
    ['INFO', 'Detected dll change, resetting timer callback which will eventually trigger shutdown.'],
    ['INFO', 'Starting copy on shutdown in filewatcher, creating directory.'],
    ['INFO', 'Copying new shadow copy directory to %ls.'],
    ['INFO', 'Finished copy on shutdown to %ls. %d files copied.'],
  ]),
  ...fromSource('RequestHandlerLib/AppOfflineTrackingApplication.cpp', [
    ['INFO', "Starting app_offline monitoring in application '%ls'"],
    ['INFO', "Received app_offline notification in application '%ls'"],
    ['INFO', "Received file change notification in application '%ls'"],
  ]),
  ...fromSource('OutOfProcessRequestHandler/forwardinghandler.cpp', [
    ['TRACE', 'FORWARDING_HANDLER::FORWARDING_HANDLER'],
    ['TRACE', 'FORWARDING_HANDLER::~FORWARDING_HANDLER'],
    ['TRACE', 'FORWARDING_HANDLER::OnExecuteRequestHandler, Send request failed'],
    ['TRACE', 'FORWARDING_HANDLER::OnAsyncCompletion, Send completed for 101 response'],
    ['TRACE', 'FORWARDING_HANDLER::OnAsyncCompletion Done %d'],
    ['TRACE', 'FORWARDING_HANDLER::OnWinHttpCompletionInternal %x -- %d --%p\n'],
    ['TRACE', 'FORWARDING_HANDLER::TerminateRequest %d --%p\n'],
  ]),
  ...fromSource('OutOfProcessRequestHandler/websockethandler.cpp', [
    ['TRACE', 'WEBSOCKET_HANDLER::WEBSOCKET_HANDLER'],
    ['TRACE', 'WEBSOCKET_HANDLER::Terminate'],
    ['TRACE', 'WEBSOCKET_HANDLER::IndicateCompletionToIIS called %d'],
    ['TRACE', 'WEBSOCKET_HANDLER::IndicateCompletionToIIS'],
    ['TRACE', 'WEBSOCKET_HANDLER::ProcessRequest'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoIisWebSocketReceive'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoWinHttpWebSocketReceive'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoIisWebSocketSend %d'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoWinHttpWebSocketSend, %d'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoWinhttpWebSocketSend IO_PENDING'],
    ['TRACE', 'WEBSOCKET_HANDLER::DoWinhttpWebSocketSend Shutdown successful.'],
    ['TRACE', 'WEBSOCKET_HANDLER::OnWinHttpSendComplete'],
    ['TRACE', 'WEBSOCKET_HANDLER::OnWinHttpShutdownComplete --%p'],
    ['TRACE', 'WEBSOCKET_HANDLER::OnWinHttpReceiveComplete --%p'],
    ['TRACE', 'WEBSOCKET_HANDLER::OnIisSendComplete'],
    ['TRACE', 'WEBSOCKET_HANDLER::OnIisReceiveComplete'],
    ['TRACE', 'WEBSOCKET_HANDLER::Cleanup Initiated with reason %d'],
    ['ERROR', 'Process Request Failed with HR=%08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::DoIisWebSocketSend failed with %08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::DoWinHttpWebSocketReceive failed with %08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::DoWinHttpWebSocketSend failed with %08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::OnWinsockSendComplete failed with HR=%08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::OnWinsockReceiveComplete failed with HR=%08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::OnIisSendComplete failed with HR=%08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::OnIisReceiveComplete failed with HR=%08x'],
    ['ERROR', 'WEBSOCKET_HANDLER::OnWinHttpIoError HR = %08x, Operation = %d'],
  ]),
];

/** Event Log messages (CommonLib/resources.h templates), by the file that raises them and the event type it uses. */
export const EVENT_LOG_MESSAGES: readonly DebugLogMessage[] = [
  ...events('AspNetCore/HandlerResolver.cpp', 'error', [
    "Could not find 'aspnetcorev2_inprocess.dll'. Exception message:\r\n%s",
    "Could not find the assembly '%s' for out-of-process application. Please confirm the assembly is installed correctly for IIS or IISExpress.",
    'Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.',
    "Only one in-process application is allowed per IIS application pool. Please assign the application '%s' to a different IIS application pool.",
    "Mixed hosting model is not supported. Application '%s' configured with different hostingModel value '%d' other than the one of running application(s).",
  ]),
  ...events('AspNetCore/applicationinfo.cpp', 'error', [
    "Failed to start application '%s', ErrorCode '0x%x'.",
    'Could not load configuration. Exception message:\r\n%s',
  ]),
  ...events('AspNetCore/applicationmanager.cpp', 'error', [
    "Failed to recycle application after a configuration change at '%s'. Recycling worker process.",
  ]),
  ...events('AspNetCore/dllmain.cpp', 'warning', ['AspNetCore Module is disabled']),
  ...events('CommonLib/HostFxr.cpp', 'error', [
    "Hostfxr version used does not support 'hostfxr_get_native_search_directories', update the version of hostfxr to a higher version. Path to hostfxr: '%s'.",
    "Unable to load '%s'. This might be caused by a bitness mismatch between IIS application pool and published application.",
  ]),
  ...events('CommonLib/HostFxrResolutionResult.cpp', 'error', ["Application '%s' failed to start. Exception message:\r\n%s"]),
  ...events('CommonLib/RedirectionOutput.cpp', 'warning', [
    "Could not start stdout file redirection to '%s' with application base '%s'. %s.",
  ]),
  ...events('InProcessRequestHandler/inprocessapplication.cpp', 'error', [
    "Application '%s' with physical root '%s' failed to load coreclr. Exception message:\r\n%s",
    "Application '%s' with physical root '%s' has exited from Program.Main with exit code = '%d'.",
    "Application '%s' with physical root '%s' hit unexpected managed exception, exception code = '0x%x'.",
  ]),
  ...events('InProcessRequestHandler/inprocessapplication.cpp', 'information', [
    "Application '%s' started successfully.",
    "Application '%s' has shutdown.",
  ]),
  ...events('InProcessRequestHandler/inprocessapplication.cpp', 'warning', ["Failed to gracefully shutdown application '%s'."]),
  // Texts of the handler before 3.0, as the functional tests' EventLogHelpers still match them.
  ...events('InProcessRequestHandler/inprocessapplication.cpp (older)', 'information', [
    "Application '%s' started the coreclr in-process successfully.",
  ]),
  ...events('InProcessRequestHandler/inprocessapplication.cpp (older)', 'error', [
    "Application '%s' with physical root '%s' failed to load clr and managed application. %s",
  ]),
  ...events('RequestHandlerLib/AppOfflineTrackingApplication.cpp', 'information', [
    "Application '%s' was recycled after detecting app_offline.htm.",
  ]),
  ...events('RequestHandlerLib/AppOfflineTrackingApplication.cpp', 'warning', [
    "Failed to monitor app_offline.htm for application '%s', ErrorCode '0x%x'. ",
  ]),
  ...events('OutOfProcessRequestHandler/processmanager.cpp', 'information', ["Maximum rapid fail count per minute of '%d' exceeded."]),
  ...events('OutOfProcessRequestHandler/serverprocess.cpp', 'information', [
    "Application '%s' started process '%d' successfully and process '%d' is listening on port '%d'.",
    "Application '%s' with physical root '%s' shut down process with Id '%d' listening on port '%d'",
    "Sent shutdown HTTP message to process with Id '%d' and received http status '%d'.",
  ]),
  ...events('OutOfProcessRequestHandler/serverprocess.cpp', 'warning', [
    "Application '%s' with physical root '%s' failed to start process with commandline '%s' at stage '%s', ErrorCode = '0x%x', assigned port %d, retryCounter '%d'.",
    "Application '%s' with physical root '%s' created process with commandline '%s' but failed to listen on the given port '%d'",
    "Application '%s' with physical root '%s' created process with commandline '%s' but either crashed, did not respond, or did not listen on the given port '%d', ErrorCode = '0x%x'",
    "Could not create stdoutLogFile %s, ErrorCode = '0x%x'.",
    "Failed to gracefully shutdown process with Id '%d'.",
  ]),
  ...events('OutOfProcessRequestHandler/serverprocess.cpp', 'error', [
    "Application '%s' with physical root '%s' failed to start process with commandline '%s' with multiple retries. Failed to bind to port '%d'. See previous warnings for details.",
    "Application '%s' with physical root '%s' failed to choose listen port '%d' given port range '%d - %d', ErrorCode = '0x%x'.",
  ]),
];

const EVENT_LOG_PREFIX = "Event Log: '";

/** printf conversions as ANCM uses them (%s, %ls, %S, %d, %u, %x, %08x, %p, ...); `%%` is a literal percent sign. */
const CONVERSION = /%(?:%|[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|w|z|j|t|I64|I32|I)?[diouxXeEfFgGaAcCsSpn])/g;

/** A location such as `D:\a\_work\1\s\src\...\HandlerResolver.cpp:224 ` at the start of a message (LOCATION_FORMAT). */
const LEADING_LOCATION = /^[^\r\n]{0,400}?\.(?:cpp|h):\d+ /i;

interface Matcher {
  /** Literal text the message must start with. */
  readonly head: string;
  /** Literal texts that must follow in order, each after a wildcard. */
  readonly rest: readonly string[];
  readonly specificity: number;
  readonly message: DebugLogMessage;
}

function compile(message: DebugLogMessage, format: string): Matcher {
  // Only the first line of a format can be matched: the rest lands on continuation lines.
  const firstLine = format.split(/\r?\n/, 1)[0];
  const literals: string[] = [];
  let start = 0;
  let literal = '';
  for (const conversion of firstLine.matchAll(CONVERSION)) {
    literal += firstLine.slice(start, conversion.index);
    start = conversion.index + conversion[0].length;
    if (conversion[0] === '%%') {
      literal += '%';
      continue;
    }
    literals.push(literal);
    literal = '';
  }
  literals.push(literal + firstLine.slice(start));
  const [head, ...rest] = literals;
  const nonEmpty = rest.filter((text) => text.length > 0);
  return { head, rest: nonEmpty, specificity: literals.reduce((sum, text) => sum + text.length, 0), message };
}

function matches(matcher: Matcher, text: string, from: number): boolean {
  if (!text.startsWith(matcher.head, from)) return false;
  let position = from + matcher.head.length;
  for (const literal of matcher.rest) {
    // The leftmost occurrence is always a safe choice: the pattern has no end anchor, so later literals only gain room.
    const found = text.indexOf(literal, position);
    if (found < 0) return false;
    position = found + literal.length;
  }
  return true;
}

// Buckets are keyed by a message's first three characters, packed into one small integer: no string is built per lookup.
const KEY_LENGTH = 3;

/** The bucket key of the text at `from`, or -1 when it is too short or not ASCII (no catalog format starts that way). */
function keyAt(text: string, from: number): number {
  if (text.length < from + KEY_LENGTH) return -1;
  const a = text.charCodeAt(from);
  const b = text.charCodeAt(from + 1);
  const c = text.charCodeAt(from + 2);
  return (a | b | c) > 127 ? -1 : (a << 14) | (b << 7) | c;
}

/**
 * The formats sharing a key, split once more by the character at the position that tells most of them apart, so a
 * lookup usually tests one or two formats (the FORWARDING_HANDLER::... traces share 20 characters, for instance).
 */
class Bucket {
  private readonly probe: number;
  private readonly byProbe = new Map<number, Matcher[]>();
  /** Formats too short to have a character at the probe. */
  private readonly short: Matcher[] = [];

  constructor(matchers: Matcher[]) {
    matchers.sort((a, b) => b.specificity - a.specificity);
    this.probe = Bucket.bestProbe(matchers);
    for (const matcher of matchers) {
      if (matcher.head.length <= this.probe) {
        this.short.push(matcher);
        continue;
      }
      const code = matcher.head.charCodeAt(this.probe);
      const group = this.byProbe.get(code);
      if (group) group.push(matcher);
      else this.byProbe.set(code, [matcher]);
    }
  }

  private static bestProbe(matchers: readonly Matcher[]): number {
    const longest = Math.max(...matchers.map((matcher) => matcher.head.length));
    let best = KEY_LENGTH;
    let bestScore = -1;
    for (let position = KEY_LENGTH; position < longest; position++) {
      const groups = new Set(matchers.map((matcher) => (matcher.head.length > position ? matcher.head.charCodeAt(position) : -1)));
      const score = groups.size - (groups.has(-1) ? matchers.filter((matcher) => matcher.head.length <= position).length : 0);
      if (score > bestScore) {
        best = position;
        bestScore = score;
      }
    }
    return best;
  }

  find(text: string, from: number): DebugLogMessage | undefined {
    const group = this.byProbe.get(text.charCodeAt(from + this.probe));
    if (group) for (const matcher of group) if (matches(matcher, text, from)) return matcher.message;
    for (const matcher of this.short) if (matches(matcher, text, from)) return matcher.message;
    return undefined;
  }
}

class MatcherIndex {
  private readonly buckets = new Map<number, Bucket>();

  constructor(matchers: readonly Matcher[]) {
    const byKey = new Map<number, Matcher[]>();
    for (const matcher of matchers) {
      const key = keyAt(matcher.head, 0);
      if (key < 0) throw new Error(`catalog format too short to index: ${matcher.message.format}`);
      const group = byKey.get(key);
      if (group) group.push(matcher);
      else byKey.set(key, [matcher]);
    }
    for (const [key, group] of byKey) this.buckets.set(key, new Bucket(group));
  }

  find(text: string, from: number): DebugLogMessage | undefined {
    return this.buckets.get(keyAt(text, from))?.find(text, from);
  }
}

interface CatalogIndexes {
  readonly plain: MatcherIndex;
  readonly afterLocation: MatcherIndex;
  readonly event: MatcherIndex;
}

/**
 * Compiled on the first lookup, not when the module loads: the language server loads the log engine with everything
 * else, and a server that only ever serves web.config files should not pay for some 200 compiled formats at start.
 */
let indexes: CatalogIndexes | undefined;

function catalogIndexes(): CatalogIndexes {
  indexes ??= {
    plain: new MatcherIndex(DEBUG_LOG_MESSAGES.filter((message) => !message.format.startsWith(LOCATION)).map((message) => compile(message, message.format))),
    afterLocation: new MatcherIndex(
      DEBUG_LOG_MESSAGES.filter((message) => message.format.startsWith(LOCATION)).map((message) => compile(message, message.format.slice(LOCATION.length))),
    ),
    event: new MatcherIndex(EVENT_LOG_MESSAGES.map((message) => compile(message, message.format))),
  };
  return indexes;
}

// Beyond this many characters a line is not searched further: every catalog format shows its identity well before.
const MAX_SEARCHED = 2048;

/**
 * The catalog entry for the message of a debug-log entry (what follows `[time, PID: n] [dll] `, continuation lines included),
 * if ANCM is known to write it.
 */
export function findDebugLogMessage(message: string): DebugLogMessage | undefined {
  const text = message.length > MAX_SEARCHED ? message.slice(0, MAX_SEARCHED) : message;
  const { plain, afterLocation, event } = catalogIndexes();
  if (text.startsWith(EVENT_LOG_PREFIX)) return event.find(text, EVENT_LOG_PREFIX.length);
  const direct = plain.find(text, 0);
  if (direct) return direct;
  // Cheap test before the regex: a location names a .cpp or .h file.
  if (text.indexOf('.cpp:') < 0 && text.indexOf('.h:') < 0 && text.indexOf('.CPP:') < 0 && text.indexOf('.H:') < 0) return undefined;
  const location = LEADING_LOCATION.exec(text);
  return location ? afterLocation.find(text, location[0].length) : undefined;
}

