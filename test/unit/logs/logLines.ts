// Lines as the tail reader delivers them, made from text for parser tests: decoded, without the line
// break, each with the byte offset of its start.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncrementalEntryParser } from '../../../server/src/logs/entryParser';
import type { LogEntry, LogLine } from '../../../server/src/logs/types';

export const LOG_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'logs');

export function linesOf(text: string): LogLine[] {
  const lines: LogLine[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, offset });
    offset += Buffer.byteLength(raw) + 1;
  }
  if (lines.length > 0 && lines[lines.length - 1].text === '') lines.pop();
  return lines;
}

export function logFixture(name: string): { file: string; bytes: Buffer; lines: LogLine[] } {
  const file = join(LOG_FIXTURES, name);
  const bytes = readFileSync(file);
  return { file, bytes, lines: linesOf(bytes.toString('utf8')) };
}

/** Pushes the lines in batches of 0 to 5, as the tail reader might deliver them, then flushes. */
export function parseInBatches(parser: IncrementalEntryParser<unknown>, lines: readonly LogLine[], next: () => number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let start = 0; start < lines.length; ) {
    const size = Math.floor(next() * 6);
    entries.push(...parser.push(lines.slice(start, start + size)));
    start += size;
  }
  entries.push(...parser.flush());
  return entries;
}
