import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { parseAllLines } from '../../server/src/logs/entryParser';
import { type EntryFilterOptions, createEntryFilter } from '../../server/src/protocol/entryFilter';
import { searchLogHistory } from '../../server/src/logs/historySearch';
import { LineDecoder } from '../../server/src/logs/lineDecoder';
import type { LogSource } from '../../server/src/protocol/levels';
import type { LogEntry } from '../../server/src/logs/types';

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
  return parseAllLines(createEntryParser(kind, file), lines).filter(createEntryFilter(filter));
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
    ['stdout-json.log', 'stdout'],
    ['aspnetcore-debug-wrapped.log', 'debug'],
    ['events-viewer.txt', 'events'],
    ['eventlog.xml', 'events'],
  ];
  const filters: EntryFilterOptions[] = [
    { text: 'marker' }, { text: 'MARKER-42' }, { text: '0x8007' }, { text: 'exception', level: 'ERROR' }, { text: 'é' },
    { level: 'WARNING' }, { level: 'ERROR' }, { level: 'ERROR', text: 'fail.*conn', regex: true }, { text: 'fail.*conn', regex: true }, { text: 'no such text anywhere' },
  ];

  for (const [fixture, kind] of cases) {
    it(`finds exactly what parsing everything finds, in ${fixture}`, async () => {
      const file = path.join(folder, fixture);
      writeFileSync(file, repeatedLog(fixture, 300));
      for (const filter of filters) {
        const expected = parseAllAndFilter(file, kind, filter);
        // Small chunks, so that many entries cross chunk edges; then split between this thread and the worker.
        for (const parallelFromBytes of [Number.POSITIVE_INFINITY, 0]) {
          const found = await search(file, { ...filter, kind, chunkBytes: 4096, contextBytes: parallelFromBytes === 0 ? 256 : 2048, parallelFromBytes });
          assert.deepEqual(found.map((entry) => [entry.offset, entry.level, entry.text]), expected.map((entry) => [entry.offset, entry.level, entry.text]), `${fixture} ${JSON.stringify(filter)} parallel from ${parallelFromBytes}`);
        }
      }
    });
  }

  it('finds exactly the entries the entry filter accepts for text outside ASCII, in any letter case', async () => {
    // Case variants whose UTF-8 bytes differ in more than ASCII case: accented Latin, Greek (with final
    // sigma and the micro sign, whose capital is Greek), Cyrillic, dotted capital I, sharp s.
    const words = ['ÉCHEC', 'Échec', 'échec', 'ΣΑΣ', 'σας', 'Σας', 'µs', 'ΜS', 'μs', 'ОШИБКА', 'Ошибка', 'ошибка', 'İSTANBUL', 'istanbul', 'ISTANBUL', 'STRASSE', 'straße', 'STRAßE', 'Ärger', 'äRGER'];
    const logs: [LogSource, (word: string, index: number) => string][] = [
      ['debug', (word, index) => `[2024-03-05T09:14:0${index % 10}.021Z, PID: 6312] [aspnetcorev2.dll] request ${index} ${word} done\r\n`],
      ['stdout', (word, index) => `fail: Contoso.Orders[${index}]\n      Order ${index}: ${word} done at step ${index % 7}\n`],
    ];
    const needles = ['échec', 'ÉCHEC', 'Échec DONE', 'σας', 'ΣΑΣ', 'ς', 'µs', 'μS', 'ошибка', 'ОШИБКА', 'İstanbul', 'i̇stanbul', 'istanbul', 'straße', 'STRASSE', 'ä', 'Ä'];
    for (const [kind, line] of logs) {
      const file = path.join(folder, `non-ascii-${kind}.log`);
      // Each word far from the others (more than the context parsed around an occurrence), so that every one must be found itself.
      writeFileSync(file, Array.from({ length: 12_000 }, (_, index) => line(index % 150 === 75 ? words[(index / 150 | 0) % words.length] : 'plain', index)).join(''));
      for (const text of needles) {
        const expected = parseAllAndFilter(file, kind, { text });
        // Only the dotted i followed by a combining dot (how 'İ' lowers) is in no entry.
        assert.equal(expected.length > 0, text !== 'i̇stanbul', `${kind} "${text}" finds ${expected.length}`);
        for (const parallelFromBytes of [Number.POSITIVE_INFINITY, 0]) {
          const found = await search(file, { text, kind, chunkBytes: 4096, contextBytes: 2048, parallelFromBytes });
          assert.deepEqual(found.map((entry) => [entry.offset, entry.text]), expected.map((entry) => [entry.offset, entry.text]), `${kind} "${text}" parallel from ${parallelFromBytes}`);
        }
      }
    }
  });

  it('finds text that spans the lines of an entry in a file with CR LF line ends', async () => {
    const file = path.join(folder, 'crlf-stdout.log');
    writeFileSync(file, Array.from({ length: 500 }, (_, index) => `info: Contoso.Orders[0]\r\n      Order ${index} shipped.\r\n`).join(''));
    const text = 'Orders[0]\n      ORDER 42 ';
    const expected = parseAllAndFilter(file, 'stdout', { text });
    assert.equal(expected.length, 1);
    assert.deepEqual((await search(file, { kind: 'stdout', text, chunkBytes: 4096 })).map((entry) => entry.offset), expected.map((entry) => entry.offset));
  });

  it('finds nothing in a file that does not exist (yet)', async () => {
    assert.deepEqual(await search(path.join(folder, 'not-written-yet.log'), { kind: 'debug', text: '0x8007' }), []);
    assert.deepEqual(await search(path.join(folder, 'no-folder', 'aspnetcore-debug.log'), { kind: 'debug', level: 'ERROR' }), []);
  });

  it('reads UTF-16 logs by parsing every line', async () => {
    const text = readFileSync(path.join(FIXTURES, 'aspnetcore-debug-modern.log'), 'utf8');
    const file = path.join(folder, 'utf16.log');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const found = await search(file, { kind: 'debug', text: '0x8007', chunkBytes: 1024 });
    assert.ok(found.length > 0);
    assert.ok(found.every((entry) => entry.text.includes('0x8007')));
  });
});
