// The source and origin columns. The source says which log and which process: `stdout 4752` (the worker
// process of that stdout file), `debug 4752` (the process that wrote the debug-log line), `events`. It is made
// from the kind and the process id, never from a file name or an internal id. The origin column shows who
// wrote the entry, shortened to fit: `aspnetcorev2` for the shim, `inprocess` for aspnetcorev2_inprocess.dll (the
// in-process handler), the last part of a logger category. The expanded entry's details row has it in full.

import type { LogEntryMessage, LogSourceInfo } from '../../../../server/src/protocol/logs';

export function sourceLabel(source: LogSourceInfo | undefined, entry: LogEntryMessage): string {
  const kind = source?.kind ?? kindFromId(entry.sourceId);
  if (kind === 'events') return 'events';
  const pid = entry.pid ?? source?.pid;
  return pid !== undefined ? `${kind} ${pid}` : kind;
}

export function shortOrigin(origin: string | undefined): string {
  if (origin === undefined) return '';
  if (/\.dll$/i.test(origin)) return origin.slice(0, -'.dll'.length).replace(/^aspnetcorev2_(?=.)/i, '');
  // `Microsoft.AspNetCore.Hosting.Diagnostics` → `Diagnostics`; a generic type's arguments stay with it.
  const name = origin.split('[')[0];
  const lastDot = name.lastIndexOf('.');
  return lastDot >= 0 && lastDot < name.length - 1 ? origin.slice(lastDot + 1) : origin;
}

/** The kind of a source the panel has not been told about (yet), from the form of its id. */
function kindFromId(sourceId: string): 'stdout' | 'debug' | 'log' {
  if (sourceId === 'debug') return 'debug';
  if (sourceId.startsWith('stdout:') || sourceId.startsWith('older:')) return 'stdout';
  return 'log';
}
