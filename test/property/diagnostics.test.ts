import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from './checkDocument';
import { mutate } from './mutateConfig';
import { randomSource } from '../seededRandom';
import { seedConfigs } from './seedConfigs';

// A seeded run: the same documents every time, so a failure names a seed that replays it. Besides diagnostics and
// their fixes, checkDocument probes completion, hover, quick fixes and symbols at random offsets.
// `npm run fuzz` runs the same check over 100,000 documents; FUZZ_DOCUMENTS=N (and FUZZ_SEED) run N here.
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 4000);

describe('diagnostics hold their properties on mutated real configs', () => {
  it(`checks ${DOCUMENTS} mutated documents`, { timeout: DOCUMENTS > 4000 ? Infinity : 120_000 }, () => {
    const seeds = seedConfigs();
    assert.ok(seeds.length >= 5, 'the project fixtures are there');
    const random = randomSource(SEED);
    for (let index = 0; index < DOCUMENTS; index++) {
      const seed = seeds[index % seeds.length];
      const text = index < seeds.length ? seed.text : mutate(seed.text, random);
      const problem = checkDocument(text, random);
      assert.equal(problem, undefined, `document ${index} (from ${seed.name}, seed ${SEED}):\n${problem}\n---\n${text}`);
    }
  });
});
