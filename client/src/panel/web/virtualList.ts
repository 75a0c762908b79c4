// A scrolling list that puts only the rows in view (plus a few either side) into the DOM, so 100,000
// entries cost what 50 do. Rows have one fixed height: a spacer gives the scrollbar the full height and the
// rendered rows are moved to where the viewport looks.

export interface RowWindow {
  /** First row to render. */
  readonly first: number;
  /** One past the last row to render. */
  readonly end: number;
}

/** The rows a viewport shows at a scroll position, widened by `overscan` rows each side. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan: number): RowWindow {
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const bottom = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  return { first: Math.max(0, top - overscan), end: Math.min(rowCount, bottom + overscan) };
}

export class VirtualList {
  private readonly spacer: HTMLElement;
  private readonly rowsElement: HTMLElement;
  private count = 0;

  constructor(
    /** The scrolling element; its own height is the viewport. */
    readonly viewport: HTMLElement,
    readonly rowHeight: number,
    private readonly renderRow: (row: number) => HTMLElement,
    private readonly overscan = 8,
  ) {
    const document = viewport.ownerDocument;
    this.spacer = document.createElement('div');
    this.spacer.className = 'virtual-spacer';
    this.spacer.setAttribute('role', 'none');
    this.rowsElement = document.createElement('div');
    this.rowsElement.className = 'virtual-rows';
    this.rowsElement.setAttribute('role', 'none');
    this.spacer.append(this.rowsElement);
    viewport.append(this.spacer);
    viewport.style.setProperty('--row-height', `${rowHeight}px`);
  }

  get rowCount(): number {
    return this.count;
  }

  setRowCount(count: number): void {
    this.count = count;
    this.spacer.style.height = `${count * this.rowHeight}px`;
  }

  get viewportHeight(): number {
    return this.viewport.clientHeight;
  }

  get maxScrollTop(): number {
    return Math.max(0, this.count * this.rowHeight - this.viewportHeight);
  }

  get scrollTop(): number {
    return this.viewport.scrollTop;
  }

  set scrollTop(value: number) {
    this.viewport.scrollTop = Math.min(this.maxScrollTop, Math.max(0, value));
  }

  /** Within half a row of the end: sub-pixel zoom levels never land exactly on it. */
  isAtBottom(): boolean {
    return this.scrollTop >= this.maxScrollTop - this.rowHeight / 2;
  }

  scrollToBottom(): void {
    this.scrollTop = this.maxScrollTop;
  }

  /** The row at the top edge of the viewport. */
  topRow(): number {
    return Math.floor(this.scrollTop / this.rowHeight);
  }

  /** Rows that fit in the viewport, at least one. */
  pageSize(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight));
  }

  /** Scrolls as little as needed to show rows [first, last]. */
  reveal(first: number, last = first): void {
    const top = first * this.rowHeight;
    const bottom = (last + 1) * this.rowHeight;
    if (top < this.scrollTop) this.scrollTop = top;
    else if (bottom > this.scrollTop + this.viewportHeight) this.scrollTop = Math.min(top, bottom - this.viewportHeight);
  }

  /** Puts the rows in view into the DOM; returns the window rendered. */
  render(): RowWindow {
    const window = visibleWindow(this.scrollTop, this.viewportHeight, this.rowHeight, this.count, this.overscan);
    const rows: HTMLElement[] = [];
    for (let row = window.first; row < window.end; row++) rows.push(this.renderRow(row));
    this.rowsElement.style.transform = `translateY(${window.first * this.rowHeight}px)`;
    this.rowsElement.replaceChildren(...rows);
    return window;
  }
}
