// How `ancm check --fix` writes: whole files or nothing, one failure does not stop the run, and no write
// through a symlink out of the checked folders unless asked.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, statSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { ANCM_BIN, runInProcess } from './cliKit';

const BROKEN = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="InProc" stdoutLogEnabled="yes" stdoutLogFile=".\\logs\\stdout" />');
const isFixed = (text: string) => text.includes('hostingModel="InProcess"') && text.includes('stdoutLogEnabled="true"');

const folders: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ancm-fix-'));
  folders.push(folder);
  return folder;
}

describe('ancm check --fix writes', () => {
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('replaces a fixed file whole, keeping its mode (0o640) and, as root, its owner', async () => {
    const folder = freshFolder();
    const file = path.join(folder, 'web.config');
    writeFileSync(file, BROKEN);
    chmodSync(file, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(file, 4321, 4322);
    const old = statSync(file);
    await runInProcess(['check', '--fix'], folder);
    const now = statSync(file);
    assert.ok(isFixed(readFileSync(file, 'utf8')));
    assert.notEqual(now.ino, old.ino, 'a new file renamed into place: a reader never sees it half written');
    assert.equal(now.mode & 0o7777, 0o640);
    if (asRoot) assert.deepEqual([now.uid, now.gid], [4321, 4322]);
  });

  it('on a full disk leaves the file it cannot write intact, fixes the others, reports it and exits 2', { skip: process.platform === 'win32' && 'needs ulimit' }, () => {
    const folder = freshFolder();
    // The file-size limit makes any write past 32 KB fail with EFBIG, as a full disk fails with ENOSPC, and it binds root too.
    const large = BROKEN.replace('</configuration>', `<!-- ${'padding '.repeat(30_000)}-->\n</configuration>`);
    writeFileSync(path.join(folder, 'web.A.config'), BROKEN);
    writeFileSync(path.join(folder, 'web.B.config'), large);
    writeFileSync(path.join(folder, 'web.C.config'), BROKEN);
    const run = spawnSync('/bin/sh', ['-c', 'ulimit -f 64 && exec "$0" "$@"', process.execPath, ANCM_BIN, 'check', '--fix'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
    });
    assert.equal(readFileSync(path.join(folder, 'web.B.config'), 'utf8'), large, 'the original byte-for-byte');
    assert.ok(isFixed(readFileSync(path.join(folder, 'web.A.config'), 'utf8')));
    assert.ok(isFixed(readFileSync(path.join(folder, 'web.C.config'), 'utf8')), 'the run went on after the failure');
    assert.match(run.stderr, new RegExp(`^ancm: ${path.join(folder, 'web.B.config').replace(/[.\\]/g, '\\$&')}: cannot write the fix \\(EFBIG\\); left unchanged$`, 'm'));
    assert.match(run.stdout, /web\.B\.config:\d+:\d+ error invalid-hosting-model /, 'its findings are those of the file as it still is');
    assert.equal(run.status, 2);
    assert.deepEqual(readdirSync(folder).sort(), ['web.A.config', 'web.B.config', 'web.C.config'], 'no temporary file left behind');
  });

  it('leaves a file its owner made read-only (0o444) unchanged and reports EACCES', { skip: process.platform === 'win32' && 'POSIX modes' }, () => {
    const folder = freshFolder();
    const file = path.join(folder, 'web.config');
    writeFileSync(file, BROKEN);
    chmodSync(file, 0o444);
    // Root ignores modes: run as an ordinary user who owns the folder, as a developer or CI agent would.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const owned of [folder, file]) chownSync(owned, 65534, 65534);
    const run = spawnSync(process.execPath, [ANCM_BIN, 'check', '--fix'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
      ...(asRoot && { uid: 65534, gid: 65534 }),
    });
    assert.equal(readFileSync(file, 'utf8'), BROKEN);
    assert.match(run.stderr, /^ancm: .*web\.config: cannot write the fix \(EACCES\); left unchanged$/m);
    assert.equal(run.status, 2);
    assert.equal(lstatSync(file).mode & 0o777, 0o444);
  });

  describe('through symlinks', () => {
    /** tree/web.config links inside (to tree/shared/common.xml); tree/web.Outside.config and tree/linked/ lead out of it. */
    function linkedSite() {
      const root = freshFolder();
      const tree = path.join(root, 'tree');
      const outside = path.join(root, 'outside');
      mkdirSync(path.join(tree, 'shared'), { recursive: true });
      mkdirSync(outside);
      writeFileSync(path.join(tree, 'shared', 'common.xml'), BROKEN);
      writeFileSync(path.join(outside, 'web.config'), BROKEN);
      writeFileSync(path.join(outside, 'web.Other.config'), BROKEN);
      symlinkSync(path.join('shared', 'common.xml'), path.join(tree, 'web.config'));
      symlinkSync(path.join('..', 'outside', 'web.config'), path.join(tree, 'web.Outside.config'));
      symlinkSync(path.join('..', 'outside'), path.join(tree, 'linked'));
      return { root, tree, outside };
    }

    it('leaves a file out of the checked folder alone and says so, and writes through a link inside it (the link stays a link)', async () => {
      const { tree, outside } = linkedSite();
      const run = await runInProcess(['check', '--fix'], tree);
      assert.equal(readFileSync(path.join(outside, 'web.config'), 'utf8'), BROKEN);
      assert.equal(readFileSync(path.join(outside, 'web.Other.config'), 'utf8'), BROKEN, 'nor through a linked folder');
      const skipped = run.stdout.filter((line) => line.includes('not fixed: reached through a symlink to'));
      assert.deepEqual(skipped.map((line) => line.split(':')[0]).sort(), ['linked/web.Other.config', 'linked/web.config', 'web.Outside.config']);
      assert.ok(isFixed(readFileSync(path.join(tree, 'shared', 'common.xml'), 'utf8')), 'the link inside is followed');
      assert.ok(lstatSync(path.join(tree, 'web.config')).isSymbolicLink());
      assert.equal(run.code, 1, 'the files left alone still have their errors; skipping them is not an I/O error');
      const named = await runInProcess(['check', '--fix', 'web.Outside.config'], tree);
      assert.match(named.stdout.join('\n'), /web\.Outside\.config: not fixed: reached through a symlink to .*outside[/\\]web\.config/);
      assert.equal(readFileSync(path.join(outside, 'web.config'), 'utf8'), BROKEN, 'naming the link does not make its target part of the checked folder');
    });

    it('--fix-follow-symlinks writes through links out of the checked folder, keeping them links; it goes with --fix', async () => {
      const { tree, outside } = linkedSite();
      const run = await runInProcess(['check', '--fix', '--fix-follow-symlinks'], tree);
      assert.equal(run.stdout.some((line) => line.includes('not fixed')), false, run.stdout.join('\n'));
      for (const name of ['web.config', 'web.Other.config']) assert.ok(isFixed(readFileSync(path.join(outside, name), 'utf8')), name);
      assert.ok(lstatSync(path.join(tree, 'web.Outside.config')).isSymbolicLink());
      assert.ok(lstatSync(path.join(tree, 'linked')).isSymbolicLink());
      const alone = await runInProcess(['check', '--fix-follow-symlinks'], tree);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr.join('\n'), /--fix-follow-symlinks goes with --fix/);
    });
  });
});
