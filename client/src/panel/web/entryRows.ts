// What each row of the list shows: the columns of an entry (local time with the date when the day changes,
// level, source, origin), its message's first line or, expanded, every line wrapped to the message column and a
// details row; where the text filter matches, where the links are, and what a collapsed entry hides.
// Presentations are cached per entry until the filter changes; only the rows in view are ever built.

import type { LogEntryMessage, LogSourceInfo } from '../../../../server/src/protocol/logs';
import { type EntryPresentation, hiddenMatchLines, presentEntry } from './entryPresentation';
import { type Highlighter, type TextRange, createHighlighter } from './highlight';
import { type LinkTarget, findLinks } from './logLinks';
import type { RowRef } from './rowLayout';
import type { RowContent, RowLink } from './rowView';
import { shortOrigin, sourceLabel } from './sourceLabel';
import { entryTime, formatLocalTime, localDay } from './timeColumn';
import type { LogViewModel, ViewFilter } from './viewModel';
import { wrapLine } from './wrapLines';

/** A row of an expanded entry: a piece of one of its message lines. */
interface WrappedRow {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Presentations kept; the rows in view need a few dozen. */
const MAX_CACHED = 2000;
/** How far back the list looks for the previous entry with a time (stdout formats mostly write none). */
const MAX_TIME_LOOKBACK = 1000;

export interface RowState {
  readonly expanded: boolean;
  readonly selected: boolean;
}

export class EntryRows {
  private highlighter: Highlighter | undefined;
  private columns = Number.POSITIVE_INFINITY;
  private sources = new Map<string, LogSourceInfo>();
  private readonly presentations = new Map<number, EntryPresentation>();
  private readonly wrapped = new Map<number, WrappedRow[]>();

  constructor(private readonly model: LogViewModel) {}

  setFilter(filter: ViewFilter): void {
    this.highlighter = createHighlighter(filter.text, filter.regex);
    this.presentations.clear();
  }

  /** Returns whether it changed (the layout then needs a refresh). */
  setColumns(columns: number): boolean {
    if (columns === this.columns) return false;
    this.columns = columns;
    this.wrapped.clear();
    return true;
  }

  setSources(sources: ReadonlyMap<string, LogSourceInfo>): void {
    this.sources = new Map(sources);
  }

  /** Sequence numbers changed or entries went: nothing cached still applies. */
  forget(): void {
    this.presentations.clear();
    this.wrapped.clear();
  }

  /** Rows beyond the first an expanded entry takes: its other wrapped rows and the details row. */
  extraRowsOf = (seq: number): number => {
    const rows = this.wrappedRows(seq);
    if (rows.length <= 1) return 0;
    return rows.length - 1 + (this.presentation(seq).details !== undefined ? 1 : 0);
  };

  content(ref: RowRef, row: number, state: RowState): RowContent {
    const entry = this.model.store.at(ref.seq);
    const presentation = this.presentation(ref.seq);
    const expandable = this.extraRowsOf(ref.seq) > 0;
    const origin = shortOrigin(entry.origin);
    const common = {
      entry,
      time: this.timeText(ref.visibleIndex, entry),
      source: sourceLabel(this.sources.get(entry.sourceId), entry),
      origin,
      originMarks: this.highlighter && ref.line === 0 ? this.highlighter(origin) : [],
      expandable,
      expanded: state.expanded,
      selected: state.selected,
      position: ref.visibleIndex + 1,
      setSize: this.model.visibleCount,
      row,
    };
    const rows = this.wrappedRows(ref.seq);
    if (ref.line >= rows.length) {
      const text = presentation.details ?? '';
      return { ...common, kind: 'details', text, marks: presentation.detailsMarks, links: [], hiddenLines: 0, matchHint: undefined };
    }
    // Collapsed, the first row holds the whole first line (the row cuts it with an ellipsis).
    const piece = state.expanded || ref.line > 0 ? rows[ref.line] : { line: 0, start: 0, end: presentation.lines[0].length };
    const lineText = presentation.lines[piece.line];
    return {
      ...common,
      kind: ref.line === 0 ? 'entry' : 'line',
      text: lineText.slice(piece.start, piece.end),
      marks: within(presentation.marks[piece.line], piece.start, piece.end),
      links: within(rowLinks(lineText), piece.start, piece.end),
      hiddenLines: presentation.lines.length - 1,
      matchHint: ref.line === 0 && !state.expanded ? this.matchHint(presentation, common.originMarks.length > 0) : undefined,
    };
  }

  /** What the link `index` on a row of an entry points at (the row's attributes hold only the index). */
  linkAt(seq: number, rowInEntry: number, index: number): LinkTarget | undefined {
    const line = this.wrappedRows(seq)[rowInEntry]?.line ?? 0;
    return findLinks(this.presentation(seq).lines[line] ?? '')[index]?.target;
  }

  /** Every link of an entry, for its context menu (the keyboard's way to them). */
  linksOf(seq: number): LinkTarget[] {
    return this.presentation(seq).lines.flatMap((line) => findLinks(line).map((link) => link.target));
  }

  private presentation(seq: number): EntryPresentation {
    let presentation = this.presentations.get(seq);
    if (!presentation) {
      if (this.presentations.size >= MAX_CACHED) this.presentations.clear();
      presentation = presentEntry(this.model.store.at(seq), this.highlighter);
      this.presentations.set(seq, presentation);
    }
    return presentation;
  }

  private wrappedRows(seq: number): WrappedRow[] {
    let rows = this.wrapped.get(seq);
    if (!rows) {
      if (this.wrapped.size >= MAX_CACHED) this.wrapped.clear();
      rows = [];
      const lines = this.presentation(seq).lines;
      for (let line = 0; line < lines.length; line++) {
        const starts = wrapLine(lines[line], this.columns);
        starts.forEach((start, index) => rows!.push({ line, start, end: starts[index + 1] ?? lines[line].length }));
      }
      this.wrapped.set(seq, rows);
    }
    return rows;
  }

  private timeText(visibleIndex: number, entry: LogEntryMessage): string {
    const time = entryTime(entry.time);
    if (!time) return '';
    const previous = this.previousTime(visibleIndex);
    return formatLocalTime(time, previous === undefined || localDay(previous) !== localDay(time));
  }

  private previousTime(visibleIndex: number): Date | undefined {
    const stop = Math.max(0, visibleIndex - MAX_TIME_LOOKBACK);
    for (let index = visibleIndex - 1; index >= stop; index--) {
      const time = entryTime(this.model.store.at(this.model.seqAt(index)).time);
      if (time) return time;
    }
    return undefined;
  }

  /** Where a collapsed entry's match is, when it is out of sight; undefined when one shows. */
  private matchHint(presentation: EntryPresentation, matchInOrigin: boolean): string | undefined {
    if (!this.highlighter) return undefined;
    const hidden = hiddenMatchLines(presentation);
    if (hidden > 0) return `match in ${hidden} hidden ${hidden === 1 ? 'line' : 'lines'}`;
    const firstLine = presentation.marks[0] ?? [];
    // The row shows about `columns` characters of the first line; the ellipsis takes the last.
    if (firstLine.some((range) => range.start < this.columns - 1) || matchInOrigin) return undefined;
    // Else it is in what the columns show in short (the category, the time as written): the prefix.
    return firstLine.length > 0 ? 'match further along the line' : 'match in the prefix';
  }
}

function rowLinks(line: string): RowLink[] {
  return findLinks(line).map((link, index) => ({ start: link.start, end: link.end, index, kind: link.target.kind }));
}

/** The ranges that fall in [start, end), made relative to `start`. */
function within<T extends TextRange>(ranges: readonly T[], start: number, end: number): T[] {
  const result: T[] = [];
  for (const range of ranges) {
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (to > from) result.push({ ...range, start: from - start, end: to - start });
  }
  return result;
}
