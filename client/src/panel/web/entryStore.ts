// The entries the panel holds: a ring buffer capped at `ancm.logs.maxEntries`, so a log that never stops
// cannot take the webview's memory. New entries push the oldest out (and the panel says how many went);
// earlier history, paged in on request, goes in front only while there is room.
// Every entry has a sequence number that stays the same while it is held, so the view can refer to an
// entry (selection, expansion, scroll anchor) across appends and evictions.

import type { LogEntryMessage } from '../../../../server/src/protocol/logs';

const INITIAL_SLOTS = 1024;

export interface AppendResult {
  /** Entries pushed out at the front to make room. */
  readonly evicted: number;
}

export interface PrependResult {
  readonly added: number;
  /** Entries not taken because the store was full. */
  readonly refused: number;
}

export class EntryStore {
  private slots: (LogEntryMessage | undefined)[] = new Array(INITIAL_SLOTS);
  /** Slot of the oldest entry. */
  private head = 0;
  private size = 0;
  /** Sequence number of the oldest entry; earlier history takes lower (even negative) numbers. */
  private first = 0;
  private readonly countsBySource = new Map<string, number>();
  private readonly countsByPid = new Map<number, number>();
  private evictedSinceClear = 0;

  constructor(private maxEntries: number) {}

  get capacity(): number {
    return this.maxEntries;
  }

  get length(): number {
    return this.size;
  }

  get firstSeq(): number {
    return this.first;
  }

  /** One past the newest entry's sequence number. */
  get endSeq(): number {
    return this.first + this.size;
  }

  /** Entries pushed out since the last clear, for the panel's honest notice. */
  get evicted(): number {
    return this.evictedSinceClear;
  }

  has(seq: number): boolean {
    return seq >= this.first && seq < this.first + this.size;
  }

  /** The entry with that sequence number; the caller keeps `seq` within [firstSeq, endSeq). */
  at(seq: number): LogEntryMessage {
    return this.slots[(this.head + seq - this.first) % this.slots.length]!;
  }

  countOf(sourceId: string): number {
    return this.countsBySource.get(sourceId) ?? 0;
  }

  countOfPid(pid: number): number {
    return this.countsByPid.get(pid) ?? 0;
  }

  append(entries: readonly LogEntryMessage[]): AppendResult {
    let evicted = 0;
    // A batch larger than the store keeps only its newest entries.
    const skipped = Math.max(0, entries.length - this.maxEntries);
    for (let index = skipped; index < entries.length; index++) {
      if (this.size === this.maxEntries) {
        this.dropOldest();
        evicted++;
      }
      this.ensureRoom();
      const entry = entries[index];
      this.slots[(this.head + this.size) % this.slots.length] = entry;
      this.size++;
      this.count(entry, 1);
    }
    this.evictedSinceClear += evicted + skipped;
    return { evicted: evicted + skipped };
  }

  /** Puts entries (oldest first) in front of the oldest one held. */
  prepend(entries: readonly LogEntryMessage[]): PrependResult {
    const added = Math.min(entries.length, this.maxEntries - this.size);
    // The newest of them sit next to what is held; the oldest are the ones refused.
    for (let index = entries.length - 1; index >= entries.length - added; index--) {
      this.ensureRoom();
      this.head = (this.head - 1 + this.slots.length) % this.slots.length;
      this.slots[this.head] = entries[index];
      this.first--;
      this.size++;
      this.count(entries[index], 1);
    }
    return { added, refused: entries.length - added };
  }

  clear(): void {
    this.reset(this.endSeq);
    this.evictedSinceClear = 0;
  }

  /** Drops every entry of a source (its file was truncated or replaced). The others get new numbers. */
  removeSource(sourceId: string): void {
    if (this.countOf(sourceId) === 0) return;
    const kept: LogEntryMessage[] = [];
    for (let seq = this.first; seq < this.endSeq; seq++) {
      const entry = this.at(seq);
      if (entry.sourceId !== sourceId) kept.push(entry);
    }
    this.refill(kept, this.endSeq);
  }

  /** A new cap; when it is smaller than what is held, the oldest entries go. Returns how many went. */
  resize(maxEntries: number): number {
    const excess = Math.max(0, this.size - maxEntries);
    const kept: LogEntryMessage[] = [];
    for (let seq = this.first + excess; seq < this.endSeq; seq++) kept.push(this.at(seq));
    this.maxEntries = maxEntries;
    this.refill(kept, this.first + excess);
    this.evictedSinceClear += excess;
    return excess;
  }

  /** Starts over with these entries, the first one numbered `firstSeq`. */
  private refill(entries: readonly LogEntryMessage[], firstSeq: number): void {
    const evicted = this.evictedSinceClear;
    this.reset(firstSeq);
    this.append(entries);
    this.evictedSinceClear = evicted;
  }

  private reset(firstSeq: number): void {
    this.slots = new Array(INITIAL_SLOTS);
    this.head = 0;
    this.size = 0;
    this.first = firstSeq;
    this.countsBySource.clear();
    this.countsByPid.clear();
  }

  private dropOldest(): void {
    const entry = this.slots[this.head]!;
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.slots.length;
    this.first++;
    this.size--;
    this.count(entry, -1);
  }

  // Grows the slots by doubling, up to the cap, so a small log does not hold a cap-sized array.
  private ensureRoom(): void {
    if (this.size < this.slots.length) return;
    const grown: (LogEntryMessage | undefined)[] = new Array(Math.min(this.slots.length * 2, Math.max(this.maxEntries, INITIAL_SLOTS)));
    for (let index = 0; index < this.size; index++) grown[index] = this.slots[(this.head + index) % this.slots.length];
    this.slots = grown;
    this.head = 0;
  }

  private count(entry: LogEntryMessage, delta: number): void {
    add(this.countsBySource, entry.sourceId, delta);
    if (entry.pid !== undefined) add(this.countsByPid, entry.pid, delta);
  }
}

function add<K>(counts: Map<K, number>, key: K, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}
