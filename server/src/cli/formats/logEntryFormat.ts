// How `ancm logs` prints an entry: text (level, time, process and origin columns, then the message, coloured by level
// on a terminal) or JSON (one object a line, the entry as written included). Control characters from the log never reach the terminal raw
// (visibleText.ts).

import { styleText } from 'node:util';
import type { FollowedSource } from '../../logs/siteLogFollower';
import type { AncmLevel } from '../../protocol/levels';
import type { LogEntry } from '../../logs/types';
import { jsonWithoutRawControls, visibleText } from './visibleText';

type Style = Parameters<typeof styleText>[0];
const LEVEL_STYLE: Record<AncmLevel, Style> = { ERROR: 'red', WARNING: 'yellow', INFO: 'reset', TRACE: 'gray' };
const LEVEL_WIDTH = 'WARNING'.length;

export function formatEntryAsText(entry: LogEntry, color: boolean): string {
  const level = entry.level.padEnd(LEVEL_WIDTH);
  const body = visibleText(readableEntry(entry), { lineBreaks: true }).replace(/\n/g, `\n${' '.repeat(LEVEL_WIDTH + 1)}`);
  return color ? `${styleText(LEVEL_STYLE[entry.level], level)} ${body}` : `${level} ${body}`;
}

/**
 * An entry as a log viewer shows it, whatever its format: time, process, where it comes from (the ANCM dll, the logger
 * category, the Event Log source and event id), then the message without the format's prefix or a CI wrapper.
 */
function readableEntry(entry: LogEntry): string {
  const from = entry.origin === undefined ? undefined : entry.eventId === undefined ? entry.origin : `${entry.origin} (${entry.eventId})`;
  const columns = [entry.time, entry.pid === undefined ? undefined : `PID ${entry.pid}`, from].filter((column) => column !== undefined);
  const message = entry.message || entry.text;
  return columns.length > 0 ? `${columns.join('  ')}  ${message}` : message;
}

export function formatSourceHeader(source: FollowedSource, color: boolean): string {
  const header = `==> ${visibleText(source.label)}: ${visibleText(source.file)} <==`;
  return color ? styleText('bold', header) : header;
}

export function formatEntryAsJson(source: FollowedSource, entry: LogEntry): string {
  return jsonWithoutRawControls(
    JSON.stringify({
      time: entry.time ?? null,
      pid: entry.pid ?? null,
      level: entry.level,
      levelFrom: entry.levelFrom,
      source: source.kind,
      file: source.file,
      offset: entry.offset,
      eventId: entry.eventId ?? null,
      origin: entry.origin ?? null,
      processStart: entry.processStart ?? null,
      message: entry.message,
      text: entry.text,
    }),
  );
}
