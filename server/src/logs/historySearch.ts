// Level and text filtering over a log's whole history, fast enough for hundreds of megabytes: the file is
// read in large line-aligned chunks and searched for the text as bytes; only chunks that contain it are
// parsed into entries (with some context before and after, so entries crossing a chunk edge stay whole).
// A level-only or regular-expression filter has no text to search for, so it parses every chunk.
// Memory stays bounded by the chunk size whatever the file size.

import { type FileHandle, open } from 'node:fs/promises';
import { DebugLogParser } from './debugLogParser';
import { type EntryFilterOptions, createEntryFilter } from './entryFilter';
import { DEFAULT_MAX_LINE_BYTES, pageStart, readByteOrderMark, readLines } from './fileWindow';
import { type ByteOrderMark, LineDecoder } from './lineDecoder';
import { StdoutParser } from './stdoutParser';
import type { LogEntry, LogSource } from './types';

export interface HistorySearchOptions extends EntryFilterOptions {
  readonly kind: LogSource;
  /** Bytes searched at a time (default 4 MiB). */
  readonly chunkBytes?: number;
  /** Bytes parsed before and after a chunk so that entries crossing its edges stay whole (default 64 KiB). */
  readonly contextBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const DEFAULT_CONTEXT_BYTES = 64 * 1024;
const READ_BYTES = 64 * 1024;

/** Every entry of the file that passes the filter, in file order, in batches. */
export async function* searchLogHistory(file: string, options: HistorySearchOptions): AsyncGenerator<LogEntry[]> {
  const keep = createEntryFilter(options);
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const bom = await readByteOrderMark(handle, size);
    if (!bom) return;
    if (options.regex || !options.text || bom.encoding !== 'utf8') yield* scanAll(handle, size, bom, file, options, keep);
    else yield* searchChunks(handle, size, bom, file, options, keep, byteSearch(options.text));
  } finally {
    await handle.close();
  }
}

/** Parses every line: for filters with no plain text to look for, and for UTF-16 files. */
async function* scanAll(handle: FileHandle, size: number, bom: ByteOrderMark, file: string, options: HistorySearchOptions, keep: (entry: LogEntry) => boolean): AsyncGenerator<LogEntry[]> {
  const decoder = new LineDecoder(bom.encoding, bom.length, DEFAULT_MAX_LINE_BYTES);
  const parser = createParser(options.kind, file);
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  for (let position = bom.length; position < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const matched = parser.push(decoder.push(buffer.subarray(0, bytesRead))).filter(keep);
    if (matched.length > 0) yield matched;
  }
  const last = decoder.finish();
  const matched = [...parser.push(last ? [last] : []), ...parser.flush()].filter(keep);
  if (matched.length > 0) yield matched;
}

function createParser(kind: LogSource, file: string): DebugLogParser | StdoutParser {
  return kind === 'debug' ? new DebugLogParser({ file }) : new StdoutParser({ file });
}

/** UTF-8 files with a plain text: only the chunks that contain the text are parsed. */
async function* searchChunks(
  handle: FileHandle,
  size: number,
  bom: ByteOrderMark,
  file: string,
  options: HistorySearchOptions,
  keep: (entry: LogEntry) => boolean,
  contains: (chunk: Buffer) => boolean,
): AsyncGenerator<LogEntry[]> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const contextBytes = options.contextBytes ?? DEFAULT_CONTEXT_BYTES;
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let previousSkipped = false;
  let lastEmitted = -1;
  for (let chunkStart = bom.length; chunkStart < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, size - chunkStart), chunkStart);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    // End the chunk after its last line break, so that the next one starts a line.
    const lastBreak = chunkStart + bytesRead < size ? chunk.lastIndexOf(0x0a) : -1;
    const chunkEnd = lastBreak >= 0 ? chunkStart + lastBreak + 1 : chunkStart + bytesRead;
    if (!contains(chunk.subarray(0, chunkEnd - chunkStart))) {
      previousSkipped = true;
      chunkStart = chunkEnd;
      continue;
    }
    const windowStart = chunkStart === bom.length ? chunkStart : await pageStart(handle, chunkStart, bom, contextBytes, READ_BYTES);
    const windowEnd = Math.min(size, chunkEnd + contextBytes);
    const lines = await readLines(handle, bom.encoding, windowStart, windowEnd, READ_BYTES, DEFAULT_MAX_LINE_BYTES);
    const parser = createParser(options.kind, file);
    const entries = [...parser.push(lines), ...parser.flush()];
    const matched = entries.filter((entry) => {
      const inChunk = entry.offset >= chunkStart && entry.offset < chunkEnd;
      // An entry that began in a skipped chunk can only match through its lines in this one.
      const carriedOver = previousSkipped && entry.offset < chunkStart && entry.offset > lastEmitted;
      return (inChunk || carriedOver) && keep(entry);
    });
    if (matched.length > 0) {
      lastEmitted = matched[matched.length - 1].offset;
      yield matched;
    }
    previousSkipped = false;
    chunkStart = chunkEnd;
  }
}

/**
 * A test for the text in raw UTF-8 bytes, ignoring case like the entry filter: a text with no letters
 * is searched as bytes; an ASCII text through a case-insensitive expression over a one-byte-per-char
 * view of the bytes (multi-byte characters cannot match ASCII there); any other text in decoded form.
 */
function byteSearch(text: string): (chunk: Buffer) => boolean {
  const caseless = text.toLowerCase() === text.toUpperCase();
  const ascii = /^[\x00-\x7f]*$/.test(text);
  if (caseless && ascii) {
    const needle = Buffer.from(text, 'latin1');
    return (chunk) => chunk.indexOf(needle) >= 0;
  }
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return ascii ? (chunk) => pattern.test(chunk.toString('latin1')) : (chunk) => pattern.test(chunk.toString('utf8'));
}
