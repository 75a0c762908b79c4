// Memory of another process as the OS sees it. The server's own heap counters would need its
// cooperation; /proc needs none, and RSS is what the user's machine pays.

import { readFileSync } from 'node:fs';

/** VmRSS is the resident set now; VmHWM is its peak over the process's life. */
export type MemoryField = 'VmRSS' | 'VmHWM';

/** Megabytes (MiB) from /proc/<pid>/status, or undefined where there is no /proc (macOS, Windows). */
export function processMemoryMb(pid: number, field: MemoryField): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}
