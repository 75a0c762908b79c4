// Which entries the panel shows: the store's entries that pass the filter (source or process, ANCM level with
// its cumulative meaning, text or RE2 regular expression), kept as a sorted list of sequence numbers. New entries
// are tested once as they arrive; only a filter change goes over everything again.

import { type EntryPredicate, FilterSyntaxError, createEntryFilter } from '../../../../server/src/protocol/entryFilter';
import type { AncmLevel } from '../../../../server/src/protocol/levels';
import type { LogEntryMessage } from '../../../../server/src/protocol/logs';
import type { EntryStore } from './entryStore';

export interface ViewFilter {
  readonly level: AncmLevel;
  readonly text: string;
  /** Read `text` as an RE2 regular expression. */
  readonly regex: boolean;
  /** One source, or undefined for all of them. */
  readonly sourceId: string | undefined;
  /** One process (its stdout file and its debug-log lines), or undefined for all. */
  readonly pid?: number | undefined;
}

export const SHOW_EVERYTHING: ViewFilter = { level: 'TRACE', text: '', regex: false, sourceId: undefined, pid: undefined };

// Evicted entries leave the front of the visible list; it is compacted once that much has gone.
const COMPACT_AFTER = 4096;

export class LogViewModel {
  private visibleSeqs: number[] = [];
  /** visibleSeqs before this index were evicted from the store. */
  private start = 0;
  private currentFilter: ViewFilter = SHOW_EVERYTHING;
  private predicate: EntryPredicate = () => true;
  private syntaxError: string | undefined;

  constructor(readonly store: EntryStore) {}

  get filter(): ViewFilter {
    return this.currentFilter;
  }

  /** Why the text filter is not applied (an invalid regular expression); the level filter still is. */
  get filterError(): string | undefined {
    return this.syntaxError;
  }

  get visibleCount(): number {
    return this.visibleSeqs.length - this.start;
  }

  /** Entries of the selected source(s) or process that the level or text filter hides. */
  get hiddenCount(): number {
    const { sourceId, pid } = this.currentFilter;
    const candidates = pid !== undefined ? this.store.countOfPid(pid) : sourceId === undefined ? this.store.length : this.store.countOf(sourceId);
    return Math.max(0, candidates - this.visibleCount);
  }

  seqAt(visibleIndex: number): number {
    return this.visibleSeqs[this.start + visibleIndex];
  }

  /** The visible index of an entry, or -1 when the filter hides it or it is gone. */
  indexOfSeq(seq: number): number {
    let low = this.start;
    let high = this.visibleSeqs.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.visibleSeqs[middle];
      if (value === seq) return middle - this.start;
      if (value < seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The visible index of the first entry at or after `seq` (visibleCount when there is none). */
  indexAtOrAfter(seq: number): number {
    let low = this.start;
    let high = this.visibleSeqs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.visibleSeqs[middle] < seq) low = middle + 1;
      else high = middle;
    }
    return low - this.start;
  }

  setFilter(filter: ViewFilter): void {
    this.currentFilter = filter;
    try {
      this.predicate = createEntryFilter(filter);
      this.syntaxError = undefined;
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      this.predicate = createEntryFilter({ level: filter.level });
      this.syntaxError = error.message;
    }
    this.rebuild();
  }

  /** Returns how many of the new entries show, and how many old ones the store pushed out. */
  append(entries: readonly LogEntryMessage[]): { shown: number; evicted: number } {
    const endBefore = this.store.endSeq;
    const { evicted } = this.store.append(entries);
    // Entries of a batch larger than the store never got a number.
    const firstNew = Math.max(endBefore, this.store.firstSeq);
    let shown = 0;
    for (let seq = firstNew; seq < this.store.endSeq; seq++) {
      if (this.matches(this.store.at(seq))) {
        this.visibleSeqs.push(seq);
        shown++;
      }
    }
    if (evicted > 0) this.dropEvicted();
    return { shown, evicted };
  }

  /** Earlier history, oldest first, in front of everything held. */
  prepend(entries: readonly LogEntryMessage[]): { shown: number; refused: number } {
    const firstBefore = this.store.firstSeq;
    const { refused } = this.store.prepend(entries);
    const shownSeqs: number[] = [];
    for (let seq = this.store.firstSeq; seq < firstBefore; seq++) {
      if (this.matches(this.store.at(seq))) shownSeqs.push(seq);
    }
    if (shownSeqs.length > 0) {
      this.visibleSeqs = shownSeqs.concat(this.visibleSeqs.slice(this.start));
      this.start = 0;
    }
    return { shown: shownSeqs.length, refused };
  }

  clear(): void {
    this.store.clear();
    this.visibleSeqs = [];
    this.start = 0;
  }

  removeSource(sourceId: string): void {
    this.store.removeSource(sourceId);
    this.rebuild();
  }

  /** Applies a new `ancm.logs.maxEntries`; returns how many entries went. */
  resize(maxEntries: number): number {
    const evicted = this.store.resize(maxEntries);
    this.dropEvicted();
    return evicted;
  }

  private matches(entry: LogEntryMessage): boolean {
    const { sourceId, pid } = this.currentFilter;
    return (sourceId === undefined || entry.sourceId === sourceId) && (pid === undefined || entry.pid === pid) && this.predicate(entry);
  }

  private rebuild(): void {
    const seqs: number[] = [];
    for (let seq = this.store.firstSeq; seq < this.store.endSeq; seq++) {
      if (this.matches(this.store.at(seq))) seqs.push(seq);
    }
    this.visibleSeqs = seqs;
    this.start = 0;
  }

  private dropEvicted(): void {
    const first = this.store.firstSeq;
    while (this.start < this.visibleSeqs.length && this.visibleSeqs[this.start] < first) this.start++;
    if (this.start > COMPACT_AFTER && this.start * 2 > this.visibleSeqs.length) {
      this.visibleSeqs = this.visibleSeqs.slice(this.start);
      this.start = 0;
    }
  }
}
