// A FIFO named as a log: opening it for reading would wait for a writer that never comes, in libuv's thread
// pool, and stall every other log session. Each reader must refuse it at once and say so. No writer ever opens
// the FIFOs here, so a reader that opens one without care hangs, and the hang guard fails the test.

import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { searchLogHistory } from '../../server/src/logs/historySearch';
import { readLogSample } from '../../server/src/logs/logSample';
import { NotRegularFileError, openRegularFile } from '../../server/src/files/openFile';
import { type FollowedSource, SiteLogFollower } from '../../server/src/logs/siteLogFollower';
import { TailReader } from '../../server/src/logs/tailReader';
import type { LogEntry } from '../../server/src/logs/types';
import { makeFifo } from '../fifo';

/** Only a guard against a hang: every step here ends at once when the code is right. */
const HANG_GUARD_MS = 10_000;

const folder = mkdtempSync(path.join(tmpdir(), 'ancm-fifo-'));
const fifo = path.join(folder, 'aspnetcore-debug.log');
const skip = makeFifo(fifo) ? false : 'mkfifo is not available here';

function withinGuard<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung`)), HANG_GUARD_MS)));
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

function waitFor(check: () => boolean, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const met = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      if (check()) resolve();
    }, 5);
  });
  return withinGuard(met, `waiting for ${what}`).finally(() => clearInterval(timer));
}

after(() => rmSync(folder, { recursive: true, force: true }));

describe('a FIFO as a log source', { skip }, () => {

  it('openRegularFile refuses a FIFO before opening it, and accepts a symlink to a regular file', async () => {
    await assert.rejects(withinGuard(openRegularFile(fifo), 'opening the FIFO'), (error: unknown) => error instanceof NotRegularFileError && error.message === `not a regular file: ${fifo}`);
    const target = path.join(folder, 'target.log');
    writeFileSync(target, 'line\n');
    const link = path.join(folder, 'link.log');
    symlinkSync(target, link);
    const handle = await openRegularFile(link);
    try {
      assert.equal((await handle.readFile('utf8')), 'line\n');
    } finally {
      await handle.close();
    }
  });

  it('a TailReader reports it once through its error channel, and goes on polling without hanging', async () => {
    const reader = new TailReader(fifo, { pollIntervalMs: 10, watch: false });
    const errors: Error[] = [];
    const lines: string[] = [];
    reader.onError((error) => errors.push(error));
    reader.onLines((batch) => lines.push(...batch.map((line) => line.text)));
    try {
      await withinGuard(reader.start(), 'start');
      for (let poll = 0; poll < 3; poll++) await withinGuard(reader.poll(), 'a poll');
      assert.deepEqual(
        errors.map((error) => error.message),
        [`not a regular file: ${fifo}`],
      );
      assert.deepEqual(lines, []);
      assert.deepEqual(await withinGuard(reader.readEarlier(1024), 'readEarlier'), []);
    } finally {
      await withinGuard(reader.stop(), 'stopping the reader');
    }
  });

  it('the one-shot readers refuse it: the history search and the sample that tells its kind', async () => {
    const search = async () => {
      for await (const batch of searchLogHistory(fifo, { kind: 'debug', text: 'x' })) void batch;
    };
    await assert.rejects(withinGuard(search(), 'the history search'), NotRegularFileError);
    assert.equal(await withinGuard(readLogSample(fifo), 'readLogSample'), undefined);
  });

  it('a SiteLogFollower with a FIFO and a regular log reports the FIFO and keeps following the regular log', async () => {
    const regular = path.join(folder, 'stdout_20240101120000_1234.log');
    writeFileSync(regular, 'Hosting environment: Production\n');
    const follower = new SiteLogFollower(undefined, { extraFiles: [fifo, regular], pollIntervalMs: 10, idleFlushMs: 10, watch: false });
    const received: { source: FollowedSource; entry: LogEntry }[] = [];
    const errors: Error[] = [];
    follower.onEntries((source, entries) => received.push(...entries.map((entry) => ({ source, entry }))));
    follower.onError((error) => errors.push(error));
    try {
      await withinGuard(follower.start(), 'the follower start');
      await waitFor(() => received.some(({ entry }) => entry.text === 'Hosting environment: Production'), 'the regular log');
      appendFileSync(regular, 'Content root path: C:\\site\n');
      await waitFor(() => received.some(({ entry }) => entry.text === 'Content root path: C:\\site'), 'a line appended to the regular log');
      assert.deepEqual(
        errors.map((error) => error.message),
        [`not a regular file: ${fifo}`],
      );
      assert.ok(received.every(({ source }) => source.file === regular));
    } finally {
      await withinGuard(follower.stop(), 'stopping the follower');
    }
  });
});
