// Interleaves the entries of several logs by time, for a view that shows them together. Each log keeps
// its own order. An entry without a time of its own (most stdout formats carry none) sorts at the time
// of the entry before it in its log, or at the log's start time (a stdout file's name holds its worker
// process's start), so it stays next to what it followed.

export interface TimedLog<T extends { readonly time?: string | undefined }> {
  /** ISO time before the first entry (a stdout file's start time), when known. */
  readonly startTime: string | undefined;
  readonly entries: readonly T[];
}

export function mergeByTime<T extends { readonly time?: string | undefined }>(logs: readonly TimedLog<T>[]): T[] {
  const keyed = logs.map((log) => {
    let current = log.startTime ? Date.parse(log.startTime) : Number.NEGATIVE_INFINITY;
    return log.entries.map((entry) => {
      const own = entry.time ? Date.parse(entry.time) : Number.NaN;
      if (!Number.isNaN(own)) current = own;
      return { entry, at: current };
    });
  });
  const merged: T[] = [];
  const next = keyed.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let log = 0; log < keyed.length; log++) {
      const candidate = keyed[log][next[log]];
      // Strictly earlier wins, so on equal times the earlier log in the list goes first.
      if (candidate && (pick < 0 || candidate.at < keyed[pick][next[pick]].at)) pick = log;
    }
    if (pick < 0) return merged;
    merged.push(keyed[pick][next[pick]++].entry);
  }
}
