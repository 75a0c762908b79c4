// Times as entries carry them: ISO 8601 with milliseconds, `Z` when the log says UTC, no zone when it writes local time.

const ISO_TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:[.,](\d+))?(Z|[+-]\d\d:?\d\d)?$/;
// Event Viewer's and WAS's English text: `4/5/2019 2:16:33 PM` (local time).
const US_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d)(?: ?([AP]M))?$/i;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `2019-01-28T23:37:13.8286648Z` -> `2019-01-28T23:37:13.828Z`; undefined when the text is not such a time. */
export function isoTime(text: string): string | undefined {
  const match = ISO_TIME.exec(text);
  if (!match) return undefined;
  const [, date, time, fraction, zone] = match;
  const millis = fraction === undefined ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`;
  return `${date}T${time}${millis}${zone ?? ''}`;
}

/** `3/4/2020 2:31:54 AM` -> `2020-03-04T02:31:54` (month first, as the English Event Viewer writes it). */
export function usDateTime(text: string): string | undefined {
  const match = US_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, month, day, year, hour, minute, second, half] = match;
  let hours = +hour;
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (+month < 1 || +month > 12 || +day < 1 || +day > 31 || hours > 23) return undefined;
  return `${year}-${pad(+month)}-${pad(+day)}T${pad(hours)}:${minute}:${second}`;
}
