// A large ANCM debug log for the log benchmarks: mostly request tracing, some errors and warnings, and a rare marker
// text in an Event Log echo every seventh block.

import { closeSync, openSync, writeSync } from 'node:fs';

export const RARE_TEXT = 'request 7f3a9c1e';

function debugLogBlock(blockIndex: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const time = `2024-11-23T03:${String(40 + (i % 20)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
    const prefix = `[${time}, PID: 16208]`;
    if (i % 500 === 7) lines.push(`${prefix} [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\InProcessRequestHandler\\dllmain.cpp:131 `);
    else if (i % 250 === 3) lines.push(`${prefix} [aspnetcorev2_inprocess.dll] Thread reading stdout/err hit timeout, forcibly closing thread.`);
    else if (i % 3 === 0) lines.push(`${prefix} [aspnetcorev2_outofprocess.dll] FORWARDING_HANDLER::FORWARDING_HANDLER`);
    else if (i % 3 === 1) lines.push(`${prefix} [aspnetcorev2_outofprocess.dll] Adding request. Total Request Count ${i}`);
    else lines.push(`${prefix} [aspnetcorev2_outofprocess.dll] Removing Request ${i}`);
    if (blockIndex % 7 === 3 && i === 1234) lines.push(`${prefix} [aspnetcorev2_inprocess.dll] Event Log: 'Application failed ${RARE_TEXT} with an error.' \r\nEnd Event Log Message.`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** Writes at least `bytes` of log to `file`. */
export function writeDebugLog(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  try {
    for (let written = 0, block = 0; written < bytes; block++) written += writeSync(fd, debugLogBlock(block));
  } finally {
    closeSync(fd);
  }
}
