// Opens a log for reading, only when it is a regular file. A FIFO (or a device) named as a log would block
// open() and every read in libuv's thread pool until a writer comes, which stalls every other log session
// with it. So the path is stat-ed first (stat, not lstat: a symlink to a regular file is fine), opened with
// O_NONBLOCK where the platform has it (a FIFO swapped in after the stat then opens at once instead of
// waiting), and the open handle is checked again.

import { constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';

/** The path names something other than a regular file (a FIFO, a device, a socket, a folder). */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULARFILE';

  constructor(readonly path: string) {
    super(`not a regular file: ${path}`);
    this.name = 'NotRegularFileError';
  }
}

/** Undefined on Windows, where no file blocks an open. */
const NON_BLOCKING: number = constants.O_NONBLOCK ?? 0;

/** A read-only handle on the regular file at `filePath`; rejects with NotRegularFileError otherwise (ENOENT and the like as they come). */
export async function openRegularFile(filePath: string): Promise<FileHandle> {
  if (!(await stat(filePath)).isFile()) throw new NotRegularFileError(filePath);
  const handle = await open(filePath, constants.O_RDONLY | NON_BLOCKING);
  let regular = false;
  try {
    regular = (await handle.stat()).isFile();
  } finally {
    if (!regular) await handle.close();
  }
  if (!regular) throw new NotRegularFileError(filePath);
  return handle;
}
