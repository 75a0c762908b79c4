// What `ancm logs` says on stderr when there is nothing (yet) to print, and how it treats log files that
// do not exist yet.

import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { runInProcess, spawnBinary, watchOutput } from './cliKit';

const BOTH_LOGS = publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout">
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`);
const NO_LOGS = publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" />');
const DEBUG_LINE = '[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at dllmain.cpp:131\r\n';

const sites: string[] = [];
function makeSite(webConfig: string, files: Record<string, string> = {}, folders: string[] = []): string {
  const site = mkdtempSync(path.join(tmpdir(), 'ancm-status-'));
  sites.push(site);
  writeFileSync(path.join(site, 'web.config'), webConfig);
  for (const folder of folders) mkdirSync(path.join(site, folder), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(site, name), content);
  return site;
}
const never = () => new Promise<void>(() => undefined);

describe('ancm logs: what it waits for, and sites without logs', () => {
  after(() => {
    for (const site of sites) rmSync(site, { recursive: true, force: true });
  });

  it('--follow says on stderr which files it waits for, and why', async () => {
    const site = makeSite(BOTH_LOGS, {}, ['logs']);
    const run = await runInProcess(['logs', site, '--follow'], site);
    assert.equal(run.code, 0);
    assert.deepEqual(run.stdout.filter(Boolean), []);
    assert.deepEqual(run.stderr, [
      `ancm: waiting for ${path.join(site, 'aspnetcore-debug.log')} (not there yet; ANCM creates it, and its folder, when the app starts)`,
      `ancm: waiting for ${path.join(site, 'logs', 'stdout_*.log')} (the folder exists, no worker has started yet)`,
      'ancm: nothing to follow yet; Ctrl+C to stop',
    ]);
  });

  it('--follow tells a missing stdout folder from an empty one, and counts the files it follows', async () => {
    const noFolder = makeSite(BOTH_LOGS, { 'aspnetcore-debug.log': DEBUG_LINE });
    const waiting = await runInProcess(['logs', noFolder, '--follow'], noFolder);
    assert.deepEqual(waiting.stderr, [
      `ancm: waiting for ${path.join(noFolder, 'logs', 'stdout_*.log')} (no folder yet; ANCM creates it when a worker starts)`,
      'ancm: following 1 file; Ctrl+C to stop',
    ]);
    const both = makeSite(BOTH_LOGS, { 'aspnetcore-debug.log': DEBUG_LINE, 'logs/stdout_20240101120000_1234.log': 'Application started.\n' }, ['logs']);
    const following = await runInProcess(['logs', both, '--follow'], both);
    assert.deepEqual(following.stderr, ['ancm: following 2 files; Ctrl+C to stop']);
    assert.equal(following.stdout.filter((line) => line.includes('Application started.')).length, 1);
  });

  it('says what to change in web.config when it turns on no log, and ends with 0 even with --follow', async () => {
    const site = makeSite(NO_LOGS);
    for (const argv of [['logs', site], ['logs', site, '--follow']]) {
      const run = await runInProcess(argv, site, {}, never);
      assert.equal(run.code, 0);
      assert.deepEqual(run.stdout.filter(Boolean), []);
      const said = run.stderr.join('\n');
      assert.match(said, /this site writes no logs/);
      assert.match(said, /set stdoutLogEnabled="true" on <aspNetCore> in web\.config/);
      assert.match(said, /<handlerSetting name="debugLevel" value="FILE,TRACE" \/>/);
      assert.ok(said.includes(path.join(site, 'logs', 'stdout_*.log')));
    }
  });

  it('--grep on a log that does not exist yet prints nothing and ends with 0', async () => {
    const site = makeSite(BOTH_LOGS, {}, ['logs']);
    const run = await runInProcess(['logs', site, '--grep', '0x8007023e'], site);
    assert.deepEqual(run.stderr, []);
    assert.equal(run.code, 0);
    assert.deepEqual(run.stdout.filter(Boolean), []);
  });

  it('--grep --follow on a log that does not exist yet waits for it and prints what matches', { timeout: 30_000 }, async () => {
    const site = makeSite(BOTH_LOGS, {}, ['logs']);
    const child = spawnBinary(['logs', site, '--grep', '0x8007023e', '--follow'], site);
    const { output, waitFor, exited } = watchOutput(child);
    await waitFor('stderr', /Ctrl\+C to stop/);
    appendFileSync(path.join(site, 'aspnetcore-debug.log'), `[2024-03-05T09:14:05.000Z, PID: 6312] [aspnetcorev2.dll] Starting\r\n${DEBUG_LINE}`);
    await waitFor('stdout', /0x8007023e/);
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.doesNotMatch(output.stdout, /Starting/);
    assert.doesNotMatch(output.stderr, /error/i);
  });
});
