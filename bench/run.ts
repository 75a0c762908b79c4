// `npm run bench`: model build, in-process and stdio latency, and server memory, each as a ratio against
// a baseline measured in the same run (the machines are shared and noisy, so absolute times drift).
// Figures and targets are those of the foundation issue; the table is what goes in the README.

import * as os from 'node:os';
import { type Fixture, largeWebConfig, typicalWebConfig } from './fixtures';
import { benchInProcess } from './inProcess';
import { benchModelBuild } from './modelBuild';
import { findProbes } from './probes';
import { RESULTS_FILE, describeInput, formatInputs, formatTable, formatVerdict, writeResults } from './report';
import { type ResultRow, type TargetInputs, inProcessRows, memoryRows, modelBuildRows, stdioRows } from './results';
import { ensureServerBundle } from './serverBundle';
import type { Summary } from './stats';
import { benchStdio } from './stdioBench';
import { progress, runBenchmark } from './benchMain';

const ONE_MIB = 1024 * 1024;
/** Latency is sampled in this many passes; its p99 is the median of theirs (see summarizePasses). */
const PASSES = 5;
/** A hung server or a runaway loop must not hold the shared machine. */
const WATCHDOG_MS = 180_000;

async function main(): Promise<void> {
  const typical = typicalWebConfig();
  const large = largeWebConfig(ONE_MIB);
  const inputs = [typical, large].map(describeInput);
  const targetInputs: TargetInputs = { typical: typical.name, large: large.name };
  const environment = describeEnvironment();
  console.log(`ANCM Tools benchmark: ${Object.entries(environment).map(([key, value]) => `${key} ${value}`).join(', ')}`);
  console.log(formatInputs(inputs));
  ensureServerBundle();

  const rows: ResultRow[] = [];
  const parseBaselines = new Map<string, Summary>();
  for (const fixture of [typical, large]) {
    progress(`model build and in-process latency, ${fixture.name}`);
    const build = benchModelBuild(fixture, { rounds: isLarge(fixture) ? 30 : 200, batchMs: 5 });
    parseBaselines.set(fixture.name, build.fastXmlParser);
    rows.push(...modelBuildRows(fixture.name, build, targetInputs));
    const inProcess = benchInProcess(fixture, findProbes(fixture.text), { warmUpRounds: 100, passes: PASSES, roundsPerPass: 100, parsesPerPass: isLarge(fixture) ? 12 : 400 });
    rows.push(...inProcessRows(fixture.name, inProcess, build.fastXmlParser, targetInputs));
  }

  progress('language server over stdio');
  const stdio = await benchStdio(typical, large, { warmUpRounds: 20, passes: PASSES, roundsPerPass: 20, editsPerPass: (fixture) => (isLarge(fixture) ? 12 : 60), settleMs: 500 });
  for (const [name, result] of stdio.files) rows.push(...stdioRows(name, result, parseBaselines.get(name)!));
  if (stdio.memory) rows.push(...memoryRows(stdio.memory, targetInputs));
  else console.log('Server memory not measured: this OS has no /proc.');

  console.log(`\n${formatTable(rows)}\n\n${formatVerdict(rows)}`);
  writeResults({ environment, inputs, rows });
  console.log(`Results written to ${RESULTS_FILE}`);
}

function isLarge(fixture: Fixture): boolean {
  return fixture.text.length > ONE_MIB / 2;
}

function describeEnvironment(): Record<string, string | number | boolean> {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    // Other jobs on the shared machine show here: p99 figures mean little when this exceeds the CPU count.
    loadAverage: Number(os.loadavg()[0].toFixed(2)),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    date: new Date().toISOString(),
  };
}

runBenchmark(main, WATCHDOG_MS);
