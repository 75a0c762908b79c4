// Seeded mutations of real log lines, and the properties every log parser must keep on them: no throw, no
// hang, every line handed in found in the entries that come out. Used by logParsers.test.ts and `npm run fuzz`.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { detectLogFormat } from '../../server/src/logs/detectLogFormat';
import { MAX_ENTRY_CHARS, parseAllLines } from '../../server/src/logs/entryParser';
import type { LogLine } from '../../server/src/logs/types';
import type { LogSource } from '../../server/src/protocol/levels';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'logs');
const SOURCES: readonly LogSource[] = ['debug', 'stdout', 'events'];
/** A parser that needs longer than this for a few hundred lines has gone super-linear (or loops). */
const PER_LOG_LIMIT_MS = 2000;

/** Pieces a log line may carry: timestamps, levels, separators, the markers the parsers key on. */
const FRAGMENTS = [
  '[aspnetcorev2.dll] ', '[aspnetcorev2_inprocess.dll] ', '[2024-01-01T12:00:00.000Z, PID: 1234] ', '2024-01-01 12:00:00.000 +00:00 ',
  'info: ', 'fail: ', 'warn: ', 'crit: ', 'dbug: ', '[ERR] ', '[INF] ', '{"Timestamp":"', '"}', '      ', '\t', '   at ', ' --->',
  'Level:', 'Event ID:', 'Source:', 'Log Name:', 'Date:', 'Information', 'Error', 'Warning', 'IIS AspNetCore Module V2', '\u0000', '\uFEFF', '\r',
  'Application \'/LM/W3SVC/1/ROOT\' with physical root', ' PID: ', 'Unhandled exception. ', '\u001b[41m', '\u001b[0m', 'é', '😀', ':', ',', ' ',
];

export function seedLogs(): { name: string; text: string }[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.log') || name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));
}

/** One to four random edits of a log's lines: a fragment inserted, part of a line cut, lines repeated, joined or dropped. */
export function mutateLog(lines: string[], random: () => number): string[] {
  const result = [...lines];
  const pick = () => Math.floor(random() * result.length);
  for (let count = 1 + Math.floor(random() * 4); count > 0 && result.length > 0; count--) {
    const index = pick();
    const line = result[index];
    const at = Math.floor(random() * (line.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0:
        result[index] = line.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + line.slice(at);
        break;
      case 1:
        result[index] = line.slice(0, at) + line.slice(at + 1 + Math.floor(random() * 20));
        break;
      case 2:
        result.splice(index, 0, ...Array.from({ length: 1 + Math.floor(random() * 30) }, () => line));
        break;
      case 3:
        result.splice(index, 2, `${line}${result[index + 1] ?? ''}`);
        break;
      case 4:
        result.splice(index, 1);
        break;
      default:
        // A very long line: a stack of repeated fragments with no line break.
        result[index] = line + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)].repeat(1 + Math.floor(random() * 5000));
    }
  }
  return result;
}

function toLogLines(lines: readonly string[]): LogLine[] {
  let offset = 0;
  return lines.map((text) => {
    const line = { text, offset };
    offset += Buffer.byteLength(text) + 1;
    return line;
  });
}

/** A line with nothing to show: blank, or only the .NET 6+ stdout time prefix, which the stdout parser drops. */
const BLANK = /^\s*(?:\d{4}-\d\d-\d\dT[\d:.]+Z:)?\s*$/;

/** Undefined when every property holds. */
export function checkLog(lines: readonly string[]): string | undefined {
  const logLines = toLogLines(lines);
  const started = performance.now();
  const detected = detectLogFormat(lines.join('\n'));
  if (!SOURCES.includes(detected)) return `detectLogFormat gave ${String(detected)}`;
  for (const source of SOURCES) {
    const entries = parseAllLines(createEntryParser(source, '/logs/fuzz.log', { pid: 1234 }), logLines);
    // Each line handed in is in the entries, in order: its end, at least (what comes before an `<Event>` on its line
    // is no part of the event), unless an entry cut at its size limit dropped the rest of one huge line. Compared
    // without whitespace, since a line an event ends in the middle of continues in the next entry.
    const output = entries.map((entry) => entry.text).join('').replace(/\s+/g, '');
    let cursor = 0;
    for (const line of logLines) {
      if (BLANK.test(line.text)) continue;
      const probe = line.text.replace(/\s+/g, '').slice(-40);
      const at = output.indexOf(probe, cursor);
      if (at < 0) {
        if (line.text.length > MAX_ENTRY_CHARS / 2) continue;
        return `${source}: the line at ${line.offset} (${JSON.stringify(line.text.slice(0, 80))}) is in no entry, or out of order`;
      }
      cursor = at + probe.length;
    }
    const last = logLines.at(-1);
    const size = last ? last.offset + Buffer.byteLength(last.text) : 0;
    for (const entry of entries) {
      if (!(entry.offset >= 0 && entry.offset <= size)) return `${source}: an entry at ${entry.offset}, outside the log's ${size} bytes`;
    }
    for (let index = 1; index < entries.length; index++) {
      if (entries[index].offset < entries[index - 1].offset) return `${source}: entries out of order at ${index}`;
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > PER_LOG_LIMIT_MS) return `took ${elapsed.toFixed(0)} ms for ${lines.length} lines`;
  return undefined;
}
