// The stdout log files of a site: every file in the stdout folder whose name is ANCM's pattern for
// the configured prefix, ordered by the start time in the name, then by modification time.

import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { type StdoutLogName, parseStdoutLogName } from '../ancm/logNames';
import { confinedPath } from '../files/openFile';

export interface StdoutLogFile {
  readonly path: string;
  readonly name: StdoutLogName;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Oldest first. A missing folder is not an error: it gives no files (ANCM creates it on first start). With
 * `confineTo`, a folder whose real path is outside it gives no files either (each file's own check is at its open).
 */
export async function listStdoutLogs(folder: string, prefix: string, confineTo?: string): Promise<StdoutLogFile[]> {
  let names: string[];
  try {
    names = await readdir(confineTo === undefined ? folder : await confinedPath(folder, confineTo));
  } catch {
    return [];
  }
  const wanted = prefix.toLowerCase();
  const files: StdoutLogFile[] = [];
  for (const fileName of names) {
    const name = parseStdoutLogName(fileName);
    // Windows file names ignore case, so the prefix does too.
    if (!name || name.prefix.toLowerCase() !== wanted) continue;
    const filePath = path.join(folder, fileName);
    try {
      const info = await stat(filePath);
      if (info.isFile()) files.push({ path: filePath, name, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // Deleted between readdir and stat (ANCM deletes empty files on close).
    }
  }
  return files.sort(compareStdoutLogs);
}

export function compareStdoutLogs(a: StdoutLogFile, b: StdoutLogFile): number {
  const aTime = a.name.startTime?.getTime() ?? a.mtimeMs;
  const bTime = b.name.startTime?.getTime() ?? b.mtimeMs;
  return aTime - bTime || a.mtimeMs - b.mtimeMs || a.path.localeCompare(b.path);
}
