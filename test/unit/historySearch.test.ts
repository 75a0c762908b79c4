import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DebugLogParser } from '../../server/src/logs/debugLogParser';
import { type EntryFilterOptions, createEntryFilter } from '../../server/src/logs/entryFilter';
import { searchLogHistory } from '../../server/src/logs/historySearch';
import { LineDecoder } from '../../server/src/logs/lineDecoder';
import { StdoutParser } from '../../server/src/logs/stdoutParser';
import type { LogEntry, LogSource } from '../../server/src/logs/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'logs');
const folder = mkdtempSync(path.join(tmpdir(), 'ancm-history-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** The reference: parse the whole file, then filter. */
function parseAllAndFilter(file: string, kind: LogSource, filter: EntryFilterOptions): LogEntry[] {
  const decoder = new LineDecoder('utf8', 0);
  const bytes = readFileSync(file);
  const lines = decoder.push(bytes);
  const last = decoder.finish();
  if (last) lines.push(last);
  const entries = kind === 'debug' ? DebugLogParser.parseAll(lines, { file }) : StdoutParser.parseAll(lines, { file });
  return entries.filter(createEntryFilter(filter));
}

async function search(file: string, options: Parameters<typeof searchLogHistory>[1]): Promise<LogEntry[]> {
  const found: LogEntry[] = [];
  for await (const batch of searchLogHistory(file, options)) found.push(...batch);
  return found;
}

/** A large log made of a fixture repeated, with a rare marker line now and then. */
function repeatedLog(fixture: string, copies: number): string {
  const text = readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const parts: string[] = [];
  for (let copy = 0; copy < copies; copy++) parts.push(copy % 37 === 5 ? text.replace(/\n/, ` marker-${copy} é\n`) : text);
  return parts.join('');
}

describe('searching a log\'s history', () => {
  const cases: [fixture: string, kind: LogSource][] = [
    ['aspnetcore-debug-modern.log', 'debug'],
    ['aspnetcore-debug-legacy.log', 'debug'],
    ['stdout_20240101120000_1234.log', 'stdout'],
    ['stdout-serilog.log', 'stdout'],
  ];
  const filters: EntryFilterOptions[] = [
    { text: 'marker' }, { text: 'MARKER-42' }, { text: '0x8007' }, { text: 'exception', level: 'ERROR' }, { text: 'é' },
    { level: 'WARNING' }, { text: 'fail.*conn', regex: true }, { text: 'no such text anywhere' },
  ];

  for (const [fixture, kind] of cases) {
    it(`finds exactly what parsing everything finds, in ${fixture}`, async () => {
      const file = path.join(folder, fixture);
      writeFileSync(file, repeatedLog(fixture, 300));
      for (const filter of filters) {
        const expected = parseAllAndFilter(file, kind, filter);
        // Small chunks, so that many entries cross chunk edges; then split between this thread and the worker.
        for (const parallelFromBytes of [Number.POSITIVE_INFINITY, 0]) {
          const found = await search(file, { ...filter, kind, chunkBytes: 4096, contextBytes: 2048, parallelFromBytes });
          assert.deepEqual(found.map((entry) => [entry.offset, entry.level, entry.text]), expected.map((entry) => [entry.offset, entry.level, entry.text]), `${fixture} ${JSON.stringify(filter)} parallel from ${parallelFromBytes}`);
        }
      }
    });
  }

  it('reads UTF-16 logs by parsing every line', async () => {
    const text = readFileSync(path.join(FIXTURES, 'aspnetcore-debug-modern.log'), 'utf8');
    const file = path.join(folder, 'utf16.log');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const found = await search(file, { kind: 'debug', text: '0x8007', chunkBytes: 1024 });
    assert.ok(found.length > 0);
    assert.ok(found.every((entry) => entry.text.includes('0x8007')));
  });
});
