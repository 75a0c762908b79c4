// What the log parsers share: lines go in a batch at a time, finished entries come out, and the last
// entry is held back because the next batch may continue it (a stack trace, an Event Log block).

import type { LogEntry, LogLine } from './types';

// An entry is cut beyond these sizes so that a file with no entry starts at all cannot build one unbounded string.
export const MAX_ENTRY_LINES = 10_000;
export const MAX_ENTRY_CHARS = 4 * 1024 * 1024;

/** The continuation lines of an entry being read: as written, and without a wrapper or prefix (for its message). */
export interface ContinuationLines {
  /** Created only when there is one: most entries are a single line. */
  more: string[] | undefined;
  moreBodies: string[] | undefined;
  chars: number;
}

/** Adds a continuation line; false, adding nothing, when the entry is full and must be cut there. */
export function addContinuation(draft: ContinuationLines, text: string, body: string): boolean {
  const count = draft.more ? draft.more.length : 0;
  if (count + 1 >= MAX_ENTRY_LINES || draft.chars + text.length >= MAX_ENTRY_CHARS) return false;
  if (draft.more && draft.moreBodies) {
    draft.more.push(text);
    draft.moreBodies.push(body);
  } else {
    draft.more = [text];
    draft.moreBodies = [body];
  }
  draft.chars += text.length + 1;
  return true;
}

export abstract class IncrementalEntryParser<Draft> {
  /** The entry being read: the next line may still belong to it. */
  protected draft: Draft | undefined;

  /** Entries completed by these lines. The last entry is held back: the next batch may continue it. */
  push(lines: readonly LogLine[]): LogEntry[] {
    const done: LogEntry[] = [];
    for (let index = 0; index < lines.length; index++) this.add(lines[index], done);
    return done;
  }

  /** Releases the held entry (after an idle time, or at the end of the file). */
  flush(): LogEntry[] {
    const draft = this.draft;
    this.draft = undefined;
    return draft ? [this.finish(draft)] : [];
  }

  /** Reads one line: starts a new draft (pushing the finished one to `done`) or continues the current one. */
  protected abstract add(line: LogLine, done: LogEntry[]): void;

  protected abstract finish(draft: Draft): LogEntry;
}

/** Every entry of a whole log at once. */
export function parseAllLines(parser: IncrementalEntryParser<unknown>, lines: readonly LogLine[]): LogEntry[] {
  const entries = parser.push(lines);
  for (const entry of parser.flush()) entries.push(entry);
  return entries;
}
