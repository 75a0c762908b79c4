// Copy Shown Entries as Markdown: the entries the filter shows, as a block to paste into a ticket or a chat.
// One fenced block (longer than any run of backticks in the text, so nothing in a log line can end it), each
// entry as the panel's columns and its message, continuation lines indented.

import { displayLine, entryLines } from './displayText';

export interface MarkdownEntry {
  /** Local date and time, '' without. */
  readonly time: string;
  readonly level: string;
  readonly source: string;
  readonly origin: string | undefined;
  readonly message: string;
}

export interface MarkdownHeading {
  /** The web.config whose logs these are, as the user knows it. */
  readonly site: string;
  /** `level Error, text "timeout"`, or '' with no filter. */
  readonly filter: string;
  /** Shown entries left out (the oldest), beyond the most one copy takes. */
  readonly omitted: number;
  /** `UTC+02:00`: what the local times mean to someone elsewhere. */
  readonly timeZone: string;
}

export function entriesAsMarkdown(heading: MarkdownHeading, entries: readonly MarkdownEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const columns = [entry.time, entry.level, entry.source, entry.origin ? `${entry.origin}:` : ''].filter((column) => column !== '').join(' ');
    const [first, ...rest] = entryLines(entry.message).map(displayLine);
    lines.push(`${columns} ${first}`, ...rest.map((line) => `    ${line}`));
  }
  const text = lines.join('\n');
  const longestTicks = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestTicks + 1));
  const count = `${entries.length.toLocaleString('en-US')} ${entries.length === 1 ? 'entry' : 'entries'}`;
  const omitted = heading.omitted > 0 ? ` (the newest; ${heading.omitted.toLocaleString('en-US')} earlier ones left out)` : '';
  const filter = heading.filter !== '' ? `, filter: ${heading.filter}` : '';
  return `**ANCM logs** of \`${heading.site.replace(/`/g, "'")}\`: ${count}${omitted}${filter}; times ${heading.timeZone}.\n\n${fence}text\n${text}\n${fence}\n`;
}

/** The local time zone as an offset from UTC at `date`: `UTC+05:30`, `UTC-04:00`, `UTC`. */
export function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const absolute = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}
