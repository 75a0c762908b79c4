// Rows on screen versus entries: an entry takes one row, showing its first line, until the user expands it
// (a stack trace, an Event Log block, a long line); then it takes a row per line (wrapped) and one for its
// details. Every row has the same height, so the list can place any row without measuring, and only the few
// expanded entries need bookkeeping.

import type { LogViewModel } from './viewModel';

/** The rows an entry takes beyond its first when expanded; 0 when it has nothing more to show. */
export type ExtraRows = (seq: number) => number;

export interface RowRef {
  readonly visibleIndex: number;
  readonly seq: number;
  /** 0 for the entry's first line. */
  readonly line: number;
}

interface ExpandedSpan {
  readonly visibleIndex: number;
  /** Rows beyond the first. */
  readonly extra: number;
}

export class RowLayout {
  private readonly expanded = new Set<number>();
  /** The expanded entries that are visible, in visible order; rebuilt by refresh(). */
  private spans: ExpandedSpan[] = [];
  private rows = 0;

  constructor(
    private readonly model: LogViewModel,
    private readonly extraRowsOf: ExtraRows,
  ) {}

  get rowCount(): number {
    return this.rows;
  }

  isExpanded(seq: number): boolean {
    return this.expanded.has(seq);
  }

  /** Expands or collapses an entry; one with nothing more to show stays as it is. */
  setExpanded(seq: number, expanded: boolean): void {
    if (expanded && this.extraRowsOf(seq) > 0) this.expanded.add(seq);
    else this.expanded.delete(seq);
    this.refresh();
  }

  collapseAll(): void {
    this.expanded.clear();
    this.refresh();
  }

  /** The rows an expanded entry takes beyond its first (0 when collapsed). */
  extraRows(seq: number): number {
    return this.expanded.has(seq) ? this.extraRowsOf(seq) : 0;
  }

  /** Call after the view model changed, or what an entry takes (the width of the list). */
  refresh(): void {
    const spans: ExpandedSpan[] = [];
    for (const seq of this.expanded) {
      if (!this.model.store.has(seq)) {
        this.expanded.delete(seq);
        continue;
      }
      const visibleIndex = this.model.indexOfSeq(seq);
      if (visibleIndex >= 0) spans.push({ visibleIndex, extra: this.extraRowsOf(seq) });
    }
    spans.sort((a, b) => a.visibleIndex - b.visibleIndex);
    this.spans = spans;
    this.rows = this.model.visibleCount + spans.reduce((sum, span) => sum + span.extra, 0);
  }

  /** The entry and line shown at a row; the caller keeps `row` within [0, rowCount). */
  rowAt(row: number): RowRef {
    let extraBefore = 0;
    for (const span of this.spans) {
      const spanRow = span.visibleIndex + extraBefore;
      if (row < spanRow) break;
      if (row <= spanRow + span.extra) return { visibleIndex: span.visibleIndex, seq: this.model.seqAt(span.visibleIndex), line: row - spanRow };
      extraBefore += span.extra;
    }
    const visibleIndex = row - extraBefore;
    return { visibleIndex, seq: this.model.seqAt(visibleIndex), line: 0 };
  }

  /** The row of an entry's first line. */
  firstRowOf(visibleIndex: number): number {
    let row = visibleIndex;
    for (const span of this.spans) {
      if (span.visibleIndex >= visibleIndex) break;
      row += span.extra;
    }
    return row;
  }
}
