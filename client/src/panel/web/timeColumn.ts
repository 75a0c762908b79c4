// The time column: an entry's time in the viewer's local time zone (logs write UTC, or local time without a
// zone, which stays as written), to the millisecond. The date shows on the first entry of each day, so
// a day boundary stands out and the other rows stay short to read.

/** The entry's time, or undefined when it has none (most stdout formats write none) or it does not parse. */
export function entryTime(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The local calendar day, as a number that is equal for two times on the same day. */
export function localDay(date: Date): number {
  return date.getFullYear() * 10_000 + (date.getMonth() + 1) * 100 + date.getDate();
}

/** `2024-01-02 13:04:05.120` with the date, `13:04:05.120` without, local time. */
export function formatLocalTime(date: Date, withDate: boolean): string {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  return withDate ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}` : time;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
