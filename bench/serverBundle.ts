// The server is measured as it ships: the esbuild bundle that bin/ancm-language-server.js loads.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'server.js');
const SOURCES = path.join(ROOT, 'server', 'src');

/** Builds dist/server.js when it is missing or older than a server source, so the figures match the code. */
export function ensureServerBundle(): void {
  const bundleTime = modifiedTime(BUNDLE);
  if (bundleTime !== undefined && newestSourceTime(SOURCES) <= bundleTime) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

function modifiedTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
