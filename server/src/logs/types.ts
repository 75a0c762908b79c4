// Shapes shared by the log engine: the tail reader produces lines, the entry parsers turn lines into
// entries with ANCM levels, and the filters select entries. Pure Node: no vscode, no LSP.

import type { AncmLevel, LogSource } from '../protocol/levels';

/** One physical line, decoded, without its line break. */
export interface LogLine {
  readonly text: string;
  /** Byte offset of the line's first byte in the file. */
  readonly offset: number;
}

/** One logical entry: a first line and its continuation lines (a stack trace, an Event Log block). */
export interface LogEntry {
  readonly source: LogSource;
  /** The file it was read from (absolute path). */
  readonly file: string;
  /** ISO-8601 time when the line carries one (UTC when the log says so). */
  readonly time: string | undefined;
  readonly pid: number | undefined;
  readonly level: AncmLevel;
  /** How the level was decided: the log's own level, ANCM's message catalog, or a heuristic guess. */
  readonly levelFrom: 'logger' | 'catalog' | 'heuristic';
  /** Debug log: the dll label (`aspnetcorev2.dll`); stdout: the logger category when the format names one. */
  readonly origin: string | undefined;
  /** The whole entry, lines joined with `\n`, prefixes included as written. */
  readonly text: string;
  /** The message without the format's prefix (time, pid, dll, level, category). */
  readonly message: string;
  /** Byte offset of the entry's first line in the file, so a viewer can open the raw file there. */
  readonly offset: number;
  /** Event Log records: the event id (1000-1035 for ANCM); also the logger's event id where a format writes one. */
  readonly eventId?: number;
  /** stdout files: the worker process's start time from the file name (ISO, UTC), when the name has one. */
  readonly processStart?: string;
}
