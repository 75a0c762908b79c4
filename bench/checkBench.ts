// `ancm check` throughput (the command-line issue): a folder of 1,000 typical web.config files, checked
// the way the CLI checks them (read, decode, parse, every rule, locate findings), reported as files per
// second against fast-xml-parser's XMLValidator validating the same files (read included) in the same run.
// The peak memory of the run is printed too: files are checked one at a time, so it stays flat.
//   npm run bench:check

import { readFileSync, writeFileSync, mkdtempSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { checkFile } from '../server/src/cli/checkFiles';
import { ProjectChecks } from '../server/src/project/projectChecks';
import { percentile } from './stats';

const FILES = 1000;
const ROUNDS = 5;
const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'webconfig');

/** 1,000 configs: the project's fixtures, each copy with its own app name and a few values changed. */
function writeConfigs(folder: string): string[] {
  const sources = readdirSync(FIXTURES).filter((name) => name.endsWith('.config')).map((name) => readFileSync(path.join(FIXTURES, name), 'utf8'));
  const files: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const site = path.join(folder, `site${index}`);
    mkdirSync(site);
    const text = sources[index % sources.length]
      .replace(/Contoso|Fabrikam|Northwind/g, `App${index}`)
      .replace(/startupTimeLimit="\d+"/, `startupTimeLimit="${60 + (index % 300)}"`);
    const file = path.join(site, 'web.config');
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

async function timeRound(files: readonly string[], check: (file: string) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (const file of files) await check(file);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ancm-check-bench-'));
  try {
    const files = writeConfigs(folder);
    const ours: number[] = [];
    const validator: number[] = [];
    const project = new ProjectChecks(() => [folder]);
    const checkWithService = (file: string) => checkFile(file, {}, project);
    const validateOnly = async (file: string) => XMLValidator.validate(await readFile(file, 'utf8'));
    await timeRound(files.slice(0, 100), checkWithService);
    await timeRound(files.slice(0, 100), validateOnly);
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await timeRound(files, checkWithService));
      validator.push(await timeRound(files, validateOnly));
    }
    const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);
    const ourRate = FILES / (median(ours) / 1000);
    const validatorRate = FILES / (median(validator) / 1000);
    console.log(`ancm check: ${ourRate.toFixed(0)} files/s vs fast-xml-parser XMLValidator ${validatorRate.toFixed(0)} files/s = ${(ourRate / validatorRate).toFixed(2)}x (${FILES} typical configs, median of ${ROUNDS} rounds)`);
    console.log(`peak memory of the run: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
