// Which line a byte offset falls on: the log engine gives each entry's byte offset in its file, and an
// editor opens at a line. Counting 0x0A bytes is exact in UTF-8 (no other character contains that byte)
// and reads only the part of the file before the entry.

import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** The 0-based line holding the byte at `offset`; a file shorter than that gives its last line. Rejects for a path that is no regular file. */
export async function lineAtByteOffset(file: string, offset: number): Promise<number> {
  if (offset <= 0) return 0;
  // A FIFO swapped in for the log would block the read (and the extension host's file thread) until a writer
  // comes: only a regular file is opened, without waiting (O_NONBLOCK, where there is one), and checked again open.
  if (!(await stat(file)).isFile()) throw new Error(`not a regular file: ${file}`);
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`not a regular file: ${file}`);
    let line = 0;
    for await (const chunk of handle.createReadStream({ start: 0, end: offset - 1, autoClose: false })) {
      const bytes = chunk as Buffer;
      for (let index = bytes.indexOf(0x0a); index >= 0; index = bytes.indexOf(0x0a, index + 1)) line++;
    }
    return line;
  } finally {
    await handle.close();
  }
}
