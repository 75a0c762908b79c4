// `ancm logs FILE` as users run it: a cold process per command, the shipped bundle (dist/cli.js), against the shell
// tools a person would use instead, measured on the same file in the same run:
// - the last 1,000 entries of a 1 GiB debug log, against `tail -n 1000` plus Node's own start (`node -e 0`).
//   Target: at most 10x.
// - `--level error` over 200 MB, against grep counting the lines that hold the same candidate words the engine looks
//   for (levelCandidates.ts). Target: at least half grep's speed, under 150 MB of memory.
// - `--grep TEXT` over 200 MB, against `grep -c -F TEXT`. Target: at least half grep's speed, under 150 MB.
// Each run's output is checked (entry counts) so that a fast wrong answer cannot pass.
//   npm run build && npm run bench:cli

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { levelCandidates } from '../server/src/logs/levelCandidates';
import { RARE_TEXT, writeDebugLog } from './debugLogFile';
import { percentile } from './stats';

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
const ROUNDS = 5;
const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const RSS_PRELOAD = path.join(__dirname, 'maxRss.cjs');

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

interface Run {
  readonly ms: number;
  readonly stdout: string;
  readonly peakMb: number;
}

function timed(command: string, args: string[], rssFile?: string): Run {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * MIB, env: { ...process.env, NO_COLOR: '1', ...(rssFile && { ANCM_BENCH_RSS_FILE: rssFile }) } });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  // grep -c exits 1 when it counts nothing; that is an answer, not a failure.
  if (result.status !== 0 && !(command === 'grep' && result.status === 1)) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout, peakMb: rssFile ? Number(readFileSync(rssFile, 'utf8')) : 0 };
}

function ancm(args: string[], rssFile: string): Run {
  return timed(process.execPath, ['--require', RSS_PRELOAD, CLI, 'logs', ...args], rssFile);
}

function jsonLines(stdout: string): number {
  return stdout.split('\n').filter((line) => line.startsWith('{')).length;
}

function compare(name: string, ours: Run[], theirs: number[], target: string, pass: boolean, detail: string): void {
  const ratio = median(theirs) / median(ours.map((run) => run.ms));
  console.log(`${name}: ${median(ours.map((run) => run.ms)).toFixed(0)} ms vs ${median(theirs).toFixed(0)} ms = ${ratio.toFixed(2)}x the baseline's speed; peak ${Math.max(...ours.map((run) => run.peakMb)).toFixed(0)} MB; ${detail} (${target}) ${pass ? 'PASS' : 'FAIL'}`);
}

function main(): void {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ancm-cli-bench-'));
  const rss = path.join(folder, 'rss');
  try {
    const big = path.join(folder, 'aspnetcore-debug.log');
    process.stdout.write('... writing a 1 GiB debug log\n');
    writeDebugLog(big, GIB);
    const tail: number[] = [];
    const tailRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const nodeStart = timed(process.execPath, ['-e', '0']).ms;
      tail.push(timed('tail', ['-n', '1000', big]).ms + nodeStart);
      const run = ancm([big, '--tail', '1000', '--format', 'json'], rss);
      if (jsonLines(run.stdout) !== 1000) throw new Error(`ancm logs --tail 1000 printed ${jsonLines(run.stdout)} entries`);
      tailRuns.push(run);
    }
    const tailRatio = median(tailRuns.map((run) => run.ms)) / median(tail);
    compare('last 1,000 entries of 1 GiB', tailRuns, tail, 'target: time <= 10x tail + node start', tailRatio <= 10, `${tailRatio.toFixed(2)}x the time of tail -n 1000 + node -e 0`);
    rmSync(big);

    const history = path.join(folder, 'history.log');
    process.stdout.write('... writing 200 MB of history\n');
    writeDebugLog(history, 200 * MIB);
    // The same candidates as grep's extended syntax writes them (no `(?:` groups).
    const { patterns, tag } = levelCandidates('ERROR')!;
    const candidates = [...patterns, tag].map((pattern) => pattern.source.replace(/\(\?:/g, '(')).join('|');
    const grepLevel: number[] = [];
    const levelRuns: Run[] = [];
    const grepText: number[] = [];
    const textRuns: Run[] = [];
    let errorLines = 0;
    let textLines = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const grepErrors = timed('grep', ['-c', '-i', '-E', candidates, history]);
      errorLines = Number(grepErrors.stdout.trim());
      grepLevel.push(grepErrors.ms);
      const level = ancm([history, '--level', 'error', '--tail', '100000000', '--format', 'json'], rss);
      if (jsonLines(level.stdout) !== errorLines) throw new Error(`--level error printed ${jsonLines(level.stdout)} entries, grep counts ${errorLines} candidate lines`);
      levelRuns.push(level);
      const grepRare = timed('grep', ['-c', '-F', RARE_TEXT, history]);
      textLines = Number(grepRare.stdout.trim());
      grepText.push(grepRare.ms);
      const text = ancm([history, '--grep', RARE_TEXT, '--tail', '100000000', '--format', 'json'], rss);
      if (jsonLines(text.stdout) !== textLines) throw new Error(`--grep printed ${jsonLines(text.stdout)} entries, grep counts ${textLines} lines`);
      textRuns.push(text);
    }
    const peak = (runs: Run[]) => Math.max(...runs.map((run) => run.peakMb));
    const speed = (runs: Run[], baseline: number[]) => median(baseline) / median(runs.map((run) => run.ms));
    compare('--level error over 200 MB', levelRuns, grepLevel, 'target: >= 0.5x grep -c -i -E of the same candidate words, < 150 MB', speed(levelRuns, grepLevel) >= 0.5 && peak(levelRuns) < 150, `${errorLines} entries`);
    compare('--grep over 200 MB', textRuns, grepText, 'target: >= 0.5x grep -c -F, < 150 MB', speed(textRuns, grepText) >= 0.5 && peak(textRuns) < 150, `${textLines} entries`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
