// Opens a file a stranger may have named (a log, a file of a publish folder) for reading, only when it is a regular
// file. A FIFO (or a device) named as a log would block open() and every read in libuv's thread pool until a writer
// comes, which stalls every other log session with it. So the path is stat-ed first (stat, not lstat: a symlink to a regular file is fine), opened with
// O_NONBLOCK where the platform has it (a FIFO swapped in after the stat then opens at once instead of
// waiting), and the open handle is checked again. Confined to a site (Restricted Mode), the path's real location,
// symlinks resolved, must lie inside the site's real location, and that real path is what gets opened, so a symlink
// planted in the site cannot make the panel read a file elsewhere.

import { constants } from 'node:fs';
import { type FileHandle, open, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';

/** The path names something other than a regular file (a FIFO, a device, a socket, a folder). */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULARFILE';

  constructor(readonly path: string) {
    super(`not a regular file: ${path}`);
    this.name = 'NotRegularFileError';
  }
}

/** The path, symlinks resolved, leads out of the folder the reads are confined to. */
export class OutsideSiteError extends Error {
  readonly code = 'EOUTSIDESITE';

  constructor(readonly path: string, readonly realPath: string) {
    super(`not read: ${path} leads to ${realPath}, outside the site`);
    this.name = 'OutsideSiteError';
  }
}

/** Undefined on Windows, where no file blocks an open. */
const NON_BLOCKING: number = constants.O_NONBLOCK ?? 0;

/**
 * A read-only handle on the regular file at `filePath`; rejects with NotRegularFileError otherwise (ENOENT and the
 * like as they come). With `confineTo`, rejects with OutsideSiteError when the file really lies outside that folder.
 */
export async function openRegularFile(filePath: string, confineTo?: string): Promise<FileHandle> {
  const target = confineTo === undefined ? filePath : await confinedPath(filePath, confineTo);
  if (!(await stat(target)).isFile()) throw new NotRegularFileError(filePath);
  const handle = await open(target, constants.O_RDONLY | NON_BLOCKING);
  let regular = false;
  try {
    regular = (await handle.stat()).isFile();
  } finally {
    if (!regular) await handle.close();
  }
  if (!regular) throw new NotRegularFileError(filePath);
  return handle;
}

/**
 * The UTF-8 text of the regular file at `filePath` (opened as `openRegularFile` opens it), or undefined when it is not
 * one, lies outside `confineTo`, is larger than `maxBytes`, or cannot be read. Never throws.
 */
export async function readRegularTextFile(filePath: string, maxBytes: number, confineTo?: string): Promise<string | undefined> {
  try {
    const handle = await openRegularFile(filePath, confineTo);
    try {
      if ((await handle.stat()).size > maxBytes) return undefined;
      return await handle.readFile({ encoding: 'utf8' });
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** The real path of `filePath` when it lies inside `root`'s real path. */
export async function confinedPath(filePath: string, root: string): Promise<string> {
  const [realRoot, realFile] = await Promise.all([realPathOf(root), realPathOf(filePath)]);
  if (!isInside(realRoot, realFile)) throw new OutsideSiteError(filePath, realFile);
  return realFile;
}

/** True when `file` is `root` or lies under it (lexically; symlinks are the open-time check's job). */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The real path of `file`, or of its nearest existing folder with the rest appended (a log that does not exist yet
 * is judged by where it will be created).
 */
export async function realPathOf(file: string): Promise<string> {
  let existing = file;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return file;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
