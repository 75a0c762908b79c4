// The entry parser for a kind of log (kept apart from entryParser.ts, which the parsers extend).

import * as path from 'node:path';
import { parseStdoutLogName } from '../ancm/logNames';
import { DebugLogParser } from './debugLogParser';
import type { IncrementalEntryParser } from './entryParser';
import { EventLogParser } from './eventLogParser';
import { StdoutParser } from './stdoutParser';
import type { LogSource } from '../protocol/levels';

export interface EntryParserOptions {
  /** stdout files: the worker process and its start time, from the file name. */
  readonly pid?: number;
  readonly processStart?: string;
}

/** What a stdout file's name tells (ANCM names them `<prefix>_<yyyyMMddHHmmss>_<pid>.log`): its worker and start. */
export function stdoutFileFacts(file: string): EntryParserOptions {
  const name = parseStdoutLogName(path.basename(file));
  return name ? { pid: name.pid, ...(name.startTime !== undefined && { processStart: name.startTime.toISOString() }) } : {};
}

export function createEntryParser(kind: LogSource, file: string, options: EntryParserOptions = {}): IncrementalEntryParser<unknown> {
  switch (kind) {
    case 'debug':
      return new DebugLogParser({ file });
    case 'events':
      return new EventLogParser({ file });
    case 'stdout':
      return new StdoutParser({ file, ...options });
  }
}
