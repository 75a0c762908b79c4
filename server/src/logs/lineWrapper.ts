// Per-line wrappers that CI systems, test loggers and quoting put before a log's own text, as found in logs pasted into
// issues and CI output:
//   `> `                                                       a markdown quote (nested quotes too)
//   `2019-01-28T23:37:13.8286648Z    | `                        an Azure Pipelines time stamp (UTC)
//   `[2.969s] Microsoft.Some.Category Information: `           a test logger: elapsed time, category, level
//   `[1.876s] [Microsoft.Some.Category] [Information] `        the same logger's bracketed form
//   `iisexpress stdout: `                                       a forwarded stream, after one of the loggers above
// Only these shapes are taken, in this order, so that a log's own prefix is never mistaken for a wrapper (NLog's
// `2023-05-19 13:50:42.4020|INFO|` has no `T`; ANCM's stdout chunk prefix `...076Z: ` has no `|`).

import { isoTime } from './logTime';
import type { AncmLevel } from '../protocol/levels';

export interface LineWrapper {
  /** Where the wrapped text starts; 0 for a line without a wrapper. */
  readonly bodyStart: number;
  /** The wrapper's absolute time (ISO, UTC), when it writes one. */
  readonly time: string | undefined;
  /** The level the wrapping logger gave the line, when it names one. */
  readonly level: AncmLevel | undefined;
}

export const NO_WRAPPER: LineWrapper = { bodyStart: 0, time: undefined, level: undefined };

/** Microsoft.Extensions.Logging's LogLevel names, as test loggers and the JSON console formatter write them. */
export const LOG_LEVEL_NAMES: Readonly<Record<string, AncmLevel>> = {
  Trace: 'TRACE',
  Debug: 'TRACE',
  Information: 'INFO',
  Warning: 'WARNING',
  Error: 'ERROR',
  Critical: 'ERROR',
  None: 'INFO',
};

const CI_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s*\| ?/;
const ELAPSED = /^\[\d{1,7}(?:\.\d{1,7})?s\] /;
const BRACKETED_LOGGER = /^\[[^\][\r\n]{1,300}\] \[(Trace|Debug|Information|Warning|Error|Critical)\] /;
const PLAIN_LOGGER = /^[A-Za-z_][\w`]*(?:\.[\w`]+)+ (Trace|Debug|Information|Warning|Error|Critical): /;
const FORWARDED_STREAM = /^[\w.-]{1,64} std(?:out|err): /;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The wrapper of one line; NO_WRAPPER (shared, nothing allocated) for the common line without one. */
export function readLineWrapper(text: string): LineWrapper {
  const first = text.charCodeAt(0);
  // Fast exit: every wrapper starts with `>`, a digit (a time stamp) or `[` and a digit (elapsed time).
  if (first !== 62 && !isDigit(first) && !(first === 91 && isDigit(text.charCodeAt(1)))) return NO_WRAPPER;
  let start = 0;
  while (text.charCodeAt(start) === 62) start += text.charCodeAt(start + 1) === 32 ? 2 : 1;
  let time: string | undefined;
  let level: AncmLevel | undefined;
  let rest = start > 0 ? text.slice(start) : text;
  const stamp = isDigit(rest.charCodeAt(0)) ? CI_STAMP.exec(rest) : null;
  if (stamp) {
    time = isoTime(stamp[1]);
    start += stamp[0].length;
    rest = rest.slice(stamp[0].length);
  }
  const elapsed = rest.charCodeAt(0) === 91 && isDigit(rest.charCodeAt(1)) ? ELAPSED.exec(rest) : null;
  if (elapsed) {
    start += elapsed[0].length;
    rest = rest.slice(elapsed[0].length);
    const logger = BRACKETED_LOGGER.exec(rest) ?? PLAIN_LOGGER.exec(rest);
    if (logger) {
      level = LOG_LEVEL_NAMES[logger[1]];
      start += logger[0].length;
      rest = rest.slice(logger[0].length);
    }
  }
  if (start === 0) return NO_WRAPPER;
  const stream = FORWARDED_STREAM.exec(rest);
  if (stream) start += stream[0].length;
  return { bodyStart: start, time, level };
}
