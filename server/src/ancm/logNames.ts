// How ANCM names stdout log files (V2: CommonLib/RedirectionOutput.cpp, OutOfProcessRequestHandler/serverprocess.cpp;
// V1: aspnet/IISIntegration src/AspNetCoreModuleV1/AspNetCore/src/serverprocess.cxx):
// - V2 (both hosting models): `<stdoutLogFile>_<yyyyMMddHHmmss>_<pid>.log`, UTC, zero-padded;
// - V1 (aspnetcore.dll): `<stdoutLogFile>_<pid>_<yyyy><M><d><H><m><s>.log`, UTC, NOT padded, so the
//   time is ambiguous unless only one reading of the digits is a valid date.
// The pid is the IIS worker process's (w3wp / iisexpress).

export interface StdoutLogName {
  /** The file-name prefix: the last segment of stdoutLogFile (`stdout`). */
  readonly prefix: string;
  readonly pid: number;
  /** The embedded UTC start time; undefined when a V1 name cannot be read unambiguously. */
  readonly startTime: Date | undefined;
  readonly moduleVersion: 1 | 2;
}

const V2_NAME = /^(.*)_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_(\d+)\.log$/i;
const V1_NAME = /^(.*)_(\d+)_(\d{9,14})\.log$/i;

export function parseStdoutLogName(fileName: string): StdoutLogName | undefined {
  const v2 = V2_NAME.exec(fileName);
  if (v2) {
    const [, prefix, year, month, day, hour, minute, second, pid] = v2;
    const startTime = utcDate(+year, +month, +day, +hour, +minute, +second);
    if (startTime) return { prefix, pid: +pid, startTime, moduleVersion: 2 };
  }
  const v1 = V1_NAME.exec(fileName);
  if (v1) {
    const [, prefix, pid, digits] = v1;
    return { prefix, pid: +pid, startTime: readUnpaddedTime(digits), moduleVersion: 1 };
  }
  return undefined;
}

/** The file name ANCM V2 gives a worker process's stdout log. */
export function formatStdoutLogName(prefix: string, startTime: Date, pid: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${startTime.getUTCFullYear()}${pad(startTime.getUTCMonth() + 1)}${pad(startTime.getUTCDate())}${pad(startTime.getUTCHours())}${pad(startTime.getUTCMinutes())}${pad(startTime.getUTCSeconds())}`;
  return `${prefix}_${stamp}_${pid}.log`;
}

function utcDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCDate() === day ? date : undefined;
}

/** V1's `%d%d%d%d%d%d` after a 4-digit year: the one split into valid fields, or undefined if none or several. */
function readUnpaddedTime(digits: string): Date | undefined {
  const year = +digits.slice(0, 4);
  const found: Date[] = [];
  const split = (rest: string, fields: number[]): void => {
    if (fields.length === 5) {
      if (rest.length === 0) {
        const date = utcDate(year, fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (date && !found.some((other) => other.getTime() === date.getTime())) found.push(date);
      }
      return;
    }
    for (const width of [1, 2]) {
      const part = rest.slice(0, width);
      // %d never writes a leading zero, so a two-digit field cannot start with 0.
      if (part.length === width && !(width === 2 && part[0] === '0')) split(rest.slice(width), [...fields, +part]);
    }
  };
  split(digits.slice(4), []);
  return found.length === 1 ? found[0] : undefined;
}
