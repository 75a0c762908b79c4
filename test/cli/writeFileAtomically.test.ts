import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type AtomicWriteFileSystem, type TemporaryFileHandle, temporaryNameFor, writeFileAtomically } from '../../server/src/cli/writeFileAtomically';

const ORIGINAL = '<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <system.webServer />\r\n</configuration>\r\n';
const REPLACEMENT = Buffer.from('<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <!-- fixed -->\r\n</configuration>\r\n');

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, with one step made to fail; a failing write first puts half the bytes on disk, as a full disk does. */
function failingAt(step: 'write' | 'sync' | 'chmod' | 'rename'): AtomicWriteFileSystem {
  return {
    stat: (target) => fs.stat(target),
    access: (target, mode) => fs.access(target, mode),
    rename: (from, to) => (step === 'rename' ? Promise.reject(failure('EXDEV')) : fs.rename(from, to)),
    unlink: (file) => fs.unlink(file),
    async open(file, flags, mode) {
      const handle = await fs.open(file, flags, mode);
      const wrapped: TemporaryFileHandle = {
        async writeFile(bytes) {
          if (step !== 'write') return handle.writeFile(bytes);
          await handle.write(bytes.subarray(0, bytes.length >> 1));
          throw failure('ENOSPC');
        },
        chown: (uid, gid) => handle.chown(uid, gid),
        chmod: (mode) => (step === 'chmod' ? Promise.reject(failure('EPERM')) : handle.chmod(mode)),
        sync: () => (step === 'sync' ? Promise.reject(failure('EIO')) : handle.sync()),
        close: () => handle.close(),
      };
      return wrapped;
    },
  };
}

describe('writeFileAtomically', () => {
  let folder: string;
  let target: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ancm-atomic-'));
    target = path.join(folder, 'web.config');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const [step, code] of [['write', 'ENOSPC'], ['sync', 'EIO'], ['chmod', 'EPERM'], ['rename', 'EXDEV']] as const) {
    it(`leaves the original byte-for-byte and no temporary file when the ${step} step fails (${code})`, async () => {
      writeFileSync(target, ORIGINAL);
      await assert.rejects(writeFileAtomically(target, REPLACEMENT, failingAt(step)), { code });
      assert.equal(readFileSync(target, 'utf8'), ORIGINAL);
      assert.deepEqual(readdirSync(folder), ['web.config']);
    });
  }

  it('replaces the file with a new one that has the old mode (0o640 stays 0o640), and as root the old owner', async () => {
    writeFileSync(target, ORIGINAL);
    chmodSync(target, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(target, 4321, 4322);
    const old = statSync(target);
    await writeFileAtomically(target, REPLACEMENT);
    const now = statSync(target);
    assert.deepEqual(readFileSync(target), REPLACEMENT);
    assert.notEqual(now.ino, old.ino, 'a new file renamed over the old one, not the old one rewritten');
    assert.equal(now.mode & 0o7777, 0o640);
    if (asRoot) assert.deepEqual([now.uid, now.gid], [4321, 4322]);
    assert.deepEqual(readdirSync(folder), ['web.config']);
  });

  it('names the temporary file beside the original, hidden from the web.config search and short whatever the original name', () => {
    const long = path.join(folder, `web.${'x'.repeat(240)}.config`);
    const temporary = temporaryNameFor(long);
    assert.equal(path.dirname(temporary), folder);
    assert.match(path.basename(temporary), /^\.web\.x+\.[0-9a-f]{12}\.ancm-tmp$/);
    assert.ok(Buffer.byteLength(path.basename(temporary)) < 100);
    assert.notEqual(temporaryNameFor(target), temporaryNameFor(target));
  });
});
