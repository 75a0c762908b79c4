// A FIFO for the tests that check a log source never blocks on one.

import { execFileSync } from 'node:child_process';

/** Makes a FIFO at `file`; false where there is no mkfifo (Windows). */
export function makeFifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
