// The long run of the property layer: 100,000 mutated real configs (or the count given) through diagnostics, their
// fixes, completion, hover, quick fixes and symbols, then mutated real logs through every log parser (a fifth as
// many), from a seed (default: the current time, printed so a failure can be replayed with FUZZ_SEED in the tests).
//   npm run fuzz -- [documents] [seed]

import { checkDocument } from '../test/property/checkDocument';
import { checkLog, mutateLog, seedLogs } from '../test/property/logFuzz';
import { mutate } from '../test/property/mutateConfig';
import { randomSource } from '../test/seededRandom';
import { seedConfigs } from '../test/property/seedConfigs';

const documents = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const logs = Math.ceil(documents / 5);
const seeds = seedConfigs();
const random = randomSource(seed);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzzing ${documents} documents from ${seeds.length} configs, seed ${seed}`);
for (let index = 0; index < documents; index++) {
  const source = seeds[index % seeds.length];
  const text = mutate(source.text, random);
  const problem = checkDocument(text, random);
  if (problem) {
    console.error(`FAIL at document ${index} (from ${source.name}, seed ${seed}): ${problem}\n---\n${text}`);
    process.exit(1);
  }
  if ((index + 1) % 10_000 === 0) console.log(`${index + 1} documents, ${seconds()} s`);
}
console.log(`all ${documents} documents hold every property (${seconds()} s)`);

const logSeeds = seedLogs();
const logRandom = randomSource(seed);
console.log(`fuzzing ${logs} logs from ${logSeeds.length} real logs, seed ${seed}`);
for (let index = 0; index < logs; index++) {
  const source = logSeeds[index % logSeeds.length];
  const lines = mutateLog(source.text.split(/\r?\n/), logRandom);
  const problem = checkLog(lines);
  if (problem) {
    console.error(`FAIL at log ${index} (from ${source.name}, seed ${seed}): ${problem}\n---\n${lines.join('\n').slice(0, 4000)}`);
    process.exit(1);
  }
}
console.log(`all ${logs} logs hold every property (${seconds()} s)`);
