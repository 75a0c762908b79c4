// Runs `ancm` both ways: in process through main() with captured output (fast), and as the built
// binary in a child process (exit codes, signals, real stdout).

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

export const ANCM_BIN = path.join(__dirname, '..', '..', 'bin', 'ancm.js');
export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** `untilStopped`: when a --follow run ends (default: as soon as it says it is following). */
export async function runInProcess(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, untilStopped?: () => Promise<void>): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let following = () => undefined as void;
  const startedFollowing = new Promise<void>((resolve) => (following = resolve));
  const code = await main(argv, {
    cwd,
    env,
    color: false,
    version: 'test',
    out: (line) => stdout.push(...line.split('\n')),
    error: (line) => {
      stderr.push(line);
      if (line.endsWith('Ctrl+C to stop')) following();
    },
    fail: (message) => {
      stderr.push(message);
      return 2;
    },
    untilStopped: untilStopped ?? (() => startedFollowing),
  });
  return { code, stdout, stderr };
}

/** `ancm ...` in process with `input` on standard input (pasted text, an inventory piped in). */
export async function runWithInput(argv: string[], input: string, cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    cwd,
    env: {},
    color: false,
    version: 'test',
    stdin: (async function* () {
      yield Buffer.from(input);
    })(),
    out: (line) => stdout.push(...line.split('\n')),
    error: (line) => stderr.push(line),
    fail: (message) => {
      stderr.push(message);
      return 2;
    },
    untilStopped: () => Promise.resolve(),
  });
  return { code, stdout, stderr };
}

export function runBinary(argv: string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [ANCM_BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' }, timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout.split('\n'), stderr: result.stderr.split('\n') };
}

export function spawnBinary(argv: string[], cwd: string) {
  return spawn(process.execPath, [ANCM_BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

/** A fresh temp folder with a copy of the given fixture folder in it. */
export function copyFixtures(folder: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'ancm-cli-'));
  cpSync(path.join(FIXTURES, folder), target, { recursive: true });
  return target;
}

/** A child's output as it arrives; `waitFor` resolves once it matches, or fails after a timeout instead of hanging. */
export function watchOutput(child: ChildProcess) {
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        if (pattern.test(output[stream])) {
          clearInterval(timer);
          resolve();
        } else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`no ${pattern} on ${stream}; it holds:\n${output[stream].slice(-2000)}\nstderr:\n${output.stderr}`));
        }
      }, 10);
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { output, waitFor, exited };
}
