import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lineAtByteOffset } from '../../../client/src/panel/lineAtByteOffset';

describe('line at byte offset', () => {
  let folder: string;
  let file: string;
  // Multi-byte characters before the entries: a character offset would be wrong, a byte count is not.
  const text = 'héllo wörld ✓\r\nsecond\nthird line\n';

  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'ancm-line-'));
    file = path.join(folder, 'stdout_20240102030405_1234.log');
    await writeFile(file, text, 'utf8');
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('counts the lines before the byte offset', async () => {
    const second = Buffer.byteLength('héllo wörld ✓\r\n');
    const third = second + Buffer.byteLength('second\n');
    assert.equal(await lineAtByteOffset(file, 0), 0);
    assert.equal(await lineAtByteOffset(file, second), 1);
    assert.equal(await lineAtByteOffset(file, third), 2);
    assert.equal(await lineAtByteOffset(file, third + 3), 2);
  });

  it('stops at the end of a file that got shorter', async () => {
    assert.equal(await lineAtByteOffset(file, 1_000_000), 3);
  });

  // No writer ever opens the FIFO: reading it would wait forever (the test's timeout is only a hang guard).
  it('refuses a FIFO put in the log\'s place instead of waiting for a writer', { timeout: 10_000 }, async (test) => {
    const fifo = path.join(folder, 'stdout_20240102030405_5678.log');
    try {
      execFileSync('mkfifo', [fifo], { stdio: 'ignore' });
    } catch {
      return test.skip('mkfifo is not available here');
    }
    await assert.rejects(lineAtByteOffset(fifo, 10), { message: `not a regular file: ${fifo}` });
  });
});
