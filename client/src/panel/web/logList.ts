// The list of entries: the view model, the rows, follow, selection and the keyboard, over a virtual list.
// While paused, every change keeps the row at the top of the viewport where it is (entries arriving below,
// old ones evicted above, history paged in above, a filter change), so what the user reads does not move.

import type { LogEntryMessage } from '../../../../server/src/protocol';
import { continuationLineCount, entryLines } from './displayText';
import { EntryStore } from './entryStore';
import { FollowState } from './followState';
import { RowLayout } from './rowLayout';
import { entryElementId, renderRow } from './rowView';
import { LogViewModel, type ViewFilter } from './viewModel';
import { VirtualList } from './virtualList';

export interface LogListOptions {
  /** The scrolling element (a focusable listbox). */
  readonly viewport: HTMLElement;
  readonly rowHeight: number;
  readonly maxEntries: number;
  /** Counts, follow mode or selection changed: the toolbar updates. */
  readonly onChange: () => void;
  readonly onOpenRaw: (entry: LogEntryMessage) => void;
  /** Runs a render before the next paint; tests pass one that runs at once. */
  readonly schedule: (callback: () => void) => void;
}

interface ScrollAnchor {
  readonly seq: number;
  readonly line: number;
  /** Pixels of that row above the viewport's top edge. */
  readonly offset: number;
}

export class LogList {
  readonly model: LogViewModel;
  readonly follow = new FollowState();
  private readonly layout: RowLayout;
  private readonly list: VirtualList;
  private selectedSeq: number | undefined;
  /** Short source names, shown on each row when the list mixes sources. */
  private sourceTags = new Map<string, string>();
  private renderQueued = false;
  /** The lines of the last multi-line entry rendered: an expanded entry renders many rows. */
  private splitCache: { seq: number; lines: string[] } | undefined;

  constructor(private readonly options: LogListOptions) {
    this.model = new LogViewModel(new EntryStore(options.maxEntries));
    this.layout = new RowLayout(this.model);
    this.list = new VirtualList(options.viewport, options.rowHeight, (row) => this.renderRowAt(row));
    const viewport = options.viewport;
    viewport.addEventListener('scroll', () => this.onScroll());
    viewport.addEventListener('keydown', (event) => this.onKeyDown(event));
    viewport.addEventListener('click', (event) => this.onClick(event));
    viewport.addEventListener('dblclick', (event) => this.onDoubleClick(event));
    viewport.addEventListener('copy', (event) => this.onCopy(event));
  }

  get selectedEntry(): LogEntryMessage | undefined {
    return this.selectedSeq !== undefined && this.model.store.has(this.selectedSeq) ? this.model.store.at(this.selectedSeq) : undefined;
  }

  get rowCount(): number {
    return this.layout.rowCount;
  }

  append(entries: readonly LogEntryMessage[]): void {
    if (entries.length === 0) return;
    this.change(() => this.follow.onEntriesShown(this.model.append(entries).shown));
  }

  /** Earlier history; returns how many entries did not fit. */
  prepend(entries: readonly LogEntryMessage[]): number {
    let refused = 0;
    this.change(() => {
      refused = this.model.prepend(entries).refused;
    });
    return refused;
  }

  /** Empties the view (never the file) and follows again. */
  clear(): void {
    this.change(() => {
      this.model.clear();
      this.layout.collapseAll();
      this.selectedSeq = undefined;
      this.follow.resume();
    });
  }

  removeSource(sourceId: string): void {
    // Sequence numbers change: what referred to the old ones goes.
    this.change(() => {
      this.model.removeSource(sourceId);
      this.layout.collapseAll();
      this.selectedSeq = undefined;
    });
  }

  resize(maxEntries: number): void {
    this.change(() => this.model.resize(maxEntries));
  }

  setFilter(filter: ViewFilter): void {
    this.change(() => this.model.setFilter(filter));
  }

  setSourceTags(tags: ReadonlyMap<string, string>): void {
    this.sourceTags = new Map(tags);
    this.scheduleRender();
  }

  /** The Follow button. */
  toggleFollow(): void {
    if (this.follow.following) this.follow.pause();
    else {
      this.follow.resume();
      this.list.scrollToBottom();
    }
    this.options.onChange();
    this.scheduleRender();
  }

  openSelected(): void {
    const entry = this.selectedEntry;
    if (entry) this.options.onOpenRaw(entry);
  }

  /** Puts the rows in view into the DOM now. */
  render(): void {
    this.renderQueued = false;
    this.splitCache = undefined;
    this.list.render();
    const selectedId = this.selectedSeq !== undefined ? entryElementId(this.selectedSeq) : undefined;
    if (selectedId && this.options.viewport.ownerDocument.getElementById(selectedId)) this.options.viewport.setAttribute('aria-activedescendant', selectedId);
    else this.options.viewport.removeAttribute('aria-activedescendant');
  }

  /** Re-reads the viewport's size (the panel was resized). */
  onResize(): void {
    if (this.follow.following) this.list.scrollToBottom();
    this.scheduleRender();
  }

  private change(mutation: () => void): void {
    const anchor = this.follow.following ? undefined : this.captureAnchor();
    mutation();
    this.layout.refresh();
    this.list.setRowCount(this.layout.rowCount);
    if (this.follow.following) this.list.scrollToBottom();
    else if (anchor) this.restoreAnchor(anchor);
    this.options.onChange();
    this.scheduleRender();
  }

  private captureAnchor(): ScrollAnchor | undefined {
    const row = this.list.topRow();
    if (row >= this.layout.rowCount) return undefined;
    const { seq, line } = this.layout.rowAt(row);
    return { seq, line, offset: this.list.scrollTop - row * this.list.rowHeight };
  }

  private restoreAnchor(anchor: ScrollAnchor): void {
    const visibleIndex = this.model.indexOfSeq(anchor.seq);
    if (visibleIndex >= 0) {
      const line = this.layout.isExpanded(anchor.seq) ? anchor.line : 0;
      this.list.scrollTop = (this.layout.firstRowOf(visibleIndex) + line) * this.list.rowHeight + anchor.offset;
      return;
    }
    // The anchor entry went (evicted, or filtered out): keep the nearest later entry at the top.
    this.list.scrollTop = this.layout.firstRowOf(this.model.indexAtOrAfter(anchor.seq)) * this.list.rowHeight;
  }

  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    this.options.schedule(() => this.render());
  }

  private renderRowAt(row: number): HTMLElement {
    const { seq, line, visibleIndex } = this.layout.rowAt(row);
    const entry = this.model.store.at(seq);
    const continuationLines = continuationLineCount(entry.text);
    const showTags = this.model.filter.sourceId === undefined && this.sourceTags.size > 1;
    return renderRow(
      this.options.viewport.ownerDocument,
      {
        entry,
        line,
        lineText: continuationLines === 0 ? entry.text : this.linesOf(seq, entry.text)[line],
        continuationLines,
        expanded: this.layout.isExpanded(seq),
        selected: seq === this.selectedSeq,
        sourceTag: showTags ? (this.sourceTags.get(entry.sourceId) ?? entry.sourceId) : undefined,
        position: visibleIndex + 1,
        setSize: this.model.visibleCount,
        row,
      },
      seq,
    );
  }

  private linesOf(seq: number, text: string): string[] {
    if (this.splitCache?.seq !== seq) this.splitCache = { seq, lines: entryLines(text) };
    return this.splitCache.lines;
  }

  /** The browser's scroll event, and the list's own moves (the event comes a frame later). */
  private onScroll(): void {
    if (this.follow.onScrolled(this.list.isAtBottom())) this.options.onChange();
    this.scheduleRender();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.model.visibleCount;
    const current = this.selectedSeq !== undefined ? this.model.indexOfSeq(this.selectedSeq) : -1;
    // With nothing selected (or the selection filtered out), the first key starts from the top row in view.
    const from = current >= 0 ? current : this.layout.rowCount > 0 ? this.layout.rowAt(Math.min(this.list.topRow(), this.layout.rowCount - 1)).visibleIndex : 0;
    const page = this.list.pageSize();
    const targets: Record<string, number> = {
      ArrowDown: current >= 0 ? from + 1 : from,
      ArrowUp: current >= 0 ? from - 1 : from,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: count - 1,
    };
    if (event.key in targets) {
      event.preventDefault();
      if (count > 0) this.select(Math.min(count - 1, Math.max(0, targets[event.key])));
      return;
    }
    const selected = this.selectedSeq;
    if (selected === undefined || current < 0) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.openSelected();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.change(() => this.layout.setExpanded(selected, event.key === 'ArrowRight'));
      this.revealEntry(current);
    }
  }

  private onClick(event: MouseEvent): void {
    const row = this.rowFromEvent(event);
    if (row === undefined) return;
    const { seq, visibleIndex } = this.layout.rowAt(row);
    this.options.viewport.focus();
    if ((event.target as Element).classList.contains('twistie')) {
      this.change(() => this.layout.setExpanded(seq, !this.layout.isExpanded(seq)));
    }
    this.select(visibleIndex);
  }

  private onDoubleClick(event: MouseEvent): void {
    if (this.rowFromEvent(event) !== undefined) this.openSelected();
  }

  /** Copy (keyboard, or VS Code's Copy command) with nothing highlighted copies the selected entry whole. */
  private onCopy(event: ClipboardEvent): void {
    const entry = this.selectedEntry;
    const highlighted = this.options.viewport.ownerDocument.getSelection();
    if (!entry || !event.clipboardData || (highlighted && !highlighted.isCollapsed)) return;
    event.clipboardData.setData('text/plain', entry.text);
    event.preventDefault();
  }

  private rowFromEvent(event: MouseEvent): number | undefined {
    const value = (event.target as Element | null)?.closest('.row')?.getAttribute('data-row');
    const row = value ? Number(value) : Number.NaN;
    return Number.isInteger(row) && row < this.layout.rowCount ? row : undefined;
  }

  private select(visibleIndex: number): void {
    this.selectedSeq = this.model.seqAt(visibleIndex);
    this.revealEntry(visibleIndex);
    this.options.onChange();
    this.scheduleRender();
  }

  private revealEntry(visibleIndex: number): void {
    const first = this.layout.firstRowOf(visibleIndex);
    const seq = this.model.seqAt(visibleIndex);
    const extra = this.layout.isExpanded(seq) ? continuationLineCount(this.model.store.at(seq).text) : 0;
    // A tall expanded entry shows from its first line.
    this.list.reveal(first, Math.min(first + extra, first + this.list.pageSize() - 1));
    // Moving the selection away from the bottom pauses follow; moving it to the end resumes it.
    this.onScroll();
  }
}
