// Which files `ancm check` reads: the paths and globs given, or under the current folder every web.config and
// web.*.config and the files around them (project files, Directory.Build.props, publish profiles, launchSettings.json,
// applicationHost.config), any letter case, skipping dependency and build output folders.

import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { servedFileKindOfName } from '../service/languageService';

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/bin/**', '**/obj/**', '**/.git/**'];

export class NoSuchPathError extends Error {}

/** Absolute paths, sorted, without duplicates. A named path that does not exist is an error; a glob that matches nothing is not. */
export async function findCheckedFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      found.add(absolute);
    } else if (info?.isDirectory()) {
      // Dot folders are skipped, but for IIS Express's .vs/<solution>/config/applicationhost.config.
      const files = [
        ...(await glob(['**/*.{config,csproj,fsproj,vbproj,props,pubxml,json}'], { cwd: absolute, absolute: true, ignore: SKIPPED_FOLDERS, caseSensitiveMatch: false, dot: false })),
        ...(await glob(['.vs/*/config/applicationhost.config'], { cwd: absolute, absolute: true, caseSensitiveMatch: false, dot: true })),
      ];
      for (const file of files) {
        if (servedFileKindOfName(path.basename(file)) !== undefined) found.add(path.normalize(file));
      }
    } else if (isGlob(pattern)) {
      for (const file of await glob(pattern, { cwd, absolute: true, ignore: SKIPPED_FOLDERS, onlyFiles: true })) found.add(path.normalize(file));
    } else {
      throw new NoSuchPathError(`${pattern}: no such file or folder`);
    }
  }
  return [...found].sort();
}

function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * The folders a run checks: each folder given, the folder of each file given, the fixed part of each glob (`src/` of
 * `src/**\/web.config`), or the current folder. As real paths for `--fix` to tell a symlink out of them; as given for
 * the files around a checked one, which are read only inside these folders (and the current one).
 */
export async function checkedFolders(patterns: readonly string[], cwd: string, { realPaths = true } = {}): Promise<string[]> {
  const folders = new Set<string>();
  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const absolute = path.resolve(cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    const folder = info?.isDirectory() ? absolute : info?.isFile() ? path.dirname(absolute) : isGlob(pattern) ? path.resolve(cwd, fixedPart(pattern)) : undefined;
    const kept = folder === undefined || !realPaths ? folder : await realpath(folder).catch(() => undefined);
    if (kept !== undefined) folders.add(kept);
  }
  return [...folders];
}

function fixedPart(glob: string): string {
  const segments = glob.split('/');
  const firstPattern = segments.findIndex(isGlob);
  return segments.slice(0, firstPattern === -1 ? segments.length - 1 : firstPattern).join('/') || '.';
}
