// Log engine benchmarks (log engine issue), each against a baseline run on the same file in the same run:
// - opening a 1 GiB debug log shows its last 1,000 entries: the engine's open path (SiteLogFollower, as the
//   panel and `ancm logs` use it), timed inside a child process that also reports its peak memory,
//   against `tail -n 1000` on the file. Targets: within 10x the tail time, under 100 MB.
// - level plus text filtering over 256 MB of history (searchLogHistory, timed inside a child, worker thread
//   against `grep -c -F` for the same text. Target: at least half as fast as grep.
// - append latency: bench/tailLatency.ts.
// The files are generated in the system temp folder and deleted afterwards.
//   npm run bench:logs

import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatTailLatency, runTailLatencyBench } from './tailLatency';
import { RARE_TEXT, writeDebugLog as writeLog } from './debugLogFile';
import { percentile } from './stats';

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
const ROUNDS = 5;

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

/** Runs a command and times it; its output is returned so the caller can check it did the work. */
function timeCommand(command: string, args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * MIB });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

interface OpenResult {
  /** The first open in a fresh process. */
  readonly coldMs: number;
  /** The median of later opens, as in a language server that has opened a log before. */
  readonly ms: number;
  readonly entries: number;
  readonly peakRssMb: number;
}

/**
 * The measured work runs in children built like the shipped server (esbuild bundles on plain node, the
 * history search's worker beside them as in dist/), so time and memory are the product's.
 */
function bundleChildren(folder: string): { open: string; filter: string } {
  buildSync({
    entryPoints: {
      logsOpenChild: path.join(__dirname, 'logsOpenChild.ts'),
      logsFilterChild: path.join(__dirname, 'logsFilterChild.ts'),
      historySearchWorker: path.join(__dirname, '..', 'server', 'src', 'logs', 'historySearchWorker.ts'),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: folder,
    logLevel: 'warning',
  });
  return { open: path.join(folder, 'logsOpenChild.js'), filter: path.join(folder, 'logsFilterChild.js') };
}

function runOpenChild(child: string, file: string): OpenResult {
  const run = spawnSync(process.execPath, [child, file], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`open child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as OpenResult;
}

function idleNodeRssMb(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function filterHistory(child: string, file: string): { ms: number; found: number } {
  const run = spawnSync(process.execPath, [child, file, RARE_TEXT], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`filter child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { ms: number; found: number };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ancm-logs-bench-'));
  try {
    const big = path.join(folder, 'aspnetcore-debug.log');
    process.stdout.write('... writing a 1 GiB debug log\n');
    writeLog(big, GIB);
    const children = bundleChildren(folder);
    const tailMs: number[] = [];
    const opens: OpenResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const tail = timeCommand('tail', ['-n', '1000', big]);
      if (tail.stdout.split('\n').length < 1000) throw new Error('tail printed fewer than 1,000 lines');
      tailMs.push(tail.ms);
      opens.push(runOpenChild(children.open, big));
    }
    const openMs = median(opens.map((open) => open.ms));
    const peakMb = Math.max(...opens.map((open) => open.peakRssMb));
    const idleMb = idleNodeRssMb();
    const openRatio = openMs / median(tailMs);
    rmSync(big);

    const history = path.join(folder, 'history.log');
    process.stdout.write('... writing 256 MB of history\n');
    writeLog(history, 256 * MIB);
    process.stdout.write(`    ${(statSync(history).size / MIB).toFixed(0)} MiB written\n`);
    const grepMs: number[] = [];
    const ourMs: number[] = [];
    let matches = 0;
    let grepMatches = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const grep = timeCommand('grep', ['-c', '-F', RARE_TEXT, history]);
      grepMatches = Number(grep.stdout.trim());
      grepMs.push(grep.ms);
      const filtered = filterHistory(children.filter, history);
      matches = filtered.found;
      ourMs.push(filtered.ms);
    }
    if (matches !== grepMatches) throw new Error(`the filter found ${matches} entries, grep ${grepMatches} lines`);
    const speedRatio = median(grepMs) / median(ourMs);

    process.stdout.write('... append latency (15 s)\n');
    const latency = await runTailLatencyBench();

    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    console.log('');
    console.log(`open 1 GiB log, last 1,000 entries: ${openMs.toFixed(1)} ms (${opens[0].entries} entries) vs tail -n 1000 ${median(tailMs).toFixed(1)} ms = ${openRatio.toFixed(2)}x (target <= 10x) ${verdict(openRatio <= 10)}`);
    console.log(`  the first open in a fresh process (code not yet compiled): ${median(opens.map((open) => open.coldMs)).toFixed(1)} ms = ${(median(opens.map((open) => open.coldMs)) / median(tailMs)).toFixed(2)}x`);
    console.log(`  peak memory of the opening process: ${peakMb.toFixed(1)} MB (an idle node process: ${idleMb.toFixed(1)} MB) (target < 100 MB) ${verdict(peakMb < 100)}`);
    console.log(`filter 256 MB of history (level INFO + text, ${matches} matches): ${median(ourMs).toFixed(0)} ms vs grep -c -F ${median(grepMs).toFixed(0)} ms = ${speedRatio.toFixed(2)}x grep's speed (target >= 0.5x) ${verdict(speedRatio >= 0.5)}`);
    console.log(formatTailLatency(latency));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
