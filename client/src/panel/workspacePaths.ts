// Which workspace file a source path in a log entry means. A stack trace names the path the app was built at
// (`C:\src\Contoso.Web\Program.cs`, `/src/Contoso.Web/Program.cs`), seldom where the workspace holds it: the
// file is found by its name, and among files of that name the one sharing the most trailing folders wins.
// The path is log text, written by whoever could reach the app: whatever it says, only a file inside a
// workspace folder is opened. No vscode import, so the checks are unit-tested.

import * as path from 'node:path';

/** Whether `file` is strictly inside `folder` (both absolute, symbolic links already resolved). */
export function isInsideFolder(file: string, folder: string, paths: path.PlatformPath = path): boolean {
  const relative = paths.relative(paths.resolve(folder), paths.resolve(file));
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${paths.sep}`) && !paths.isAbsolute(relative);
}

export function isInsideAnyFolder(file: string, folders: readonly string[], paths: path.PlatformPath = path): boolean {
  return folders.some((folder) => isInsideFolder(file, folder, paths));
}

/** The names in a path written on Windows or Unix, without a drive or UNC host: `C:\a\b.cs` gives `a`, `b.cs`. */
export function pathSegments(reference: string): string[] {
  const withoutRoot = reference.replace(/^(?:[A-Za-z]:|\\\\[^\\/]+[\\/][^\\/]+)/, '');
  return withoutRoot.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
}

/** How many names at the end of two paths are the same, ignoring case (Windows paths ignore it). */
export function sharedTailLength(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[a.length - 1 - shared].toLowerCase() === b[b.length - 1 - shared].toLowerCase()) shared++;
  return shared;
}

/** The candidates sharing the most trailing names with the reference (at least its file name); several when tied. */
export function bestMatches(reference: string, candidates: readonly string[]): string[] {
  const wanted = pathSegments(reference);
  let best = 0;
  let matches: string[] = [];
  for (const candidate of candidates) {
    const shared = sharedTailLength(wanted, pathSegments(candidate));
    if (shared === 0 || shared < best) continue;
    if (shared > best) {
      best = shared;
      matches = [];
    }
    matches.push(candidate);
  }
  return matches;
}

/** A file name that can go into a search glob as itself: no glob syntax and no separators. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '..' && !/[*?[\]{}!\\/]/.test(name);
}
