// Follows every log of one site: the debug log, the newest stdout files (a new one is picked up as soon
// as a new worker process creates it), and any extra files. Each file gets a TailReader and an entry
// parser of its kind; entries come out tagged with their source. Shared by the language server (for
// the VS Code panel) and `ancm logs`.

import * as path from 'node:path';
import { createEntryParser, stdoutFileFacts } from './createEntryParser';
import type { SiteLogs } from '../ancm/siteLogs';
import { type StdoutLogFile, listStdoutLogs } from './stdoutFiles';
import { detectLogFormat } from './detectLogFormat';
import type { IncrementalEntryParser } from './entryParser';
import { readLogSample } from './logSample';
import { type Disposable, type TailResetReason, TailReader } from './tailReader';
import type { LogSource } from '../protocol/levels';
import type { LogEntry, LogLine } from './types';

export interface FollowedSource {
  /** `debug`, `stdout:<file name>` or `extra:<path>`. */
  readonly id: string;
  readonly kind: LogSource;
  readonly file: string;
  readonly label: string;
  readonly startTime: string | undefined;
  readonly pid: number | undefined;
}

export interface SiteLogFollowerOptions {
  /** How often files and the stdout folder are read (ms). Default 250. */
  readonly pollIntervalMs?: number;
  /** How much of an existing file is read at start (bytes). Default 1 MiB. */
  readonly initialTailBytes?: number;
  /** A held last entry is released after this long without new lines (ms). Default 200. */
  readonly idleFlushMs?: number;
  /** How many of the newest stdout files are followed. Default 5. */
  readonly maxStdoutFiles?: number;
  /** More files to follow (absolute paths); their kind is read from their content (detectLogFormat.ts). */
  readonly extraFiles?: readonly string[];
  /** Use file-system events as a hint to read sooner. Default true. */
  readonly watch?: boolean;
  /**
   * A one-shot read: a last line without a line break is an entry at once. While following, it waits a moment for its
   * break, as the file may still grow. Default false.
   */
  readonly readToEnd?: boolean;
  /** Read only files whose real path (symlinks resolved) is inside this folder: the site, in Restricted Mode. */
  readonly confineTo?: string;
  /** List and follow the site's stdout files. False when the path policy withholds the stdout folder. Default true. */
  readonly followStdout?: boolean;
}

interface FollowedFile {
  readonly source: FollowedSource;
  readonly reader: TailReader;
  parser: IncrementalEntryParser<unknown>;
  idleTimer: NodeJS.Timeout | undefined;
  readonly subscriptions: Disposable[];
}

type Listener<T extends unknown[]> = (...args: T) => void;

const DEFAULTS = { pollIntervalMs: 250, initialTailBytes: 1024 * 1024, idleFlushMs: 200, maxStdoutFiles: 5 };

export class SiteLogFollower {
  private readonly files = new Map<string, FollowedFile>();
  private readonly entryListeners = new Set<Listener<[FollowedSource, LogEntry[]]>>();
  private readonly sourceListeners = new Set<Listener<[FollowedSource[]]>>();
  private readonly resetListeners = new Set<Listener<[FollowedSource, TailResetReason]>>();
  private readonly errorListeners = new Set<Listener<[Error]>>();
  private folderTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly options: Required<Omit<SiteLogFollowerOptions, 'extraFiles' | 'confineTo'>> & Pick<SiteLogFollowerOptions, 'confineTo'> & { extraFiles: readonly string[] };

  /** `site` undefined: only the extra files are followed (files handed over directly). */
  constructor(private readonly site: SiteLogs | undefined, options: SiteLogFollowerOptions = {}) {
    this.options = { ...DEFAULTS, watch: true, readToEnd: false, followStdout: true, extraFiles: [], ...options };
  }

  onEntries(listener: Listener<[FollowedSource, LogEntry[]]>): Disposable {
    return subscribe(this.entryListeners, listener);
  }

  onSources(listener: Listener<[FollowedSource[]]>): Disposable {
    return subscribe(this.sourceListeners, listener);
  }

  onReset(listener: Listener<[FollowedSource, TailResetReason]>): Disposable {
    return subscribe(this.resetListeners, listener);
  }

  onError(listener: Listener<[Error]>): Disposable {
    return subscribe(this.errorListeners, listener);
  }

  /** Newest stdout file first, then the debug log, then extra files. */
  get sources(): FollowedSource[] {
    const all = [...this.files.values()].map((file) => file.source);
    const stdout = all.filter((source) => source.id.startsWith('stdout:')).reverse();
    return [...stdout, ...all.filter((source) => !source.id.startsWith('stdout:'))];
  }

  /** Starts following; resolves once the existing tail of every file has been delivered. */
  async start(): Promise<void> {
    const starting: Promise<void>[] = [];
    if (this.site?.debugLog) starting.push(this.follow(debugSource(this.site.debugLog)));
    for (const extra of this.options.extraFiles) starting.push(extraSource(extra, this.options.confineTo).then((source) => this.follow(source)));
    if (this.site && this.options.followStdout) {
      const stdoutFiles = await listStdoutLogs(this.site.stdoutFolder, this.site.stdoutPrefix, this.options.confineTo);
      for (const file of stdoutFiles.slice(-this.options.maxStdoutFiles)) starting.push(this.follow(stdoutSource(file)));
    }
    await Promise.all(starting);
    this.emitSources();
    if (this.site && this.options.followStdout) this.scheduleFolderCheck();
  }

  /** Releases entries still held back waiting for continuation lines (end of a one-shot read). */
  flush(): void {
    for (const file of this.files.values()) this.release(file);
  }

  /** Entries before the earliest one delivered for a source (history paging). */
  async readEarlier(sourceId: string, maxBytes: number): Promise<{ entries: LogEntry[]; more: boolean }> {
    const file = this.files.get(sourceId);
    if (!file) return { entries: [], more: false };
    const lines = await file.reader.readEarlier(maxBytes);
    // The page ends where the delivered text began, so it parses on its own; an entry cut at the
    // page's start shows as a separate entry.
    const parser = parserFor(file.source);
    return { entries: [...parser.push(lines), ...parser.flush()], more: file.reader.hasEarlier };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.folderTimer);
    await Promise.all([...this.files.values()].map((file) => this.unfollow(file)));
    this.files.clear();
  }

  private async follow(source: FollowedSource): Promise<void> {
    if (this.files.has(source.id)) return;
    const reader = new TailReader(source.file, {
      pollIntervalMs: this.options.pollIntervalMs,
      initialTailBytes: this.options.initialTailBytes,
      watch: this.options.watch,
      ...(this.options.readToEnd && { partialLineIdleMs: 0 }),
      ...(this.options.confineTo !== undefined && { confineTo: this.options.confineTo }),
    });
    const file: FollowedFile = { source, reader, parser: parserFor(source), idleTimer: undefined, subscriptions: [] };
    this.files.set(source.id, file);
    file.subscriptions.push(
      reader.onLines((lines) => this.receive(file, lines)),
      reader.onReset(({ reason }) => {
        // What was held belongs to the old content; the new content starts a new parse.
        this.release(file);
        file.parser = parserFor(source);
        for (const listener of this.resetListeners) listener(source, reason);
      }),
      reader.onError((error) => this.emitError(error)),
    );
    await reader.start();
  }

  private async unfollow(file: FollowedFile): Promise<void> {
    clearTimeout(file.idleTimer);
    for (const subscription of file.subscriptions) subscription.dispose();
    await file.reader.stop();
  }

  private receive(file: FollowedFile, lines: LogLine[]): void {
    this.emitEntries(file.source, file.parser.push(lines));
    clearTimeout(file.idleTimer);
    file.idleTimer = setTimeout(() => this.release(file), this.options.idleFlushMs);
  }

  private release(file: FollowedFile): void {
    clearTimeout(file.idleTimer);
    file.idleTimer = undefined;
    this.emitEntries(file.source, file.parser.flush());
  }

  private emitEntries(source: FollowedSource, entries: LogEntry[]): void {
    if (entries.length === 0 || this.stopped) return;
    for (const listener of this.entryListeners) listener(source, entries);
  }

  private emitSources(): void {
    const sources = this.sources;
    for (const listener of this.sourceListeners) listener(sources);
  }

  private emitError(error: Error): void {
    for (const listener of this.errorListeners) listener(error);
  }

  /** Looks for stdout files a new worker process created; the oldest followed ones make room. */
  private scheduleFolderCheck(): void {
    if (this.stopped) return;
    this.folderTimer = setTimeout(() => {
      this.checkStdoutFolder().then(
        () => this.scheduleFolderCheck(),
        (error: unknown) => {
          this.emitError(error instanceof Error ? error : new Error(String(error)));
          this.scheduleFolderCheck();
        },
      );
    }, this.options.pollIntervalMs);
  }

  private async checkStdoutFolder(): Promise<void> {
    if (!this.site) return;
    const newest = (await listStdoutLogs(this.site.stdoutFolder, this.site.stdoutPrefix, this.options.confineTo)).slice(-this.options.maxStdoutFiles);
    if (this.stopped) return;
    const wanted = new Set(newest.map((file) => stdoutSource(file).id));
    let changed = false;
    for (const [id, file] of this.files) {
      if (id.startsWith('stdout:') && !wanted.has(id)) {
        this.files.delete(id);
        await this.unfollow(file);
        changed = true;
      }
    }
    for (const file of newest) {
      const source = stdoutSource(file);
      if (this.files.has(source.id)) continue;
      await this.follow(source);
      changed = true;
    }
    if (changed && !this.stopped) this.emitSources();
  }
}

function subscribe<T>(listeners: Set<T>, listener: T): Disposable {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}


function debugSource(file: string): FollowedSource {
  return { id: 'debug', kind: 'debug', file, label: `ANCM debug log (${path.basename(file)})`, startTime: undefined, pid: undefined };
}

function stdoutSource(file: StdoutLogFile): FollowedSource {
  const startTime = file.name.startTime?.toISOString();
  const when = startTime ? `${startTime.slice(0, 10)} ${startTime.slice(11, 19)} UTC` : path.basename(file.path);
  return { id: `stdout:${path.basename(file.path)}`, kind: 'stdout', file: file.path, label: `stdout ${when} · PID ${file.name.pid}`, startTime, pid: file.name.pid };
}

/** A file handed over directly: its kind from its first bytes; a file that does not exist yet, by its name. */
async function extraSource(file: string, confineTo: string | undefined): Promise<FollowedSource> {
  const named = stdoutFileFacts(file);
  const sample = await readLogSample(file, undefined, confineTo);
  const kind = sample === undefined ? (named.pid !== undefined ? 'stdout' : 'debug') : detectLogFormat(sample);
  return { id: `extra:${file}`, kind, file, label: path.basename(file), startTime: named.processStart, pid: named.pid };
}

/** stdout entries carry the worker process and its start time from the file name. */
function parserFor(source: FollowedSource): IncrementalEntryParser<unknown> {
  return createEntryParser(source.kind, source.file, {
    ...(source.pid !== undefined && { pid: source.pid }),
    ...(source.startTime !== undefined && { processStart: source.startTime }),
  });
}
