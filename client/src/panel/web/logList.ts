// The list of entries: the view model, the rows, follow, selection, the mouse and the keyboard, over a virtual
// list. While paused, every change keeps the row at the top of the viewport where it is (entries arriving below,
// old ones evicted above, history paged in above, a filter change), so what the user reads does not move.

import type { FailureCauseInfo, LogEntryMessage, LogSourceInfo } from '../../../../server/src/protocol/logs';
import { EntryRows } from './entryRows';
import { EntryStore } from './entryStore';
import { FollowState } from './followState';
import type { LinkTarget } from './logLinks';
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
  /** A click on a source location or URL in an entry. */
  readonly onOpenLink?: (target: LinkTarget) => void;
  /** A right click on an entry, or the context-menu key on the selected one: `at` is where to show a menu. */
  readonly onContextMenu?: (entry: LogEntryMessage, seq: number, at: { readonly x: number; readonly y: number }) => void;
  /** Characters that fit the message column, read from the layout; without one (tests) lines never wrap. */
  readonly measureColumns?: () => number;
  /** Runs a render before the next paint; tests pass one that runs at once. */
  readonly schedule: (callback: () => void) => void;
}

/** `13:04:05.120`: a time cell longer than this shows the date too. */
const TIME_ONLY_LENGTH = 12;

interface ScrollAnchor {
  readonly seq: number;
  readonly line: number;
  /** Pixels of that row above the viewport's top edge. */
  readonly offset: number;
}

export class LogList {
  readonly model: LogViewModel;
  readonly follow = new FollowState();
  private readonly rows: EntryRows;
  private readonly layout: RowLayout;
  private readonly list: VirtualList;
  private selectedSeq: number | undefined;
  private renderQueued = false;
  /** Where following last put the view: only a scroll above it is the user's (see onScroll). */
  private followTop = 0;
  /** Whether any entry held has a time, an origin: else their columns take no room. */
  private withTimes = false;
  private withOrigins = false;

  constructor(private readonly options: LogListOptions) {
    this.model = new LogViewModel(new EntryStore(options.maxEntries));
    this.rows = new EntryRows(this.model);
    this.layout = new RowLayout(this.model, this.rows.extraRowsOf);
    this.list = new VirtualList(options.viewport, options.rowHeight, (row) => this.renderRowAt(row));
    const viewport = options.viewport;
    viewport.addEventListener('scroll', () => this.onScroll());
    viewport.addEventListener('keydown', (event) => this.onKeyDown(event));
    viewport.addEventListener('click', (event) => this.onClick(event));
    viewport.addEventListener('dblclick', (event) => this.onDoubleClick(event));
    viewport.addEventListener('contextmenu', (event) => this.onContextMenuEvent(event));
    viewport.addEventListener('copy', (event) => this.onCopy(event));
  }

  get selectedEntry(): LogEntryMessage | undefined {
    return this.selectedSeq !== undefined && this.model.store.has(this.selectedSeq) ? this.model.store.at(this.selectedSeq) : undefined;
  }

  get rowCount(): number {
    return this.layout.rowCount;
  }

  /** The source locations and URLs in an entry. */
  linksOf(seq: number): LinkTarget[] {
    return this.model.store.has(seq) ? this.rows.linksOf(seq) : [];
  }

  append(entries: readonly LogEntryMessage[]): void {
    if (entries.length === 0) return;
    this.noteColumns(entries);
    this.change(() => this.follow.onEntriesShown(this.model.append(entries).shown));
  }

  /** Earlier history; returns how many entries did not fit. */
  prepend(entries: readonly LogEntryMessage[]): number {
    let refused = 0;
    this.noteColumns(entries);
    this.change(() => {
      refused = this.model.prepend(entries).refused;
    });
    return refused;
  }

  /** Empties the view (never the file) and follows again. */
  clear(): void {
    this.change(() => {
      this.model.clear();
      this.rows.forget();
      this.layout.collapseAll();
      this.selectedSeq = undefined;
      this.follow.resume();
    });
  }

  removeSource(sourceId: string): void {
    // Sequence numbers change: what referred to the old ones goes.
    this.change(() => {
      this.model.removeSource(sourceId);
      this.rows.forget();
      this.layout.collapseAll();
      this.selectedSeq = undefined;
    });
  }

  resize(maxEntries: number): void {
    this.change(() => this.model.resize(maxEntries));
  }

  setFilter(filter: ViewFilter): void {
    this.change(() => {
      this.model.setFilter(filter);
      this.rows.setFilter(filter);
    });
  }

  /** Every source the session told of, followed or not: the source column names them. */
  setSources(sources: ReadonlyMap<string, LogSourceInfo>): void {
    this.rows.setSources(sources);
    this.scheduleRender();
  }

  /** The session's failure causes: explained entries get a marker, and their meaning and fix when expanded. */
  setCauses(causes: readonly FailureCauseInfo[]): void {
    this.change(() => this.rows.setCauses(causes));
  }

  /** The Follow button. */
  toggleFollow(): void {
    if (this.follow.following) this.follow.pause();
    else {
      this.follow.resume();
      this.stickToBottom();
    }
    this.options.onChange();
    this.scheduleRender();
  }

  openSelected(): void {
    const entry = this.selectedEntry;
    if (entry) this.options.onOpenRaw(entry);
  }

  /** Expands or collapses an entry (the arrow keys). */
  private setExpanded(seq: number, expanded: boolean): void {
    if (!this.model.store.has(seq)) return;
    this.change(() => this.layout.setExpanded(seq, expanded));
    const index = this.model.indexOfSeq(seq);
    if (index >= 0) this.revealEntry(index);
  }

  /** Puts the rows in view into the DOM now. */
  render(): void {
    this.renderQueued = false;
    this.list.render();
    // The time column widens only while a row in view shows a date (the wrapping is measured for the wide one).
    const withDates = [...this.options.viewport.querySelectorAll('.row .time')].some((cell) => (cell.textContent ?? '').length > TIME_ONLY_LENGTH);
    this.options.viewport.classList.toggle('with-dates', withDates);
    const selectedId = this.selectedSeq !== undefined ? entryElementId(this.selectedSeq) : undefined;
    if (selectedId && this.options.viewport.ownerDocument.getElementById(selectedId)) this.options.viewport.setAttribute('aria-activedescendant', selectedId);
    else this.options.viewport.removeAttribute('aria-activedescendant');
  }

  /** Re-reads the viewport's size (the panel was resized, or the columns changed). */
  onResize(): void {
    const columns = this.options.measureColumns?.() ?? Number.POSITIVE_INFINITY;
    if (this.rows.setColumns(columns)) this.change(() => undefined);
    if (this.follow.following) this.stickToBottom();
    this.scheduleRender();
  }

  /** The time and origin columns take room only once an entry has one. */
  private noteColumns(entries: readonly LogEntryMessage[]): void {
    const withTimes = this.withTimes || entries.some((entry) => entry.time !== undefined);
    const withOrigins = this.withOrigins || entries.some((entry) => entry.origin !== undefined);
    if (withTimes === this.withTimes && withOrigins === this.withOrigins) return;
    this.withTimes = withTimes;
    this.withOrigins = withOrigins;
    this.options.viewport.classList.toggle('with-times', withTimes);
    this.options.viewport.classList.toggle('with-origins', withOrigins);
    this.rows.setColumns(this.options.measureColumns?.() ?? Number.POSITIVE_INFINITY);
  }

  private change(mutation: () => void): void {
    const anchor = this.follow.following ? undefined : this.captureAnchor();
    mutation();
    this.layout.refresh();
    this.list.setRowCount(this.layout.rowCount);
    if (this.follow.following) this.stickToBottom();
    else if (anchor) this.restoreAnchor(anchor);
    this.options.onChange();
    this.scheduleRender();
  }

  private stickToBottom(): void {
    this.list.scrollToBottom();
    this.followTop = this.list.scrollTop;
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
      const line = Math.min(anchor.line, this.layout.extraRows(anchor.seq));
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
    const ref = this.layout.rowAt(row);
    const content = this.rows.content(ref, row, { expanded: this.layout.isExpanded(ref.seq), selected: ref.seq === this.selectedSeq });
    return renderRow(this.options.viewport.ownerDocument, content, ref.seq);
  }

  /**
   * The browser's scroll event, and the list's own moves (the event comes a frame later). Only the user moving
   * up pauses follow: when the list gets shorter (a message shows above it) the view is left above the bottom
   * without anyone scrolling, and following goes back to the bottom.
   */
  private onScroll(): void {
    if (this.follow.following && !this.list.isAtBottom() && this.list.scrollTop >= this.followTop - 1) {
      this.stickToBottom();
      this.scheduleRender();
      return;
    }
    if (this.follow.onScrolled(this.list.isAtBottom())) this.options.onChange();
    if (this.follow.following) this.followTop = this.list.scrollTop;
    this.scheduleRender();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      // The list's own menu; VS Code, which also sees the webview's keys, has nothing to do with it.
      event.preventDefault();
      event.stopPropagation();
      this.openMenuForSelection();
      return;
    }
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
      this.setExpanded(selected, event.key === 'ArrowRight');
    }
  }

  private onClick(event: MouseEvent): void {
    const row = this.rowFromEvent(event);
    if (row === undefined) return;
    const { seq, line, visibleIndex } = this.layout.rowAt(row);
    this.options.viewport.focus();
    const target = event.target as Element;
    const link = target.closest('.link')?.getAttribute('data-link');
    if (link != null) {
      const linkTarget = this.rows.linkAt(seq, line, Number(link));
      if (linkTarget) this.options.onOpenLink?.(linkTarget);
    } else if (target.classList.contains('twistie')) {
      this.change(() => this.layout.setExpanded(seq, !this.layout.isExpanded(seq)));
    }
    this.select(visibleIndex);
  }

  private onDoubleClick(event: MouseEvent): void {
    if ((event.target as Element).closest('.link')) return;
    if (this.rowFromEvent(event) !== undefined) this.openSelected();
  }

  /** A right click selects the entry under the mouse and asks for its menu (VS Code's own menu is not shown). */
  private onContextMenuEvent(event: MouseEvent): void {
    if (!this.options.onContextMenu) return;
    const row = this.rowFromEvent(event);
    event.preventDefault();
    if (row === undefined) {
      this.openMenuForSelection();
      return;
    }
    const { seq, visibleIndex } = this.layout.rowAt(row);
    this.options.viewport.focus();
    this.select(visibleIndex);
    // A contextmenu event from the keyboard comes with no mouse position.
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    if (fromKeyboard) this.openMenuForSelection();
    else this.options.onContextMenu(this.model.store.at(seq), seq, { x: event.clientX, y: event.clientY });
  }

  private openMenuForSelection(): void {
    const seq = this.selectedSeq;
    if (seq === undefined || !this.model.store.has(seq) || !this.options.onContextMenu) return;
    const element = this.options.viewport.ownerDocument.getElementById(entryElementId(seq));
    const box = (element ?? this.options.viewport).getBoundingClientRect();
    this.options.onContextMenu(this.model.store.at(seq), seq, { x: box.left + 24, y: box.bottom });
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
    const extra = this.layout.extraRows(this.model.seqAt(visibleIndex));
    // A tall expanded entry shows from its first line.
    this.list.reveal(first, Math.min(first + extra, first + this.list.pageSize() - 1));
    // Moving the selection away from the bottom pauses follow; moving it to the end resumes it.
    this.onScroll();
  }
}
