// What the list shows of an entry: its message (the text without the format's prefix, whose parts are
// columns) as displayed lines, where the text filter matches in them, and the details row an expanded entry
// ends with (who wrote it, and its time as written). Matching runs over the whole message, as the filter
// does over the whole entry, so a match hidden in a collapsed entry's later lines can be counted.

import type { LogEntryMessage } from '../../../../server/src/protocol/logs';
import { displayLine, entryLines } from './displayText';
import type { Highlighter, TextRange } from './highlight';

export interface EntryPresentation {
  /** The message's lines as shown (see displayLine). */
  readonly lines: readonly string[];
  /** Per line, where the filter matches. */
  readonly marks: readonly (readonly TextRange[])[];
  /** The expanded entry's last row: `Microsoft.Hosting.Lifetime[14] · 2024-01-02T03:04:05.000Z`, or undefined. */
  readonly details: string | undefined;
  readonly detailsMarks: readonly TextRange[];
  /** The filter matched the entry, yet nowhere in its message or details: only in the prefix the columns show. */
  readonly matchOnlyInPrefix: boolean;
}

const NO_MARKS: readonly TextRange[] = [];

export function presentEntry(entry: LogEntryMessage, highlighter: Highlighter | undefined): EntryPresentation {
  // An entry without a prefix carries its whole text as the message; an empty message shows the text.
  const lines = entryLines(entry.message !== '' ? entry.message : entry.text).map(displayLine);
  const details = detailsOf(entry);
  if (!highlighter) return { lines, marks: lines.map(() => NO_MARKS), details, detailsMarks: NO_MARKS, matchOnlyInPrefix: false };
  const marks = marksByLine(lines, highlighter(lines.join('\n')));
  const detailsMarks = details !== undefined ? highlighter(details) : NO_MARKS;
  const matchOnlyInPrefix = detailsMarks.length === 0 && marks.every((line) => line.length === 0);
  return { lines, marks, details, detailsMarks, matchOnlyInPrefix };
}

/** Lines after the first that hold a match: what a collapsed entry hides. */
export function hiddenMatchLines(presentation: EntryPresentation): number {
  let count = 0;
  for (let line = 1; line < presentation.marks.length; line++) if (presentation.marks[line].length > 0) count++;
  return count;
}

/** The ranges of the joined lines, cut at the line breaks and made relative to each line. */
function marksByLine(lines: readonly string[], ranges: readonly TextRange[]): TextRange[][] {
  const byLine: TextRange[][] = lines.map(() => []);
  let line = 0;
  let lineStart = 0;
  for (const range of ranges) {
    let start = range.start;
    while (start < range.end && line < lines.length) {
      const lineEnd = lineStart + lines[line].length;
      if (start > lineEnd) {
        lineStart = lineEnd + 1;
        line++;
        continue;
      }
      const end = Math.min(range.end, lineEnd);
      if (end > start) byLine[line].push({ start: start - lineStart, end: end - lineStart });
      if (range.end <= lineEnd) break;
      start = lineEnd + 1;
      lineStart = lineEnd + 1;
      line++;
    }
  }
  return byLine;
}

function detailsOf(entry: LogEntryMessage): string | undefined {
  const parts: string[] = [];
  if (entry.origin !== undefined) parts.push(entry.eventId !== undefined ? `${entry.origin}[${entry.eventId}]` : entry.origin);
  else if (entry.eventId !== undefined) parts.push(`event ${entry.eventId}`);
  if (entry.time !== undefined) parts.push(entry.time);
  return parts.length > 0 ? displayLine(parts.join('  ·  ')) : undefined;
}
