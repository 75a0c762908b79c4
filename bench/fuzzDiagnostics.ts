// The long run of the diagnostics property test: 100,000 mutated real configs (or the count given),
// from a seed (default: the current time, printed so a failure can be replayed).
//   npm run fuzz -- [documents] [seed]

import { checkDocument } from '../test/property/checkDocument';
import { mutate } from '../test/property/mutateConfig';
import { randomSource } from '../test/seededRandom';
import { seedConfigs } from '../test/property/seedConfigs';

const documents = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const seeds = seedConfigs();
const random = randomSource(seed);
const started = performance.now();
console.log(`fuzzing ${documents} documents from ${seeds.length} configs, seed ${seed}`);
for (let index = 0; index < documents; index++) {
  const source = seeds[index % seeds.length];
  const text = mutate(source.text, random);
  const problem = checkDocument(text, random);
  if (problem) {
    console.error(`FAIL at document ${index} (from ${source.name}, seed ${seed}): ${problem}\n---\n${text}`);
    process.exit(1);
  }
  if ((index + 1) % 10_000 === 0) console.log(`${index + 1} documents, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`all ${documents} documents hold every property (${((performance.now() - started) / 1000).toFixed(1)} s)`);
