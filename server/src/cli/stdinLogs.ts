// `ancm logs -`: entries from standard input (a log piped from another command, or pasted text). Its kind is told
// from its first 64 KB, as for a file handed over directly. Without --follow the input is read to its end and the last
// `tail` matching entries are printed; with --follow each entry is printed as soon as it is complete (a held last entry
// after a moment without input, as when following a file).

import { createEntryParser, stdoutFileFacts } from '../logs/createEntryParser';
import { detectLogFormat } from '../logs/detectLogFormat';
import type { IncrementalEntryParser } from '../logs/entryParser';
import { DEFAULT_MAX_LINE_BYTES } from '../logs/fileWindow';
import { detectByteOrderMark, LineDecoder } from '../logs/lineDecoder';
import { LOG_SAMPLE_BYTES, decodeSample } from '../logs/logSample';
import type { FollowedSource } from '../logs/siteLogFollower';
import type { LogEntry, LogLine } from '../logs/types';

const IDLE_FLUSH_MS = 200;

export interface StdinLogOptions {
  readonly follow: boolean;
  readonly tail: number;
  readonly filter: (entry: LogEntry) => boolean;
  /** The file the input is read from, when it is one: a stdout file's name gives its entries their worker process. */
  readonly file?: string;
}

/** Reads standard input to its end; `print` gets each entry to show, in order. */
export async function readStdinLog(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, options: StdinLogOptions, print: (source: FollowedSource, entry: LogEntry) => void): Promise<void> {
  let source: FollowedSource | undefined;
  let parser: IncrementalEntryParser<unknown> | undefined;
  let decoder: LineDecoder | undefined;
  const sample: Buffer[] = [];
  let sampled = 0;
  let held: LogLine[] = [];
  const shown: LogEntry[] = [];
  let idle: NodeJS.Timeout | undefined;

  const emit = (entries: readonly LogEntry[]) => {
    for (const entry of entries) {
      if (!options.filter(entry)) continue;
      if (options.follow) print(source!, entry);
      else {
        shown.push(entry);
        if (shown.length > 2 * options.tail + 1024) shown.splice(0, shown.length - options.tail);
      }
    }
  };
  const start = () => {
    const head = Buffer.concat(sample);
    const kind = detectLogFormat(decodeSample(head));
    const facts = kind === 'stdout' && options.file !== undefined ? stdoutFileFacts(options.file) : {};
    source = { id: 'stdin', kind, file: options.file ?? '-', label: options.file ?? 'standard input', startTime: facts.processStart, pid: facts.pid };
    parser = createEntryParser(kind, options.file ?? '-', facts);
    emit(parser.push(held));
    held = [];
  };

  for await (const piece of input) {
    const raw = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let bytes = raw;
    if (!decoder) {
      // The byte order mark is known from the first bytes; without one the input is UTF-8.
      const mark = detectByteOrderMark(bytes) ?? { encoding: 'utf8' as const, length: 0 };
      decoder = new LineDecoder(mark.encoding, mark.length, DEFAULT_MAX_LINE_BYTES);
      bytes = bytes.subarray(mark.length);
    }
    const lines = decoder.push(bytes);
    if (parser) emit(parser.push(lines));
    else {
      // The sample keeps the byte order mark, which tells how to decode it.
      sample.push(raw);
      sampled += raw.length;
      held.push(...lines);
      if (sampled >= LOG_SAMPLE_BYTES) start();
    }
    if (options.follow && parser) {
      clearTimeout(idle);
      idle = setTimeout(() => emit(parser!.flush()), IDLE_FLUSH_MS);
    }
  }
  clearTimeout(idle);
  if (!parser) start();
  const last = decoder?.finish();
  emit([...parser!.push(last ? [last] : []), ...parser!.flush()]);
  if (!options.follow) for (const entry of shown.slice(Math.max(0, shown.length - options.tail))) print(source!, entry);
}
