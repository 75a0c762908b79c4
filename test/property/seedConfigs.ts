// Real configs to start mutating from: the project's own fixtures, plus the shared corpus of
// public web.config files when it is there (CI has it; a plain clone may not).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'webconfig');
export const CORPUS = path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'webconfig');

export interface SeedConfig {
  readonly name: string;
  readonly text: string;
}

function readConfigs(folder: string): SeedConfig[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.config'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));
}

export function seedConfigs(): SeedConfig[] {
  return [...readConfigs(FIXTURES), ...(existsSync(CORPUS) ? readConfigs(CORPUS) : [])];
}
