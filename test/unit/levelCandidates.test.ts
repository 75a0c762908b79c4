// The candidates of a level filter are sound: every entry at the level, in the project's fixtures and in the real-world
// corpus, holds one, so searching a whole log for them and parsing only around them misses no entry.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEBUG_LOG_MESSAGES } from '../../server/src/ancm/debugLogCatalog';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { detectLogFormat } from '../../server/src/logs/detectLogFormat';
import { parseAllLines } from '../../server/src/logs/entryParser';
import { levelShows } from '../../server/src/protocol/entryFilter';
import { levelCandidates } from '../../server/src/logs/levelCandidates';
import type { AncmLevel } from '../../server/src/protocol/levels';
import type { LogEntry } from '../../server/src/logs/types';
import { LOG_FIXTURES, linesOf } from './logs/logLines';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'logs');

function logFiles(): string[] {
  const own = readdirSync(LOG_FIXTURES).filter((name) => !name.endsWith('.json')).map((name) => join(LOG_FIXTURES, name));
  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.log')).map((name) => join(CORPUS, name)) : [];
  return [...own, ...corpus];
}

function entriesOf(file: string): LogEntry[] {
  const text = readFileSync(file, 'utf8');
  return parseAllLines(createEntryParser(detectLogFormat(text), file), linesOf(text));
}

function holdsCandidate(threshold: AncmLevel, text: string): boolean {
  const { patterns, tag } = levelCandidates(threshold)!;
  return [...patterns, tag].some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

describe('level filter candidates', () => {
  for (const threshold of ['ERROR', 'WARNING'] as const) {
    it(`find every ${threshold} entry or worse in every log the tests know`, () => {
      let checked = 0;
      for (const file of logFiles()) {
        for (const entry of entriesOf(file)) {
          if (!levelShows(threshold, entry.level)) continue;
          checked++;
          assert.ok(holdsCandidate(threshold, entry.text), `${file} at ${entry.offset}: ${entry.text.slice(0, 120)}`);
        }
      }
      assert.ok(checked >= 20, `only ${checked} entries at ${threshold}`);
    });

    it(`know every catalog message logged at ${threshold} or worse`, () => {
      for (const message of DEBUG_LOG_MESSAGES.filter((candidate) => levelShows(threshold, candidate.level))) {
        const sample = message.format.replace(/%[-+ #0]*\d*(?:\.\d+)?(?:l|h|ll)?[sSdiuxXc]/g, 'VALUE');
        assert.ok(holdsCandidate(threshold, sample), message.format);
      }
    });
  }

  it('filter nothing at INFO and TRACE, where nearly every entry shows', () => {
    assert.equal(levelCandidates('INFO'), undefined);
    assert.equal(levelCandidates('TRACE'), undefined);
  });

  it('pass over the ordinary lines of a busy log', () => {
    for (const line of [
      '[2024-11-23T03:40:41.670Z, PID: 16208] [aspnetcorev2_outofprocess.dll] FORWARDING_HANDLER::FORWARDING_HANDLER',
      '[2024-11-23T03:40:41.670Z, PID: 16208] [aspnetcorev2_outofprocess.dll] Adding request. Total Request Count 12',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Now listening on: http://localhost:5000',
    ]) {
      assert.equal(holdsCandidate('WARNING', line), false, line);
    }
  });
});
