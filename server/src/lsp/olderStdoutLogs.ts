// The stdout files of a site beyond the newest ones the panel follows: ANCM never deletes them, so a site
// that recycles often has many. They are listed for the panel and read on request, last part first, then
// earlier pages, like a followed file; they are not followed (their worker process has ended).

import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { createEntryParser } from '../logs/createEntryParser';
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_LINE_BYTES, pageStart, readByteOrderMark, readLines, tailStart } from '../logs/fileWindow';
import type { ByteOrderMark } from '../logs/lineDecoder';
import { openRegularFile } from '../files/openFile';
import { type StdoutLogFile, listStdoutLogs } from '../logs/stdoutFiles';
import type { LogEntry } from '../logs/types';
import type { LogSourceInfo, OlderStdoutFile } from '../protocol/logs';

/**
 * The site's stdout files that are not among `followedFiles` (absolute paths), newest first. `confineTo`: only when
 * the folder really is inside it (Restricted Mode).
 */
export async function listOlderStdoutFiles(folder: string, prefix: string, followedFiles: ReadonlySet<string>, confineTo?: string): Promise<OlderStdoutFile[]> {
  const files = await listStdoutLogs(folder, prefix, confineTo);
  return files
    .filter((file) => !followedFiles.has(file.path))
    .reverse()
    .map((file) => ({
      fileName: path.basename(file.path),
      label: olderFileLabel(file),
      pid: file.name.pid,
      size: file.size,
      ...(file.name.startTime !== undefined && { startTime: file.name.startTime.toISOString() }),
    }));
}

/** The file of that name among the site's stdout files, or undefined: a name is never read as a path. */
export async function findOlderStdoutFile(folder: string, prefix: string, fileName: string, confineTo?: string): Promise<StdoutLogFile | undefined> {
  return (await listStdoutLogs(folder, prefix, confineTo)).find((file) => path.basename(file.path) === fileName);
}

export interface LogPage {
  readonly entries: LogEntry[];
  /** False once the start of the file has been read. */
  readonly more: boolean;
}

/** One older stdout file opened by the panel: its last part, then earlier pages on request. */
export class OlderStdoutLog {
  readonly source: LogSourceInfo;
  /** Where the text already read starts; undefined before the first read. */
  private historyStart: number | undefined;
  private bom: ByteOrderMark | undefined;

  /** `confineTo`: read only while the file's real path is inside it (Restricted Mode). */
  constructor(file: StdoutLogFile, private readonly confineTo?: string) {
    const fileName = path.basename(file.path);
    this.source = {
      id: `older:${fileName}`,
      kind: 'stdout',
      file: file.path,
      label: olderFileLabel(file),
      exists: true,
      pid: file.name.pid,
      ...(file.name.startTime !== undefined && { startTime: file.name.startTime.toISOString() }),
    };
  }

  /** The last `maxBytes` of the file, from a line start. */
  readLast(maxBytes: number): Promise<LogPage> {
    return this.read(async (handle, size, bom) => ({ start: await tailStart(handle, size, bom, maxBytes, DEFAULT_CHUNK_BYTES), end: size }));
  }

  /** Up to `maxBytes` before what was read so far. */
  readEarlier(maxBytes: number): Promise<LogPage> {
    const end = this.historyStart;
    if (end === undefined) return this.readLast(maxBytes);
    return this.read(async (handle, _size, bom) => ({ start: await pageStart(handle, end, bom, maxBytes, DEFAULT_CHUNK_BYTES), end }));
  }

  private async read(range: (handle: FileHandle, size: number, bom: ByteOrderMark) => Promise<{ start: number; end: number }>): Promise<LogPage> {
    const handle = await openRegularFile(this.source.file, this.confineTo);
    try {
      const size = (await handle.stat()).size;
      this.bom ??= await readByteOrderMark(handle, size);
      const bom = this.bom;
      if (!bom) return { entries: [], more: false };
      const { start, end } = await range(handle, size, bom);
      if (start >= end) return { entries: [], more: start > bom.length };
      const lines = await readLines(handle, bom.encoding, start, end, DEFAULT_CHUNK_BYTES, DEFAULT_MAX_LINE_BYTES);
      this.historyStart = start;
      // Each page parses on its own: an entry cut at the page's start shows as a separate entry.
      const parser = createEntryParser('stdout', this.source.file);
      return { entries: [...parser.push(lines), ...parser.flush()], more: start > bom.length };
    } finally {
      await handle.close();
    }
  }
}

function olderFileLabel(file: StdoutLogFile): string {
  const startTime = file.name.startTime?.toISOString();
  const when = startTime ? `${startTime.slice(0, 10)} ${startTime.slice(11, 19)} UTC` : path.basename(file.path);
  return `stdout ${when} · PID ${file.name.pid}`;
}
