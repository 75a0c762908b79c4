// Checks that the end-to-end layer catches a broken extension: it packages a build whose Toggle Hosting Model
// command throws (ANCM_E2E_BREAK=toggle-throws, see test/e2e/harness.ts), runs scenario 5 against it, and
// passes only if that scenario FAILS, with a screenshot of the workbench at the moment it failed and the
// command's error in the failure message.
//
// Usage: node scripts/e2e-broken-check.mjs     (a few minutes the first time: it may install the e2e cache)
// The e2e layer runs it as its last test; its screenshots go to test-results/e2e-broken-check/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Its own folder: the screenshot of this deliberate failure is not mistaken for a real one.
const RESULTS = join(ROOT, 'test-results', 'e2e-broken-check');
const isScenario5Shot = (name) => name.startsWith('FAILED-5.') && name.endsWith('.png');

// No screenshot from an earlier run may count.
if (existsSync(RESULTS)) for (const name of readdirSync(RESULTS).filter(isScenario5Shot)) rmSync(join(RESULTS, name));

const started = Date.now();
// Run as a test of the e2e layer, this process inherits the test runner's NODE_TEST_CONTEXT, which would make
// the nested `node --test` report to a parent that is not listening instead of running the file.
const env = { ...process.env, ANCM_E2E_BREAK: 'toggle-throws', ANCM_E2E_RESULTS: RESULTS };
delete env.NODE_TEST_CONTEXT;
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-name-pattern=^5\\. ', 'test/e2e/scenarios.test.ts'], {
  cwd: ROOT,
  encoding: 'utf8',
  env,
});
const output = `${run.stdout}${run.stderr}`;
const shots = existsSync(RESULTS) ? readdirSync(RESULTS).filter(isScenario5Shot) : [];

const problems = [];
if (run.status === 0) problems.push('scenario 5 passed against an extension whose Toggle Hosting Model command throws');
if (!/✖ 5\. /.test(output)) problems.push('the output does not show scenario 5 failing');
if (shots.length === 0) problems.push(`no failure screenshot (FAILED-5.*.png) in ${RESULTS}`);
if (!/VS Code showed an error instead: .*Deliberately broken by ANCM_E2E_BREAK=toggle-throws/.test(output)) problems.push("the failure message does not name the command's error (it should quote the error VS Code showed)");

process.stdout.write(output.split('\n').filter((line) => /✔|✖|Screenshot|On screen|Error:/.test(line)).slice(0, 20).join('\n') + '\n\n');
if (problems.length > 0) {
  process.stdout.write(`BROKEN-EXTENSION CHECK FAILED (${((Date.now() - started) / 1000).toFixed(0)} s):\n- ${problems.join('\n- ')}\n\nFull output:\n${output}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`Broken-extension check passed in ${((Date.now() - started) / 1000).toFixed(0)} s: scenario 5 failed as it should, screenshot ${join(RESULTS, shots[0])}\n`);
}
