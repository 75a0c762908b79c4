// A whole log as an editor holds it (the text of an open document, nothing read from disk): its entries with where each
// starts and ends in the text, the causes each shows, and the startup verdicts of its worker processes. The language
// server's hover and CodeLens on raw `aspnetcore-debug*.log` and `stdout_*.log` files read it.

import type { LogSource } from '../protocol/levels';
import type { StartupVerdict } from '../protocol/logs';
import { createEntryParser, stdoutFileFacts } from './createEntryParser';
import { detectLogFormat } from './detectLogFormat';
import { parseAllLines } from './entryParser';
import { explainLogEntryIds } from './explainLog';
import { type StartupVerdictOptions, StartupVerdicts } from './startupVerdict';
import type { LogEntry, LogLine } from './types';

export interface ExplainedLogEntry {
  readonly entry: LogEntry;
  /** Character offsets in the text: the entry's first character, and where the next entry starts. */
  readonly start: number;
  readonly end: number;
  readonly causes: readonly string[];
}

export interface ExplainedLogText {
  readonly kind: LogSource;
  /** In text order. */
  readonly entries: readonly ExplainedLogEntry[];
  readonly verdicts: readonly StartupVerdict[];
}

const SAMPLE_CHARS = 64 * 1024;

/**
 * Reads a log's text. Its kind comes from the content (a debug log by its dll labels, Event Log text by its fields); a
 * stdout file's name gives the worker process and its start time, as ANCM names it.
 */
export function explainLogText(text: string, filePath: string, options: StartupVerdictOptions = {}): ExplainedLogText {
  const kind = detectLogFormat(text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text);
  const parser = createEntryParser(kind, filePath, kind === 'stdout' ? stdoutFileFacts(filePath.replace(/\\/g, '/')) : {});
  const entries = parseAllLines(parser, linesOf(text));
  const verdicts = new StartupVerdicts(options);
  const explained = entries.map((entry, index): ExplainedLogEntry => {
    const causes = explainLogEntryIds(entry);
    verdicts.add({ ...entry, causes }, filePath);
    return { entry, start: entry.offset, end: index + 1 < entries.length ? entries[index + 1].offset : text.length, causes };
  });
  return { kind, entries: explained, verdicts: verdicts.verdicts() };
}

/** The entry whose text holds `offset`, if any (binary search over the starts). */
export function entryAtOffset(log: ExplainedLogText, offset: number): ExplainedLogEntry | undefined {
  let low = 0;
  let high = log.entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = log.entries[middle];
    if (offset < entry.start) high = middle - 1;
    else if (offset >= entry.end) low = middle + 1;
    else return entry;
  }
  return undefined;
}

/** The text's lines, each with the character offset of its start (the parsers carry it as the entry's offset). */
function linesOf(text: string): LogLine[] {
  const lines: LogLine[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    lines.push({ text: line, offset: start });
    start = end + 1;
  }
  return lines;
}
