// How `ancm logs` prints an entry: text (level column, then the entry as written, coloured by level on
// a terminal) or JSON (one object a line). Control characters from the log never reach the terminal raw
// (visibleText.ts).

import { styleText } from 'node:util';
import type { FollowedSource } from '../../logs/siteLogFollower';
import type { AncmLevel, LogEntry } from '../../logs/types';
import { jsonWithoutRawControls, visibleText } from './visibleText';

type Style = Parameters<typeof styleText>[0];
const LEVEL_STYLE: Record<AncmLevel, Style> = { ERROR: 'red', WARNING: 'yellow', INFO: 'reset', TRACE: 'gray' };
const LEVEL_WIDTH = 'WARNING'.length;

export function formatEntryAsText(entry: LogEntry, color: boolean): string {
  const level = entry.level.padEnd(LEVEL_WIDTH);
  const body = visibleText(entry.text, { lineBreaks: true }).replace(/\n/g, `\n${' '.repeat(LEVEL_WIDTH + 1)}`);
  return color ? `${styleText(LEVEL_STYLE[entry.level], level)} ${body}` : `${level} ${body}`;
}

export function formatSourceHeader(source: FollowedSource, color: boolean): string {
  const header = `==> ${visibleText(source.label)}: ${visibleText(source.file)} <==`;
  return color ? styleText('bold', header) : header;
}

export function formatEntryAsJson(source: FollowedSource, entry: LogEntry): string {
  return jsonWithoutRawControls(JSON.stringify({
    source: source.kind,
    file: source.file,
    time: entry.time ?? null,
    pid: entry.pid ?? null,
    level: entry.level,
    levelFrom: entry.levelFrom,
    origin: entry.origin ?? null,
    text: entry.text,
  }));
}
