// The log parsers on mutated real log lines: the debug log, stdout and Event Log text parsers and
// detectLogFormat never throw, never hang, and every line handed in is found in the entries that come out.
// Seeded: the same logs every run, so a failure names the seed and the log that replays it.
// FUZZ_LOGS=N (and FUZZ_SEED) run N logs instead; `npm run fuzz` runs a long pass from a new seed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomSource } from '../seededRandom';
import { checkLog, mutateLog, seedLogs } from './logFuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const LOGS = Number(process.env.FUZZ_LOGS ?? 2000);

describe('log parsers hold their properties on mutated real logs', () => {
  it(`parses ${LOGS} mutated logs with every parser`, { timeout: LOGS > 2000 ? Infinity : 120_000 }, () => {
    const seeds = seedLogs();
    assert.ok(seeds.length >= 8, 'the log fixtures are there');
    const random = randomSource(SEED);
    for (let index = 0; index < LOGS; index++) {
      const seed = seeds[index % seeds.length];
      const lines = seed.text.split(/\r?\n/);
      const mutated = index < seeds.length ? lines : mutateLog(lines, random);
      const problem = checkLog(mutated);
      assert.equal(problem, undefined, `log ${index} (from ${seed.name}, seed ${SEED}): ${problem}\n---\n${mutated.join('\n').slice(0, 4000)}`);
    }
  });
});
