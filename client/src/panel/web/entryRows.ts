// What each row of the list shows: the columns of an entry (local time with the date when the day changes,
// level, source, origin), its message's first line or, expanded, every line wrapped to the message column and a
// details row; where the text filter matches, where the links are, and what a collapsed entry hides.
// Presentations are cached per entry until the filter changes; only the rows in view are ever built.

import type { FailureCauseInfo, LogEntryMessage, LogSourceInfo } from '../../../../server/src/protocol/logs';
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

/** A row of an explained entry's causes: what it means, a fix step, or its links (docs, the web.config rule). */
interface CauseRow {
  readonly text: string;
  readonly links: readonly { readonly start: number; readonly end: number; readonly target: LinkTarget }[];
}

/** The web.config rules one cause row links to at most. */
const MAX_RULE_LINKS = 3;

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
  private causes: ReadonlyMap<string, FailureCauseInfo> = new Map();
  private readonly causeRowCache = new Map<number, CauseRow[]>();

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
    this.causeRowCache.clear();
    return true;
  }

  setSources(sources: ReadonlyMap<string, LogSourceInfo>): void {
    this.sources = new Map(sources);
  }

  /** The session's table of failure causes: what an entry's `causes` name. */
  setCauses(causes: readonly FailureCauseInfo[]): void {
    this.causes = new Map(causes.map((cause) => [cause.id, cause]));
    this.causeRowCache.clear();
  }

  /** Sequence numbers changed or entries went: nothing cached still applies. */
  forget(): void {
    this.presentations.clear();
    this.wrapped.clear();
    this.causeRowCache.clear();
  }

  /** Rows beyond the first an expanded entry takes: its other wrapped rows and the details row. */
  extraRowsOf = (seq: number): number => {
    const rows = this.wrappedRows(seq);
    const causeRows = this.causeRows(seq);
    if (rows.length <= 1 && causeRows.length === 0) return 0;
    return rows.length - 1 + (this.presentation(seq).details !== undefined ? 1 : 0) + causeRows.length;
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
      const afterText = ref.line - rows.length;
      if (presentation.details !== undefined && afterText === 0) {
        return { ...common, kind: 'details', text: presentation.details, marks: presentation.detailsMarks, links: [], hiddenLines: 0, matchHint: undefined };
      }
      const causeRow = this.causeRows(ref.seq)[afterText - (presentation.details !== undefined ? 1 : 0)];
      const links = (causeRow?.links ?? []).map((link, index) => ({ start: link.start, end: link.end, index, kind: link.target.kind }));
      return { ...common, kind: 'cause', text: causeRow?.text ?? '', marks: [], links, hiddenLines: 0, matchHint: undefined };
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
      cause: ref.line === 0 ? this.causeMarker(entry) : undefined,
    };
  }

  /** What the link `index` on a row of an entry points at (the row's attributes hold only the index). */
  linkAt(seq: number, rowInEntry: number, index: number): LinkTarget | undefined {
    const rows = this.wrappedRows(seq);
    if (rowInEntry >= rows.length) {
      const details = this.presentation(seq).details !== undefined ? 1 : 0;
      return this.causeRows(seq)[rowInEntry - rows.length - details]?.links[index]?.target;
    }
    const line = rows[rowInEntry]?.line ?? 0;
    return findLinks(this.presentation(seq).lines[line] ?? '')[index]?.target;
  }

  /** Every link of an entry, for its context menu (the keyboard's way to them). */
  linksOf(seq: number): LinkTarget[] {
    return this.presentation(seq).lines.flatMap((line) => findLinks(line).map((link) => link.target));
  }

  private causeMarker(entry: LogEntryMessage): RowContent['cause'] {
    const known = (entry.causes ?? []).filter((id) => this.causes.has(id));
    if (known.length === 0) return undefined;
    return { id: known[0], meaning: this.causes.get(known[0])!.meaning, more: known.length - 1 };
  }

  /** An explained entry's rows after its text: per cause, its meaning and fix steps (wrapped), then its links. */
  private causeRows(seq: number): CauseRow[] {
    let rows = this.causeRowCache.get(seq);
    if (rows) return rows;
    if (this.causeRowCache.size >= MAX_CACHED) this.causeRowCache.clear();
    rows = [];
    for (const id of this.model.store.at(seq).causes ?? []) {
      const cause = this.causes.get(id);
      if (!cause) continue;
      this.pushWrapped(rows, `Why (${cause.id}): ${cause.meaning}`);
      cause.fix.forEach((step, index) => this.pushWrapped(rows!, `${cause.fix.length > 1 ? `Fix ${index + 1}` : 'Fix'}: ${step}`));
      let text = 'Docs: ';
      const links: CauseRow['links'][number][] = [{ start: text.length, end: text.length + cause.docs.length, target: { kind: 'url', url: cause.docs } }];
      text += cause.docs;
      for (const rule of (cause.rules ?? []).slice(0, MAX_RULE_LINKS)) {
        text += '  ·  ';
        const label = `Show the rule ${rule}`;
        links.push({ start: text.length, end: text.length + label.length, target: { kind: 'rule', rule } });
        text += label;
      }
      rows.push({ text, links });
    }
    this.causeRowCache.set(seq, rows);
    return rows;
  }

  private pushWrapped(rows: CauseRow[], text: string): void {
    const starts = wrapLine(text, this.columns);
    starts.forEach((start, index) => rows.push({ text: text.slice(start, starts[index + 1] ?? text.length), links: [] }));
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
