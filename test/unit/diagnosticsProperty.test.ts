import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from '../property/checkDocument';
import { mutate } from '../property/mutateConfig';
import { randomSource } from '../seededRandom';
import { seedConfigs } from '../property/seedConfigs';

// A seeded run: the same documents every time, so a failure names a seed that replays it.
// `npm run fuzz` runs the same check over 100,000 documents.
const SEED = 20261121;
const DOCUMENTS = 1500;

describe('diagnostics hold their properties on mutated real configs', () => {
  it(`checks ${DOCUMENTS} mutated documents`, { timeout: 120_000 }, () => {
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
