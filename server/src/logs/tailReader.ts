// Follows one log file as it grows: the lines of the log panel, the language server and `ancm logs -f`.
//
//   const reader = new TailReader(path, { pollIntervalMs: 250 });
//   reader.onLines((lines) => ...);        // LogLine[] in file order, each with its byte offset
//   reader.onReset(({ reason }) => ...);   // 'truncated' | 'replaced' | 'deleted' | 'created'
//   reader.onError((error) => ...);        // unexpected I/O errors (EACCES, EBUSY, not a regular file...); reading goes on
//   await reader.start();                  // resolves once the initial tail has been delivered
//   if (reader.hasEarlier) older = await reader.readEarlier(1024 * 1024);  // history before the first line shown
//   await reader.poll();                   // read now (tests; a caller with its own hint)
//   await reader.stop();                   // no listener is called after; a stopped reader stays stopped
//
// Each on… method returns a disposable that removes the listener. A listener that throws is reported
// through onError; an error that lasts (EACCES every poll) is reported once, until something changes.
//
// Why it works this way:
// - It polls (default every 250 ms): Windows often reports no change for a file another process holds
//   open (ANCM keeps its debug log open; out-of-process the stdout file's size only refreshes every
//   3 s: OutOfProcessRequestHandler/serverprocess.cpp SetupStdHandles). fs.watch on the folder is only
//   a hint to poll sooner (changeHint.ts).
// - Each poll opens the file, reads from the last offset, and closes it. A handle kept open on Windows
//   would keep a deleted log "delete pending" (its name and folder stay taken) until we let go.
//   The price: bytes written to a file just before it is replaced or deleted, after our last poll, are
//   gone with it and cannot be shown. Nothing still in the file is skipped or repeated.
// - Identity is device + inode (on Windows: volume serial + file index), from the open handle; birth
//   time where the inode number is 0. A new identity is a replacement. A size below the read offset is a
//   truncation, and so is a change in the bytes just before the read offset (truncated and written past
//   the old size between two polls). After either, reading restarts at byte 0 of the new content.
//   Linux may give a deleted file's inode to a file made at once in its place: that shows as a
//   truncation (same lines, other reason).
// - A missing file or folder is a state, not an error: polling goes on and `created` is reported when
//   the file appears. A reset event comes after the last lines of the old content and before the new.
// - Only a regular file is opened (openLogFile.ts): a FIFO at the path would block the thread pool that
//   every reader shares. Anything else there is reported once as an error, and polling goes on.
// - The first file seen opens at its tail: only the last `initialTailBytes`, from the first line start
//   inside them (fileWindow.ts). A file that appears later (created, replaced, truncated) is new and is
//   read from byte 0.
// - Memory is bounded: reads go in `readChunkBytes` chunks, at most `maxBytesPerPoll` per poll (the
//   next poll follows at once while there is more), and a longer line than `maxLineBytes` is cut.
// - A last line without a break is delivered once it has waited `partialLineIdleMs`. Its rest, when it
//   comes, is a separate continuation line with its own offset, never a repeat of the part shown
//   (lineDecoder.ts). It has no log prefix, so an entry parser that joins such lines to the entry
//   before puts the two halves back together.
// - Polls never overlap: timer polls, hint polls, `poll()` and `readEarlier` run one at a time.

import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ChangeHint } from './changeHint';
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_LINE_BYTES, DEFAULT_WINDOW_BYTES, pageStart, readByteOrderMark, readLines, tailStart } from './fileWindow';
import { type ByteOrderMark, LineDecoder } from './lineDecoder';
import { openRegularFile } from '../files/openFile';
import type { LogLine } from './types';

export interface TailReaderOptions {
  /** How often the file is read (ms). Default 250. */
  readonly pollIntervalMs?: number;
  /** How much of an existing file is shown at start (bytes). Default 1 MiB. */
  readonly initialTailBytes?: number;
  /** How long a last line without a break waits before it is shown anyway (ms). Default 1000. */
  readonly partialLineIdleMs?: number;
  /** Size of one read (bytes). Default 64 KiB. */
  readonly readChunkBytes?: number;
  /** At most this much is read per poll (bytes); the rest follows in the next poll, at once. Default 4 MiB. */
  readonly maxBytesPerPoll?: number;
  /** A longer line is delivered in pieces of this size (bytes). Default 1 MiB. */
  readonly maxLineBytes?: number;
  /** Use fs.watch on the folder as a hint to read sooner. Default true. */
  readonly watch?: boolean;
  /** Read the file only while its real path (symlinks resolved) is inside this folder (Restricted Mode). */
  readonly confineTo?: string;
}

export type TailResetReason = 'truncated' | 'replaced' | 'deleted' | 'created';

export interface TailResetEvent {
  readonly reason: TailResetReason;
}

export interface Disposable {
  dispose(): void;
}

/** A burst of change events becomes one read. */
const WATCH_HINT_DELAY_MS = 10;
/** Bytes remembered from just before the read offset: if the file no longer holds them, it was rewritten. */
const FINGERPRINT_BYTES = 64;

/** What is known of the file currently at the path. */
interface FollowedFile {
  readonly identity: string;
  /**
   * Open at the tail: only while the first file seen is being looked at for the first time. Whatever
   * is written after that is new, and so is all of a file that appears later.
   */
  startAtTail: boolean;
  /** Undefined until the first bytes tell the encoding. */
  reading: { readonly bom: ByteOrderMark; readonly decoder: LineDecoder } | undefined;
  /** The bytes just before the read offset; undefined until first taken. */
  fingerprint: Buffer | undefined;
  /** Offset of the earliest line delivered: `readEarlier` pages in what lies before it. */
  historyStart: number;
  /** The partial line being timed: its offset, and since when it has waited. */
  partialOffset: number | undefined;
  partialSince: number;
}

export class TailReader {
  private readonly pollIntervalMs: number;
  private readonly initialTailBytes: number;
  private readonly partialLineIdleMs: number;
  private readonly readChunkBytes: number;
  private readonly maxBytesPerPoll: number;
  private readonly maxLineBytes: number;
  private readonly hint: ChangeHint | undefined;
  private readonly confineTo: string | undefined;

  private readonly lineListeners = new Set<(lines: LogLine[]) => void>();
  private readonly resetListeners = new Set<(event: TailResetEvent) => void>();
  private readonly errorListeners = new Set<(error: Error) => void>();

  private file: FollowedFile | undefined;
  /** The path was found empty at least once: the next file there is `created` and read from byte 0. */
  private sawMissing = false;
  /** Lines read but not yet handed to the listeners. */
  private outbox: LogLine[] = [];
  /** The last poll stopped at `maxBytesPerPoll` with more to read. */
  private backlog = false;
  /** The last error reported, so a lasting one (EACCES) is reported once, not every poll. */
  private lastErrorKey: string | undefined;

  private queue: Promise<unknown> = Promise.resolve();
  private queuedPoll: Promise<void> | undefined;
  private startPromise: Promise<void> | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;

  constructor(
    readonly filePath: string,
    options: TailReaderOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.confineTo = options.confineTo;
    this.initialTailBytes = options.initialTailBytes ?? DEFAULT_WINDOW_BYTES;
    this.partialLineIdleMs = options.partialLineIdleMs ?? 1000;
    this.readChunkBytes = options.readChunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.maxBytesPerPoll = options.maxBytesPerPoll ?? 4 * 1024 * 1024;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.hint = options.watch === false ? undefined : new ChangeHint(filePath, () => this.schedule(WATCH_HINT_DELAY_MS));
  }

  onLines(listener: (lines: LogLine[]) => void): Disposable {
    return subscribe(this.lineListeners, listener);
  }

  onReset(listener: (event: TailResetEvent) => void): Disposable {
    return subscribe(this.resetListeners, listener);
  }

  onError(listener: (error: Error) => void): Disposable {
    return subscribe(this.errorListeners, listener);
  }

  /** Reads the initial tail (delivered before this resolves, up to `maxBytesPerPoll` of it), then follows the file until `stop()`. */
  start(): Promise<void> {
    this.startPromise ??= this.poll();
    return this.startPromise;
  }

  /** Stops polling and watching; resolves when a read in progress has ended. No listener is called after. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.hint?.close();
    await this.queue;
  }

  /** Reads now. Calls made while a poll is waiting to run share it; a poll never overlaps another. */
  poll(): Promise<void> {
    this.queuedPoll ??= this.exclusive(async () => {
      // From here on a new request needs a read after this one: it may have seen data this one misses.
      this.queuedPoll = undefined;
      if (this.stopped) return;
      await this.pollOnce();
      if (this.startPromise) this.schedule(this.backlog ? 0 : this.pollIntervalMs);
    });
    return this.queuedPoll;
  }

  /** Whether history before the earliest delivered line remains for `readEarlier`. */
  get hasEarlier(): boolean {
    const file = this.file;
    return file?.reading !== undefined && file.historyStart > file.reading.bom.length;
  }

  /**
   * Up to `maxBytes` of the lines before the earliest one delivered so far (by the initial tail or an
   * earlier call), oldest first, starting at a line start. Empty when there is no more history, or when
   * the file changed identity (the next poll reports it). A line longer than `maxBytes` comes in pieces.
   */
  readEarlier(maxBytes: number): Promise<LogLine[]> {
    return this.exclusive(async () => {
      const file = this.file;
      const reading = file?.reading;
      if (this.stopped || !file || !reading || file.historyStart <= reading.bom.length) return [];
      let handle: FileHandle;
      try {
        handle = await openRegularFile(this.filePath, this.confineTo);
      } catch (error) {
        if (!isMissing(error)) this.reportError(error);
        return [];
      }
      try {
        const stats = await handle.stat({ bigint: true });
        if (identityOf(stats) !== file.identity || Number(stats.size) < reading.decoder.nextOffset) return [];
        const start = await pageStart(handle, file.historyStart, reading.bom, maxBytes, this.readChunkBytes);
        const lines = await readLines(handle, reading.bom.encoding, start, file.historyStart, this.readChunkBytes, this.maxLineBytes);
        file.historyStart = start;
        return lines;
      } catch (error) {
        this.reportError(error);
        return [];
      } finally {
        await this.close(handle);
      }
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Polls no later than `delayMs` from now (an earlier poll already planned stays). */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const due = performance.now() + delayMs;
    if (this.timer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delayMs);
  }

  private async pollOnce(): Promise<void> {
    // Hints only once following: before `start()` nobody wants polls.
    if (this.startPromise) this.hint?.ensure();
    let handle: FileHandle;
    try {
      handle = await openRegularFile(this.filePath, this.confineTo);
    } catch (error) {
      if (isMissing(error)) this.fileMissing();
      else this.reportError(error);
      this.deliver();
      return;
    }
    try {
      await this.readFrom(handle);
      this.lastErrorKey = undefined;
    } catch (error) {
      this.reportError(error);
    } finally {
      await this.close(handle);
    }
    this.flushIdlePartial();
    this.deliver();
  }

  /** Reads what the file holds beyond the offset; a file that appeared or changed starts afresh. */
  private async readFrom(handle: FileHandle): Promise<void> {
    const stats = await handle.stat({ bigint: true });
    const identity = identityOf(stats);
    const size = Number(stats.size);
    let file = this.file;
    if (file && file.identity !== identity) {
      this.endFile('replaced');
      file = this.follow(identity, false);
    }
    if (!file) {
      // The first file seen opens at its tail; one that appears after the path was empty is new: all of it.
      if (this.sawMissing) this.emitReset('created');
      file = this.follow(identity, !this.sawMissing);
    }
    let reading = await this.startReading(handle, file, size);
    file.startAtTail = false;
    if (!reading || size === reading.decoder.nextOffset) return;
    if (size < reading.decoder.nextOffset || !(await this.fingerprintHolds(handle, file, reading.decoder))) {
      this.endFile('truncated');
      file = this.follow(identity, false);
      reading = await this.startReading(handle, file, size);
      if (!reading) return;
    }
    await this.readAppended(handle, file, reading.decoder);
  }

  private follow(identity: string, startAtTail: boolean): FollowedFile {
    this.file = { identity, startAtTail, reading: undefined, fingerprint: undefined, historyStart: 0, partialOffset: undefined, partialSince: 0 };
    return this.file;
  }

  /** Decides the encoding and where to begin, once the file has enough bytes to tell. */
  private async startReading(handle: FileHandle, file: FollowedFile, size: number): Promise<FollowedFile['reading']> {
    if (file.reading) return file.reading;
    const bom = await readByteOrderMark(handle, size);
    if (!bom) return undefined;
    const start = file.startAtTail ? await tailStart(handle, size, bom, this.initialTailBytes, this.readChunkBytes) : bom.length;
    file.reading = { bom, decoder: new LineDecoder(bom.encoding, start, this.maxLineBytes) };
    file.historyStart = start;
    return file.reading;
  }

  /** Whether the bytes before the read offset are still those read there (the first time: takes them). */
  private async fingerprintHolds(handle: FileHandle, file: FollowedFile, decoder: LineDecoder): Promise<boolean> {
    const end = decoder.nextOffset;
    const length = file.fingerprint?.length ?? Math.min(FINGERPRINT_BYTES, end);
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, end - length);
    if (!file.fingerprint) {
      file.fingerprint = bytes.subarray(0, bytesRead);
      return true;
    }
    return bytesRead === length && bytes.equals(file.fingerprint);
  }

  private async readAppended(handle: FileHandle, file: FollowedFile, decoder: LineDecoder): Promise<void> {
    const budgetEnd = decoder.nextOffset + this.maxBytesPerPoll;
    const buffer = Buffer.allocUnsafe(this.readChunkBytes);
    let position = decoder.nextOffset;
    // Up to end of file, not to the size just read: the file may have grown since.
    while (position < budgetEnd) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, budgetEnd - position), position);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      for (const line of decoder.push(bytes)) this.outbox.push(line);
      file.fingerprint = lastBytes(file.fingerprint, bytes);
      position += bytesRead;
    }
    this.backlog = position >= budgetEnd;
  }

  /** Delivers a partial last line that has waited long enough for its break. */
  private flushIdlePartial(): void {
    const file = this.file;
    const decoder = file?.reading?.decoder;
    if (!file || !decoder) return;
    const now = performance.now();
    if (decoder.partialOffset !== file.partialOffset) {
      file.partialOffset = decoder.partialOffset;
      file.partialSince = now;
    }
    if (file.partialOffset === undefined || now - file.partialSince < this.partialLineIdleMs) return;
    const line = decoder.flushPartial();
    if (line) this.outbox.push(line);
    file.partialOffset = decoder.partialOffset;
    file.partialSince = now;
  }

  private fileMissing(): void {
    if (this.file) this.endFile('deleted');
    this.sawMissing = true;
    this.lastErrorKey = undefined;
  }

  /** Delivers what remains of the file being followed, then reports why it ended. */
  private endFile(reason: TailResetReason): void {
    const last = this.file?.reading?.decoder.finish();
    if (last) this.outbox.push(last);
    this.file = undefined;
    this.emitReset(reason);
  }

  private emitReset(reason: TailResetReason): void {
    this.deliver();
    // The folder may have been deleted and made again: a watch on the old one hears nothing. The next poll watches afresh.
    if (reason === 'deleted' || reason === 'created') this.hint?.close();
    if (this.stopped) return;
    for (const listener of this.resetListeners) this.callListener(() => listener({ reason }));
  }

  private deliver(): void {
    if (this.outbox.length === 0) return;
    const lines = this.outbox;
    this.outbox = [];
    if (this.stopped) return;
    for (const listener of this.lineListeners) this.callListener(() => listener(lines));
  }

  private callListener(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.reportError(error);
    }
  }

  private reportError(error: unknown): void {
    const reported = error instanceof Error ? error : new Error(String(error));
    const key = `${(reported as NodeJS.ErrnoException).code ?? ''}:${reported.message}`;
    if (key === this.lastErrorKey || this.stopped) return;
    this.lastErrorKey = key;
    for (const listener of this.errorListeners) {
      try {
        listener(reported);
      } catch {
        // An error listener that throws has nowhere left to report to.
      }
    }
  }

  private async close(handle: FileHandle): Promise<void> {
    try {
      await handle.close();
    } catch (error) {
      this.reportError(error);
    }
  }
}

/**
 * Device and inode (on Windows: volume serial and file index). Birth time only where there is no inode
 * number: on Linux without statx libuv reports the change time as birth time, which moves on every write.
 */
function identityOf(stats: BigIntStats): string {
  return stats.ino !== 0n ? `${stats.dev}:${stats.ino}` : `${stats.dev}:birth:${stats.birthtimeNs}`;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The last `FINGERPRINT_BYTES` of `previous` followed by `bytes`, copied (the read buffer is reused). */
function lastBytes(previous: Buffer | undefined, bytes: Buffer): Buffer {
  if (bytes.length >= FINGERPRINT_BYTES) return Buffer.from(bytes.subarray(bytes.length - FINGERPRINT_BYTES));
  const joined = previous ? Buffer.concat([previous, bytes]) : Buffer.from(bytes);
  return joined.subarray(Math.max(0, joined.length - FINGERPRINT_BYTES));
}

function subscribe<T>(listeners: Set<T>, listener: T): Disposable {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}
