import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAppOfflineExclusively, inspectAppOffline, planTakeOffline } from '../../client/src/commands/appOfflineFile';

const PAGE = '<html><body>Down for maintenance</body></html>\n';

describe('Take App Offline on disk', () => {
  let root: string;
  let count = 0;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ancm-offline-'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh site folder for each case. */
  function site(): string {
    const folder = path.join(root, `site${++count}`);
    mkdirSync(folder);
    return folder;
  }

  it('asks before taking a site with no app_offline.htm offline', async () => {
    const folder = site();
    const plan = planTakeOffline(await inspectAppOffline(folder), 'Contoso');
    assert.deepEqual(plan, {
      kind: 'confirm',
      question: 'Take Contoso offline?',
      detail: 'IIS answers every request with this page (503) until app_offline.htm is removed.',
    });
  });

  it('says the site is already offline when the file exists, in any letter case, and writes nothing', async () => {
    const folder = site();
    const existing = path.join(folder, 'App_Offline.htm');
    writeFileSync(existing, 'Back soon');
    const state = await inspectAppOffline(folder);
    assert.deepEqual(state, { kind: 'file', path: existing });
    assert.deepEqual(planTakeOffline(state, 'Contoso'), { kind: 'stop', severity: 'info', message: `The site is already offline: App_Offline.htm is in ${folder}.` });
  });

  it('refuses a symlinked app_offline.htm, even one pointing nowhere', async (test) => {
    const folder = site();
    const target = path.join(root, `outside${count}.txt`);
    writeFileSync(target, 'not the site');
    try {
      symlinkSync(target, path.join(folder, 'app_offline.htm'));
    } catch {
      return test.skip('symbolic links need privileges here');
    }
    const state = await inspectAppOffline(folder);
    assert.equal(state.kind, 'symlink');
    const plan = planTakeOffline(state, 'Contoso');
    assert.equal(plan.kind, 'stop');
    assert.match(plan.kind === 'stop' ? plan.message : '', /is a symbolic link: ANCM Tools does not write through it/);

    const dangling = site();
    symlinkSync(path.join(root, `nowhere${count}.txt`), path.join(dangling, 'app_offline.htm'));
    assert.equal((await inspectAppOffline(dangling)).kind, 'symlink');
  });

  it('refuses a folder named app_offline.htm', async () => {
    const folder = site();
    mkdirSync(path.join(folder, 'app_offline.htm'));
    assert.equal(planTakeOffline(await inspectAppOffline(folder), 'Contoso').kind, 'stop');
  });

  it('creates the page when nothing is there', async () => {
    const folder = site();
    assert.equal(await createAppOfflineExclusively(folder, PAGE), 'written');
    assert.equal(readFileSync(path.join(folder, 'app_offline.htm'), 'utf8'), PAGE);
  });

  it('never replaces a file that appeared after the folder was looked at', async () => {
    const folder = site();
    assert.equal((await inspectAppOffline(folder)).kind, 'absent');
    writeFileSync(path.join(folder, 'app_offline.htm'), 'Back soon');
    assert.equal(await createAppOfflineExclusively(folder, PAGE), 'exists');
    assert.equal(readFileSync(path.join(folder, 'app_offline.htm'), 'utf8'), 'Back soon');
  });

  it('never writes through a symlink that appeared after the folder was looked at, nor creates its target', async (test) => {
    const folder = site();
    const target = path.join(root, `target${count}.txt`);
    writeFileSync(target, 'not the site');
    const missingTarget = path.join(root, `missing${count}.txt`);
    try {
      symlinkSync(target, path.join(folder, 'app_offline.htm'));
    } catch {
      return test.skip('symbolic links need privileges here');
    }
    assert.equal(await createAppOfflineExclusively(folder, PAGE), 'exists');
    assert.equal(readFileSync(target, 'utf8'), 'not the site');

    const dangling = site();
    symlinkSync(missingTarget, path.join(dangling, 'app_offline.htm'));
    assert.equal(await createAppOfflineExclusively(dangling, PAGE), 'exists');
    assert.ok(!existsSync(missingTarget));
  });
});
