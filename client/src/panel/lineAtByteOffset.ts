// Which line a byte offset falls on: the log engine gives each entry's byte offset in its file, and an
// editor opens at a line. Counting 0x0A bytes is exact in UTF-8 (no other character contains that byte)
// and reads only the part of the file before the entry.

import { createReadStream } from 'node:fs';

/** The 0-based line holding the byte at `offset`; a file shorter than that gives its last line. */
export async function lineAtByteOffset(file: string, offset: number): Promise<number> {
  if (offset <= 0) return 0;
  let line = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: offset - 1 })) {
    const bytes = chunk as Buffer;
    for (let index = bytes.indexOf(0x0a); index >= 0; index = bytes.indexOf(0x0a, index + 1)) line++;
  }
  return line;
}
