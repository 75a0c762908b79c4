// Both log parsers over real logs pasted into public issues (/work/shared/corpus/logs, described by its MANIFEST.tsv):
// debug-NN.log files go to the debug-log parser, stdout-NN.log files to the stdout parser. The corpus is optional:
// without its .log files these tests are skipped.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEBUG_LEVELS } from '../../server/src/ancm/debugLevel';
import { DebugLogParser } from '../../server/src/logs/debugLogParser';
import { StdoutParser } from '../../server/src/logs/stdoutParser';
import type { LogEntry, LogLine } from '../../server/src/logs/types';
import { linesOf } from './logs/logLines';

const CORPUS = '/work/shared/corpus/logs';

/** Samples whose manifest note shows an ANCM or app failure, so at least one entry must be an ERROR. */
const ERROR_BEARING = ['debug-02.log', 'debug-07.log', 'debug-16.log', 'debug-18.log', 'debug-19.log', 'stdout-07.log', 'stdout-11.log', 'stdout-15.log'];
/** ANCM V1 event-log texts quoted in issues: no `[dll]` label to find. */
const WITHOUT_DLL_LABEL = ['debug-20.log', 'debug-21.log'];

function manifestFiles(): string[] {
  const [, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  return rows.map((row) => row.split('\t')[0]).filter((file) => existsSync(join(CORPUS, file)));
}

const files = existsSync(join(CORPUS, 'MANIFEST.tsv')) ? manifestFiles() : [];
const corpusMissing = files.length > 0 ? false : `no .log files in ${CORPUS}`;


function parse(name: string, lines: readonly LogLine[]): LogEntry[] {
  const file = join(CORPUS, name);
  return name.startsWith('debug-') ? DebugLogParser.parseAll(lines, { file }) : StdoutParser.parseAll(lines, { file });
}

function parseLineByLine(name: string, lines: readonly LogLine[]): LogEntry[] {
  const file = join(CORPUS, name);
  const parser = name.startsWith('debug-') ? new DebugLogParser({ file }) : new StdoutParser({ file });
  const entries = lines.flatMap((line) => parser.push([line]));
  return [...entries, ...parser.flush()];
}

describe('log parsers over the real-world corpus', { skip: corpusMissing }, () => {
  it('parse every sample into entries with plausible levels', () => {
    for (const name of files) {
      const lines = linesOf(readFileSync(join(CORPUS, name), 'utf8'));
      const entries = parse(name, lines);
      assert.ok(entries.length >= 1, `${name}: no entry`);
      for (const entry of entries) {
        assert.ok(DEBUG_LEVELS.includes(entry.level), `${name}: level ${entry.level}`);
        assert.ok(['logger', 'catalog', 'heuristic'].includes(entry.levelFrom), name);
        assert.ok(entry.text.length > 0 || lines.length === 0, `${name}: empty entry at ${entry.offset}`);
      }
      assert.deepEqual(parseLineByLine(name, lines), entries, `${name}: line-by-line parsing differs`);
    }
  });

  it('find an ERROR in each sample that shows a failure', () => {
    for (const name of ERROR_BEARING.filter((file) => files.includes(file))) {
      const entries = parse(name, linesOf(readFileSync(join(CORPUS, name), 'utf8')));
      assert.ok(
        entries.some((entry) => entry.level === 'ERROR'),
        `${name}: ${entries.map((entry) => `${entry.level} ${entry.message.slice(0, 60)}`).join(' | ')}`,
      );
    }
  });

  it("recognise ANCM's prefix in every debug sample that has one", () => {
    for (const name of files.filter((file) => file.startsWith('debug-') && !WITHOUT_DLL_LABEL.includes(file))) {
      const entries = parse(name, linesOf(readFileSync(join(CORPUS, name), 'utf8')));
      const labelled = entries.filter((entry) => entry.origin !== undefined);
      assert.ok(labelled.length > 0, `${name}: no [dll] prefix found`);
      assert.ok(labelled.every((entry) => /^aspnetcore\w*\.dll$/i.test(entry.origin ?? '')), name);
      assert.ok(labelled.some((entry) => entry.levelFrom === 'catalog'), `${name}: no message from the catalog`);
    }
  });
});
