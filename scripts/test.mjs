// Runs the test layers with node's test runner and ends with one plain summary line
// ("N passed, N failed"), so any CI can read the result. Usage: node --import tsx scripts/test.mjs [layer...]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const ALL_LAYERS = ['unit', 'property', 'lsp', 'cli', 'e2e'];
const layers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL_LAYERS;
const files = layers.flatMap((layer) =>
  readdirSync(join('test', layer), { recursive: true })
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join('test', layer, name)),
);

let passed = 0;
let failed = 0;
let summarized = false;
const stream = run({ files, concurrency: 2 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') passed++;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed++;
});
stream.compose(spec).pipe(process.stdout);
// The reporter stream finishes last; the summary goes after everything it printed.
process.on('beforeExit', () => {
  if (summarized) return;
  summarized = true;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
});
