// Runs `ancm` both ways: in process through main() with captured output (fast), and as the built
// binary in a child process (exit codes, signals, real stdout).

import { spawn, spawnSync } from 'node:child_process';
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

export async function runInProcess(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    cwd,
    env,
    color: false,
    version: 'test',
    out: (line) => stdout.push(...line.split('\n')),
    error: (line) => stderr.push(line),
    fail: (message) => {
      stderr.push(message);
      return 2;
    },
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
