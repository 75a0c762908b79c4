// Texts that mean an app failed to start or died, wherever they appear: a debug-log line, a stdout capture,
// the text of an Event Log record. A log viewer shows them as ERROR even where the log names no level.
//
// Two sources, one table:
// - ANCM's Event Log templates of the error type (debugLogCatalog.ts EVENT_LOG_MESSAGES, from CommonLib/resources.h and the
//   EventLog::Error call sites): each is known by its longest literal piece, e.g. "failed to load coreclr. Exception message:".
// - Messages ANCM and the .NET host write that are not Event Log templates, listed below with the file that writes them:
//   InProcessRequestHandler/inprocessapplication.cpp (dotnet/aspnetcore, src/Servers/IIS/AspNetCoreModuleV2) and the host's
//   fxr/hostpolicy sources (dotnet/runtime, src/native/corehost).
//
// Matching is one regular expression of alternatives with no nested repetition, on the first 4 KB of a text: linear.

import { EVENT_LOG_MESSAGES } from './debugLogCatalog';

interface FailurePhrase {
  /** A literal phrase, or a small pattern where the message has a value in the middle. */
  readonly text: string | RegExp;
  readonly source: string;
}

const HOST_AND_MODULE_FAILURES: readonly FailurePhrase[] = [
  { text: 'It was not possible to find any compatible framework version', source: 'corehost/fxr/fx_resolver.messages.cpp' },
  { text: /The (?:specified )?framework '[^'\r\n]{1,200}'[^\r\n]{0,200}? was not found/, source: 'corehost/fxr/fx_resolver.messages.cpp' },
  { text: 'A fatal error was encountered', source: 'corehost/fxr/fx_muxer.cpp, corehost/hostmisc' },
  { text: 'Failed to run as a self-contained app', source: 'corehost/fxr/fx_muxer.cpp' },
  { text: 'required to execute the application was not found', source: 'corehost/fxr/fx_muxer.cpp' },
  { text: 'Failed to create CoreCLR, HRESULT', source: 'corehost/hostpolicy/hostpolicy.cpp' },
  { text: 'An assembly specified in the application dependencies manifest', source: 'corehost/hostpolicy/deps_resolver.cpp' },
  { text: 'The application to execute does not exist', source: 'corehost/fxr/fx_muxer.cpp' },
  { text: 'CLR worker thread exited prematurely', source: 'InProcessRequestHandler/inprocessapplication.cpp' },
  { text: "Managed server didn't initialize after", source: 'InProcessRequestHandler/inprocessapplication.cpp' },
  { text: 'hit unexpected managed background thread exit', source: 'InProcessRequestHandler/inprocessapplication.cpp (2.2)' },
  { text: 'failed to start process with commandline', source: 'OutOfProcessRequestHandler/serverprocess.cpp, aspnetcore.dll (V1)' },
  // WAS event 5009 and ANCM V1 both say it this way.
  { text: /terminated unexpectedly[^\r\n]{0,200}?exit code/, source: 'WAS event 5009; aspnetcore.dll (V1)' },
];

/** A printf conversion in ANCM's formats (%s, %ls, %d, %08x, ...). */
const PRINTF_CONVERSION = /%[-+ #0]*\d*(?:\.\d+)?(?:l|h|ll)?[sSdiuxXc]/g;

/** The literal pieces of a printf format: the text between its conversions and line breaks. */
export function literalPieces(format: string): string[] {
  return format.split(new RegExp(`${PRINTF_CONVERSION.source}|\\r?\\n`));
}

/** A sample of a printf format as a log would hold it, each conversion replaced by `value`. */
export function sampleOfFormat(format: string, value: string): string {
  return format.replace(PRINTF_CONVERSION, value);
}

/** An Event Log template's longest literal piece, without the quotes and spaces around a value. */
function longestLiteral(format: string): string {
  const pieces = literalPieces(format);
  return pieces.map((piece) => piece.replace(/^[\s'.,:]+|[\s'(]+$/g, '')).reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ANCM_ERROR_EVENTS: readonly FailurePhrase[] = EVENT_LOG_MESSAGES.filter((message) => message.eventType === 'error').map((message) => ({
  text: longestLiteral(message.format),
  source: message.source,
}));

export const FAILURE_PHRASES: readonly FailurePhrase[] = [...ANCM_ERROR_EVENTS, ...HOST_AND_MODULE_FAILURES];

const FAILURE_PATTERN = new RegExp(FAILURE_PHRASES.map(({ text }) => (typeof text === 'string' ? escapeRegExp(text) : text.source)).join('|'));

const MAX_SEARCHED = 4096;

/** Whether a text holds one of the failure messages above. */
export function isFailureMessage(text: string): boolean {
  return FAILURE_PATTERN.test(text.length > MAX_SEARCHED ? text.slice(0, MAX_SEARCHED) : text);
}
