// The entry parser for a kind of log (kept apart from entryParser.ts, which both parsers extend).

import { DebugLogParser } from './debugLogParser';
import type { IncrementalEntryParser } from './entryParser';
import { StdoutParser } from './stdoutParser';
import type { LogSource } from './types';

export function createEntryParser(kind: LogSource, file: string): IncrementalEntryParser<unknown> {
  return kind === 'debug' ? new DebugLogParser({ file }) : new StdoutParser({ file });
}
