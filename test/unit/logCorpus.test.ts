// The log engine over real logs pasted into public issues (/work/shared/corpus/logs, described by its MANIFEST.tsv): for every
// file, the format detected from its content and each entry's level, time, PID, event id, provider and the start of its
// message must match test/fixtures/logs/corpus-expected.json, which was written by reading the logs, not by running the
// engine. Its `causes` are what a reader finds caused each failure (ancm/failureCauses.ts ids): explaining the file's
// entries must find at least those, and nothing at all in a file that shows no failure (a healthy start or shutdown, or
// a copy cut before the failure). The corpus is optional: without it these tests are skipped.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { explainEntry } from '../../server/src/ancm/explainFailure';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { detectLogFormat } from '../../server/src/logs/detectLogFormat';
import { parseAllLines } from '../../server/src/logs/entryParser';
import type { LogEntry, LogLine } from '../../server/src/logs/types';
import { LOG_FIXTURES, linesOf } from './logs/logLines';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'logs');

interface ExpectedEntry {
  readonly level: string;
  readonly time: string | null;
  readonly pid: number | null;
  readonly starts: string;
  readonly eventId?: number | null;
  readonly provider?: string | null;
}

const expected: Record<string, { format: string; causes: string[]; entries: ExpectedEntry[] }> = JSON.parse(readFileSync(join(LOG_FIXTURES, 'corpus-expected.json'), 'utf8'));
const corpusMissing = existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : `no corpus at ${CORPUS}`;

function read(name: string): { format: string; lines: LogLine[] } {
  const text = readFileSync(join(CORPUS, name), 'utf8');
  return { format: detectLogFormat(text), lines: linesOf(text) };
}

function summary(entry: LogEntry): ExpectedEntry {
  const base = { level: entry.level, time: entry.time ?? null, pid: entry.pid ?? null, starts: entry.message.slice(0, 40) };
  return entry.source === 'events' ? { ...base, eventId: entry.eventId ?? null, provider: entry.origin ?? null } : base;
}

describe('log engine over the real-world corpus', { skip: corpusMissing }, () => {
  it('has an expectation for every log file in the corpus', () => {
    const files = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((row) => row.split('\t')[0])
      .filter((file) => file && existsSync(join(CORPUS, file)));
    assert.deepEqual(files.sort(), Object.keys(expected).sort());
  });

  for (const [name, expectation] of Object.entries(expected)) {
    it(`reads ${name} as a person would`, () => {
      const { format, lines } = read(name);
      assert.equal(format, expectation.format, `${name}: format`);
      const entries = parseAllLines(createEntryParser(expectation.format as LogEntry['source'], name), lines);
      assert.deepEqual(entries.map(summary), expectation.entries);
      // Lines arriving one at a time give the same entries as the whole file at once.
      const parser = createEntryParser(expectation.format as LogEntry['source'], name);
      const oneByOne = [...lines.flatMap((line) => parser.push([line])), ...parser.flush()];
      assert.deepEqual(oneByOne, entries, `${name}: line-by-line parsing differs`);
    });

    it(`explains the failure in ${name} as a reader does`, () => {
      const { lines } = read(name);
      const entries = parseAllLines(createEntryParser(expectation.format as LogEntry['source'], name), lines);
      const found = new Set(entries.flatMap((entry) => explainEntry(entry)));
      if (expectation.causes.length === 0) assert.deepEqual([...found], [], `${name} shows no failure`);
      else assert.deepEqual(expectation.causes.filter((cause) => !found.has(cause)), [], `${name}: found ${[...found].join(', ')}`);
    });
  }
});
