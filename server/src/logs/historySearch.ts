// Level and text filtering over a log's whole history, fast enough for hundreds of megabytes: the file is
// read in large line-aligned chunks and searched for the text as bytes; only the lines around each
// occurrence are parsed into entries (with enough context that the entry holding it stays whole).
// A filter for errors or warnings without such a text looks for the words such an entry must hold instead
// (levelCandidates.ts). Other filters (a regular expression, INFO or TRACE, a text with a line break) have
// nothing to look for, so every chunk is parsed.
// A large file is split in two at a line break and the second half is searched at the same time by a
// worker thread that stays alive between searches (a fresh worker would run cold code and cost more than
// it saves). Memory stays bounded by the chunk size whatever the file size.

import type { FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { type EntryParserOptions, createEntryParser } from './createEntryParser';
import { searchInWorker } from './historySearchWorkerClient';
import { type EntryFilterOptions, createEntryFilter, literalTextPattern } from '../protocol/entryFilter';
import { DEFAULT_MAX_LINE_BYTES, pageStart, readByteOrderMark, readLines } from './fileWindow';
import { type LevelCandidates, levelCandidates } from './levelCandidates';
import { type ByteOrderMark, LineDecoder } from './lineDecoder';
import { openRegularFile } from '../files/openFile';
import type { LogSource } from '../protocol/levels';
import type { LogEntry, LogLine } from './types';

export interface HistorySearchOptions extends EntryFilterOptions {
  readonly kind: LogSource;
  /** stdout files: the worker process and its start time, for every entry. */
  readonly parser?: EntryParserOptions;
  /** Bytes searched at a time (default 4 MiB). */
  readonly chunkBytes?: number;
  /** Bytes first parsed before and after an occurrence; more is read while the entry is not whole (default 1 KiB). */
  readonly contextBytes?: number;
  /** Search the second half of a file at least this large in the worker thread (default 32 MiB). */
  readonly parallelFromBytes?: number;
}

const DEFAULT_PARALLEL_FROM_BYTES = 32 * 1024 * 1024;

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const DEFAULT_CONTEXT_BYTES = 1024;
const READ_BYTES = 64 * 1024;

/** Every entry of the file that passes the filter, in file order, in batches. */
export async function* searchLogHistory(file: string, options: HistorySearchOptions): AsyncGenerator<LogEntry[]> {
  const keep = createEntryFilter(options);
  let handle: FileHandle;
  try {
    handle = await openRegularFile(file);
  } catch (error) {
    // A log not written yet (or deleted since it was listed) holds no entries.
    if (isMissing(error)) return;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const bom = await readByteOrderMark(handle, size);
    if (!bom) return;
    const occurrences = bom.encoding === 'utf8' ? candidatesOf(options) : undefined;
    if (!occurrences) {
      yield* scanAll(handle, size, bom, file, options, keep);
    } else if (size < (options.parallelFromBytes ?? DEFAULT_PARALLEL_FROM_BYTES) || availableParallelism() < 2) {
      yield* searchChunks(handle, size, bom, file, options, keep, occurrences, bom.length, size);
    } else {
      yield* searchInTwoHalves(handle, size, bom, file, options, keep, occurrences);
    }
  } finally {
    await handle.close();
  }
}

/**
 * What to look for in the raw bytes: the text of a plain text filter, else the words an error or warning must hold;
 * undefined when the filter gives nothing to look for. A line break in the text spans lines, which the file may end with
 * CR LF where the entry has LF, so such a text is matched on parsed entries.
 */
function candidatesOf(options: EntryFilterOptions): ((chunk: Buffer) => number[]) | undefined {
  if (options.text && !options.regex) return /[\r\n]/.test(options.text) ? undefined : occurrencesOf(options.text);
  const candidates = options.level && levelCandidates(options.level);
  return candidates ? levelCandidatesOf(candidates) : undefined;
}

/** Whether a search with these options looks for something in the raw bytes rather than parsing everything. */
export function hasCandidates(options: EntryFilterOptions): boolean {
  return candidatesOf(options) !== undefined;
}

/** Searches [start, end) of a UTF-8 file: what the worker thread runs on its half. */
export async function searchRange(file: string, options: HistorySearchOptions, start: number, end: number): Promise<LogEntry[][]> {
  const handle = await openRegularFile(file);
  try {
    const size = (await handle.stat()).size;
    const bom = await readByteOrderMark(handle, size);
    if (!bom) return [];
    const batches: LogEntry[][] = [];
    const occurrences = candidatesOf(options);
    if (!occurrences) throw new Error('searchRange: the filter gives nothing to look for');
    for await (const batch of searchChunks(handle, size, bom, file, options, createEntryFilter(options), occurrences, Math.max(start, bom.length), Math.min(end, size))) batches.push(batch);
    return batches;
  } finally {
    await handle.close();
  }
}

/**
 * The first half here, the second in the worker, both at once; the worker's entries wait until the first
 * half is done so that everything comes out in file order. An entry holding occurrences in both halves is
 * found twice and reported once.
 */
async function* searchInTwoHalves(handle: FileHandle, size: number, bom: ByteOrderMark, file: string, options: HistorySearchOptions, keep: (entry: LogEntry) => boolean, occurrences: (chunk: Buffer) => number[]): AsyncGenerator<LogEntry[]> {
  const middle = await lineStartAfter(handle, bom.length + Math.floor((size - bom.length) / 2), size);
  const secondHalf = searchInWorker(file, options, middle, size);
  // A failure is seen when the second half is awaited; until then it must not count as unhandled.
  secondHalf.catch(() => undefined);
  let lastEmitted = -1;
  for await (const batch of searchChunks(handle, size, bom, file, options, keep, occurrences, bom.length, middle)) {
    lastEmitted = batch[batch.length - 1].offset;
    yield batch;
  }
  for (const batch of await secondHalf) {
    const fresh = batch.filter((entry) => entry.offset > lastEmitted);
    if (fresh.length === 0) continue;
    lastEmitted = fresh[fresh.length - 1].offset;
    yield fresh;
  }
}

/** The offset just after the first line break at or after `position`, or the end of the file. */
async function lineStartAfter(handle: FileHandle, position: number, size: number): Promise<number> {
  const block = Buffer.allocUnsafe(READ_BYTES);
  for (let at = position; at < size; at += READ_BYTES) {
    const { bytesRead } = await handle.read(block, 0, Math.min(READ_BYTES, size - at), at);
    if (bytesRead === 0) break;
    const lineFeed = block.subarray(0, bytesRead).indexOf(0x0a);
    if (lineFeed >= 0) return at + lineFeed + 1;
  }
  return size;
}

/** Parses every line: for filters with no plain text to look for, and for UTF-16 files. */
async function* scanAll(handle: FileHandle, size: number, bom: ByteOrderMark, file: string, options: HistorySearchOptions, keep: (entry: LogEntry) => boolean): AsyncGenerator<LogEntry[]> {
  const decoder = new LineDecoder(bom.encoding, bom.length, DEFAULT_MAX_LINE_BYTES);
  const parser = createEntryParser(options.kind, file, options.parser);
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


/**
 * UTF-8 files with a plain text: the text is looked for in the raw bytes, and only the lines around each
 * occurrence (`contextBytes` before and after, so the entry that holds it is parsed whole) go through
 * the entry parser. An entry found from two nearby occurrences is reported once.
 */
async function* searchChunks(
  handle: FileHandle,
  size: number,
  bom: ByteOrderMark,
  file: string,
  options: HistorySearchOptions,
  keep: (entry: LogEntry) => boolean,
  occurrences: (chunk: Buffer) => number[],
  rangeStart: number,
  rangeEnd: number,
): AsyncGenerator<LogEntry[]> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const contextBytes = options.contextBytes ?? DEFAULT_CONTEXT_BYTES;
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const log = new ChunkedLog(handle, size, bom);
  let lastEmitted = -1;
  for (let chunkStart = rangeStart; chunkStart < rangeEnd; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, rangeEnd - chunkStart), chunkStart);
    if (bytesRead === 0) break;
    // End the chunk after its last line break, so that the next one starts a line and no text is split.
    const lastBreak = chunkStart + bytesRead < rangeEnd ? buffer.subarray(0, bytesRead).lastIndexOf(0x0a) : -1;
    const chunk = buffer.subarray(0, lastBreak >= 0 ? lastBreak + 1 : bytesRead);
    log.chunk = chunk;
    log.chunkStart = chunkStart;
    for (const [windowStart, windowEnd] of contextWindows(chunk, chunkStart, occurrences(chunk), contextBytes, size)) {
      const matched = (await wholeEntriesAround(log, bom.length, file, options, windowStart, windowEnd, contextBytes)).filter((entry) => entry.offset > lastEmitted && keep(entry));
      if (matched.length > 0) {
        lastEmitted = matched[matched.length - 1].offset;
        yield matched;
      }
    }
    chunkStart += chunk.length;
  }
}

/** Most bytes read before or after a window so that the entries in it are whole. */
const MAX_ENTRY_TAIL_BYTES = 1024 * 1024;

/**
 * A UTF-8 log read a chunk at a time, which answers questions about lines from the chunk in memory when it
 * can and from the file when they reach past the chunk's edges.
 */
class ChunkedLog {
  chunk: Buffer = Buffer.alloc(0);
  chunkStart = 0;

  constructor(private readonly handle: FileHandle, readonly size: number, private readonly bom: ByteOrderMark) {}

  private get chunkEnd(): number {
    return this.chunkStart + this.chunk.length;
  }

  /** The first line start at or after `end - maxBytes` (`end` is a line start), as fileWindow's pageStart. */
  async lineStartBefore(end: number, maxBytes: number): Promise<number> {
    const from = Math.max(this.bom.length, end - maxBytes);
    if (from <= this.bom.length || from === this.chunkStart) return from;
    if (from > this.chunkStart && end <= this.chunkEnd) {
      const lineFeed = this.chunk.indexOf(0x0a, from - 1 - this.chunkStart);
      return lineFeed >= 0 && this.chunkStart + lineFeed + 1 <= end ? this.chunkStart + lineFeed + 1 : from;
    }
    return pageStart(this.handle, end, this.bom, maxBytes, READ_BYTES);
  }

  /** The offset just after the first line break at or after `position`, or the end of the file. */
  async lineEndAfter(position: number): Promise<number> {
    let from = position;
    if (from >= this.chunkStart && from < this.chunkEnd) {
      const lineFeed = this.chunk.indexOf(0x0a, from - this.chunkStart);
      if (lineFeed >= 0) return this.chunkStart + lineFeed + 1;
      from = this.chunkEnd;
    }
    return lineStartAfter(this.handle, from, this.size);
  }

  /** The lines of bytes `start` (a line start) to `end`. */
  async lines(start: number, end: number): Promise<LogLine[]> {
    if (start < this.chunkStart || end > this.chunkEnd) return readLines(this.handle, this.bom.encoding, start, end, READ_BYTES, DEFAULT_MAX_LINE_BYTES);
    const decoder = new LineDecoder(this.bom.encoding, start, DEFAULT_MAX_LINE_BYTES);
    const lines = decoder.push(this.chunk.subarray(start - this.chunkStart, end - this.chunkStart));
    const last = decoder.finish();
    if (last) lines.push(last);
    return lines;
  }
}

/**
 * The entries from a little before `windowStart` (the line of the first occurrence) to `windowEnd`, each
 * whole: when the entry holding that line begins right where reading began, it may have begun earlier, so
 * reading starts further back (four times as far each time) until it does not, or the file's start or the
 * limit is reached.
 */
async function wholeEntriesAround(log: ChunkedLog, bomLength: number, file: string, options: HistorySearchOptions, windowStart: number, windowEnd: number, contextBytes: number): Promise<LogEntry[]> {
  for (let before = contextBytes; ; before *= 4) {
    const start = windowStart <= bomLength ? bomLength : await log.lineStartBefore(windowStart, before);
    const entries = await entriesStartingBefore(log, file, options, start, windowEnd, contextBytes);
    const holdsOccurrence = entries.length === 1 || (entries.length > 1 && entries[1].offset > windowStart);
    const mayBeCut = start > bomLength && holdsOccurrence && entries[0].offset === start && before < MAX_ENTRY_TAIL_BYTES;
    if (!mayBeCut) return entries;
  }
}

/**
 * The whole entries that start in [start, end): lines are read from `start` (a line start) and then
 * further, a context at a time, until an entry starts at or after `end`, which closes every entry before it.
 */
async function entriesStartingBefore(log: ChunkedLog, file: string, options: HistorySearchOptions, start: number, end: number, contextBytes: number): Promise<LogEntry[]> {
  const parser = createEntryParser(options.kind, file, options.parser);
  const entries: LogEntry[] = [];
  let readTo = start;
  while (readTo < log.size && readTo - end < MAX_ENTRY_TAIL_BYTES) {
    const next = await log.lineEndAfter(Math.max(end, readTo + contextBytes));
    entries.push(...parser.push(await log.lines(readTo, next)));
    readTo = next;
    if (entries.length > 0 && entries[entries.length - 1].offset >= end) break;
  }
  entries.push(...parser.flush());
  return entries.filter((entry) => entry.offset < end);
}

/**
 * Byte ranges to parse around the occurrences: each starts at the start of the occurrence's line (the
 * caller moves it back by the context, to a line start) and ends the context after it; ranges that
 * touch are merged.
 */
function contextWindows(chunk: Buffer, chunkStart: number, positions: readonly number[], contextBytes: number, size: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const position of positions) {
    const lineStart = chunkStart + chunk.lastIndexOf(0x0a, position) + 1;
    const end = Math.min(size, chunkStart + position + contextBytes);
    const last = windows[windows.length - 1];
    if (last && lineStart - contextBytes <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([lineStart, end]);
  }
  return windows;
}

/**
 * The byte positions of the text in a chunk of UTF-8 (line-aligned), ignoring case exactly as the entry
 * filter does, so that the search finds every entry the filter accepts:
 * - ASCII text with no letters: searched as bytes.
 * - Other ASCII text: a case-insensitive expression over a view of the bytes as Latin-1 (one character
 *   per byte, so positions are byte positions). The `i` flag never pairs an ASCII letter with a
 *   character outside ASCII, so this finds exactly the filter's matches.
 * - Text outside ASCII (`ÉCHEC` is `échec`, `ΣΑΣ` is `σας`, but not byte for byte): the chunk is decoded
 *   and searched with the filter's own expression; each match is placed on its line by counting line
 *   breaks, which decoding leaves one for one even around invalid bytes. This assumes what the parsers
 *   do: an entry's text is its lines' text, or pieces of it.
 */
function occurrencesOf(text: string): (chunk: Buffer) => number[] {
  if (!/^[\x00-\x7f]*$/.test(text)) return decodedOccurrencesOf(text);
  const needle = Buffer.from(text, 'utf8');
  if (text.toLowerCase() === text.toUpperCase()) {
    return (chunk) => {
      const positions: number[] = [];
      for (let at = chunk.indexOf(needle); at >= 0; at = chunk.indexOf(needle, at + needle.length)) positions.push(at);
      return positions;
    };
  }
  return matchesOf([literalTextPattern(text, 'gi')], needle.length);
}

/** Bytes seen as one string at a time: small enough for V8's young generation, so no chunk-sized string piles up. */
const VIEW_BYTES = 64 * 1024;
/** How far a level candidate may reach (levelCandidates.ts patterns are bounded well below this). */
const LEVEL_CANDIDATE_BYTES = 1024;

/**
 * The byte positions where any of the global expressions matches a chunk seen as Latin-1 (one character per byte, so
 * positions are byte positions), in order. Case-insensitive ASCII words match UTF-8 text exactly this way: the `i` flag
 * never pairs an ASCII letter with a character outside ASCII.
 */
function matchesOf(patterns: readonly RegExp[], longestMatch: number): (chunk: Buffer) => number[] {
  return (chunk) => {
    const positions: number[] = [];
    for (let viewStart = 0; viewStart < chunk.length; viewStart += VIEW_BYTES) {
      // Each view reaches as far as a match starting in it can: the next view starts where this one's matches end.
      const view = chunk.toString('latin1', viewStart, Math.min(chunk.length, viewStart + VIEW_BYTES + longestMatch));
      const first = positions.length;
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        // A match starting in the overlap is the next view's.
        for (let match = pattern.exec(view); match && match.index < VIEW_BYTES; match = pattern.exec(view)) positions.push(viewStart + match.index);
      }
      if (patterns.length > 1 && positions.length - first > 1) sortFrom(positions, first);
    }
    return positions;
  };
}

function sortFrom(values: number[], from: number): void {
  const sorted = values.slice(from).sort((a, b) => a - b);
  for (let index = 0; index < sorted.length; index++) values[from + index] = sorted[index];
}

/** The level candidates of a chunk: the expressions' matches, and the markup levels at each `<`, in order. */
function levelCandidatesOf({ patterns, tag, tagLength }: LevelCandidates): (chunk: Buffer) => number[] {
  const words = matchesOf(patterns, LEVEL_CANDIDATE_BYTES);
  return (chunk) => {
    const positions = words(chunk);
    const tags: number[] = [];
    for (let at = chunk.indexOf(0x3c); at >= 0; at = chunk.indexOf(0x3c, at + 1)) {
      tag.lastIndex = 0;
      const match = tag.exec(chunk.toString('latin1', at, Math.min(chunk.length, at + tagLength)));
      if (match && match.index === 0) tags.push(at);
    }
    if (tags.length === 0) return positions;
    return [...positions, ...tags].sort((a, b) => a - b);
  };
}

function decodedOccurrencesOf(text: string): (chunk: Buffer) => number[] {
  const pattern = literalTextPattern(text, 'gi');
  return (chunk) => {
    const positions: number[] = [];
    const view = chunk.toString('utf8');
    // The line the last match was on: where it starts in the text and in the bytes.
    let lineChar = 0;
    let lineByte = 0;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(view); match; match = pattern.exec(view)) {
      for (let lineFeed = view.indexOf('\n', lineChar); lineFeed >= 0 && lineFeed < match.index; lineFeed = view.indexOf('\n', lineChar)) {
        lineChar = lineFeed + 1;
        lineByte = chunk.indexOf(0x0a, lineByte) + 1;
      }
      const lineFeedByte = chunk.indexOf(0x0a, lineByte);
      const lastByteOfLine = (lineFeedByte < 0 ? chunk.length : lineFeedByte) - 1;
      positions.push(Math.min(lineByte + Buffer.byteLength(view.slice(lineChar, match.index)), lastByteOfLine));
    }
    return positions;
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
