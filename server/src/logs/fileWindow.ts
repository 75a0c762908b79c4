// Reading a window of a log file as lines, in bounded chunks, without loading the file: where the
// tail starts, where an earlier page starts, the lines of a byte range. Every window starts at a line start, so no half line shows,
// unless the window holds no line break at all (a line longer than the window): then it starts at
// the window's first byte and that line is delivered in pieces.

import type { FileHandle } from 'node:fs/promises';
import { BYTE_ORDER_MARK_MAX_BYTES, type ByteOrderMark, LineDecoder, type LogEncoding, codeUnitBytes, detectByteOrderMark, indexOfLineFeed } from './lineDecoder';
import type { LogLine } from './types';

export const DEFAULT_CHUNK_BYTES = 64 * 1024;
export const DEFAULT_WINDOW_BYTES = 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** The file's byte order mark, or `undefined` while the file is too short to tell. */
export async function readByteOrderMark(handle: FileHandle, size: number): Promise<ByteOrderMark | undefined> {
  const head = Buffer.alloc(Math.min(BYTE_ORDER_MARK_MAX_BYTES, size));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  return detectByteOrderMark(head.subarray(0, bytesRead));
}

/** Where to start showing a file of `size` bytes so that at most `windowBytes` are read. */
export async function tailStart(handle: FileHandle, size: number, bom: ByteOrderMark, windowBytes: number, chunkBytes: number): Promise<number> {
  const start = alignedStart(size - windowBytes, bom);
  if (start === bom.length) return start;
  // Searching from the unit before the window: when the window already starts a line, that line is kept.
  return (await findLineStart(handle, start - codeUnitBytes(bom.encoding), size, bom.encoding, chunkBytes)) ?? start;
}

/** Where a page of at most `maxBytes` ending at `end` (a line start) begins. */
export async function pageStart(handle: FileHandle, end: number, bom: ByteOrderMark, maxBytes: number, chunkBytes: number): Promise<number> {
  const start = alignedStart(end - maxBytes, bom);
  if (start === bom.length) return start;
  const unit = codeUnitBytes(bom.encoding);
  // The break just before `end` ends the previous line; it does not start the page.
  return (await findLineStart(handle, start - unit, end - unit, bom.encoding, chunkBytes)) ?? start;
}

/** The lines of bytes `start` to `end`, oldest first; a last line without a break is included. */
export async function readLines(handle: FileHandle, encoding: LogEncoding, start: number, end: number, chunkBytes: number, maxLineBytes: number): Promise<LogLine[]> {
  const decoder = new LineDecoder(encoding, start, maxLineBytes);
  const lines: LogLine[] = [];
  const buffer = Buffer.allocUnsafe(chunkSize(chunkBytes, encoding));
  for (let position = start; position < end; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - position), position);
    if (bytesRead === 0) break;
    for (const line of decoder.push(buffer.subarray(0, bytesRead))) lines.push(line);
    position += bytesRead;
  }
  const last = decoder.finish();
  if (last) lines.push(last);
  return lines;
}

/** `offset` moved forward onto a code unit, and not before the content (after the mark). */
function alignedStart(offset: number, bom: ByteOrderMark): number {
  if (offset <= bom.length) return bom.length;
  const unit = codeUnitBytes(bom.encoding);
  return bom.length + Math.ceil((offset - bom.length) / unit) * unit;
}

/** The offset just after the first line break in `from`..`to` (`from` aligned), or `undefined` when there is none. */
async function findLineStart(handle: FileHandle, from: number, to: number, encoding: LogEncoding, chunkBytes: number): Promise<number | undefined> {
  const unit = codeUnitBytes(encoding);
  // Whole code units per chunk, so a UTF-16 break never straddles two chunks.
  const buffer = Buffer.allocUnsafe(chunkSize(chunkBytes, encoding));
  for (let position = from; position < to; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, to - position), position);
    if (bytesRead < unit) return undefined;
    const lineFeed = indexOfLineFeed(buffer.subarray(0, bytesRead - (bytesRead % unit)), 0, encoding);
    if (lineFeed !== -1) return position + lineFeed + unit;
    position += bytesRead - (bytesRead % unit);
  }
  return undefined;
}

function chunkSize(chunkBytes: number, encoding: LogEncoding): number {
  const unit = codeUnitBytes(encoding);
  return Math.max(unit, Math.floor(chunkBytes / unit) * unit);
}
