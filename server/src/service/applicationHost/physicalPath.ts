// Where an application's physicalPath may be on this machine. IIS Express's applicationhost.config, which Visual
// Studio writes under <solution>/.vs/<solution name>/config/, names each app by its absolute Windows path
// (`C:\src\Shop\Shop.Web`); in a clone elsewhere, a container or a remote session that path does not exist, but its
// last folders do, under the solution folder. Pure: the shell tries the candidates in order.

import * as path from 'node:path';

/** How many trailing folders of a Windows path are tried under the solution folder. */
const MAX_SUFFIX = 4;

/** Local folders that may be the physicalPath, most likely first; none for an empty or unreadable value. */
export function physicalPathCandidates(physicalPath: string, configFilePath: string, platform: NodeJS.Platform = process.platform): string[] {
  const written = physicalPath.trim();
  if (written === '') return [];
  const candidates: string[] = [];
  const isWindowsAbsolute = /^[a-zA-Z]:[\\/]/.test(written) || /^%[^%]+%[\\/]/.test(written);
  if (platform === 'win32' ? path.win32.isAbsolute(written) && !written.includes('%') : path.posix.isAbsolute(written)) candidates.push(written);
  if (!isWindowsAbsolute) return candidates;
  const segments = written.replace(/^[a-zA-Z]:|^%[^%]+%/, '').split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const configFolder = path.dirname(configFilePath);
  // .vs/<name>/config/applicationhost.config: the solution folder is three levels up from the config folder.
  const bases = [path.resolve(configFolder, '..', '..', '..'), configFolder, path.dirname(configFolder)];
  for (let length = 1; length <= Math.min(MAX_SUFFIX, segments.length); length++) {
    for (const base of bases) candidates.push(path.join(base, ...segments.slice(segments.length - length)));
  }
  return [...new Set(candidates)];
}
