import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locateSiteLogs as locateInService } from '../../server/src/service/siteLogs';
import { parseWebConfig } from '../../server/src/service/webConfig';
import { type LogPathPolicy, isNetworkPath, judgeLogPath, permittedLogs } from '../../server/src/logs/logPathPolicy';
import { OutsideSiteError, confinedPath, openRegularFile } from '../../server/src/files/openFile';
import { SiteLogFollower } from '../../server/src/logs/siteLogFollower';
import { listStdoutLogs } from '../../server/src/logs/stdoutFiles';
import { publishedConfig } from './cursor';

const locateSiteLogs = (webConfig: string, text: string, env: NodeJS.ProcessEnv) => locateInService(webConfig, parseWebConfig(text), env);

const SITE = '/srv/sites/contoso';
const restricted: LogPathPolicy = { trusted: false, roots: [SITE], consented: new Set() };
const trusted: LogPathPolicy = { trusted: true, roots: [SITE, '/home/dev/project'], consented: new Set() };

describe('isNetworkPath', () => {
  it('knows UNC, long UNC and device paths written either way, and not local long paths', () => {
    for (const network of ['\\\\server\\share\\x.log', '//server/share/x.log', '\\\\?\\UNC\\server\\share\\x', '\\\\.\\pipe\\x', ' \\\\%USERNAME%.attacker\\x']) {
      assert.equal(isNetworkPath(network), true, network);
    }
    for (const local of ['\\\\?\\C:\\logs\\x.log', 'C:\\logs\\x.log', '.\\logs\\stdout', '/var/log/x', 'logs//x']) {
      assert.equal(isNetworkPath(local), false, local);
    }
  });
});

describe('judgeLogPath', () => {
  it('in Restricted Mode reads only inside the site, and never a network path or a %VAR% path', () => {
    assert.deepEqual(judgeLogPath(restricted, '.\\logs\\stdout', `${SITE}/logs`), { read: true });
    assert.deepEqual(judgeLogPath(restricted, '..\\..\\etc', '/srv/etc'), { read: false, reason: 'outside-site', askable: false });
    assert.deepEqual(judgeLogPath(restricted, '/etc/passwd', '/etc/passwd'), { read: false, reason: 'outside-site', askable: false });
    assert.deepEqual(judgeLogPath(restricted, '\\\\attacker\\share\\x', '/attacker/share/x'), { read: false, reason: 'network', askable: false });
    // Unexpanded, the path would even look inside the site: the variable alone refuses it.
    assert.deepEqual(judgeLogPath(restricted, '.\\%USERNAME%\\x.log', `${SITE}/%USERNAME%/x.log`), { read: false, reason: 'variable', askable: false });
    // A sibling folder whose name starts like the site's is not inside it.
    assert.equal(judgeLogPath(restricted, '/srv/sites/contoso-evil/x.log', '/srv/sites/contoso-evil/x.log').read, false);
  });

  it('in a trusted workspace reads the workspace and asks for the rest, network paths included, until consented', () => {
    assert.deepEqual(judgeLogPath(trusted, '/home/dev/project/extra.log', '/home/dev/project/extra.log'), { read: true });
    assert.deepEqual(judgeLogPath(trusted, '/var/log/x.log', '/var/log/x.log'), { read: false, reason: 'outside-workspace', askable: true });
    assert.deepEqual(judgeLogPath(trusted, '\\\\server\\share\\x.log', '/server/share/x.log'), { read: false, reason: 'network', askable: true });
    const consented = { ...trusted, consented: new Set(['/server/share/x.log']) };
    assert.deepEqual(judgeLogPath(consented, '\\\\server\\share\\x.log', '/server/share/x.log'), { read: true });
  });
});

describe('permittedLogs', () => {
  const webConfig = path.join(SITE, 'web.config');
  const config = publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile="\\\\%USERNAME%.attacker\\share\\stdout">
        <handlerSettings>
          <handlerSetting name="debugFile" value="..\\..\\..\\etc\\debug.log" />
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`);

  it('withholds each log the policy refuses, saying which setting named it and why', () => {
    const site = locateSiteLogs(webConfig, config, {});
    const permitted = permittedLogs(site, ['extra.log', '/etc/shadow'], restricted);
    assert.equal(permitted.debugLog, undefined);
    assert.equal(permitted.followStdout, false);
    assert.deepEqual(permitted.extraFiles, [path.join(SITE, 'extra.log')]);
    assert.deepEqual(permitted.withheld.map((log) => [log.setting, log.reason]), [
      ['debugFile', 'outside-site'],
      ['stdoutLogFile', 'network'],
      ['ancm.logs.extraFiles', 'outside-site'],
    ]);
    assert.equal(permitted.withheld[1].configured, '\\\\%USERNAME%.attacker\\share\\stdout');
  });

  it('follows what the user agreed to in a trusted workspace', () => {
    const site = locateSiteLogs(webConfig, config, {});
    const asked = permittedLogs(site, [], trusted);
    assert.ok(asked.withheld.every((log) => log.askable));
    const agreed = permittedLogs(site, [], { ...trusted, consented: new Set(asked.withheld.map((log) => log.path)) });
    assert.equal(agreed.debugLog, site.debugLog);
    assert.equal(agreed.followStdout, true);
    assert.deepEqual(agreed.withheld, []);
  });
});

describe('reads confined to the site (symbolic links)', () => {
  let root: string;
  let site: string;
  let secret: string;

  before(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ancm-confine-')));
    site = path.join(root, 'site');
    const outside = path.join(root, 'outside');
    mkdirSync(path.join(site, 'logs'), { recursive: true });
    mkdirSync(outside);
    secret = path.join(outside, 'secret.log');
    writeFileSync(secret, '[2024-01-01T12:00:01.000Z, PID: 1] [aspnetcorev2.dll] the secret\n');
    writeFileSync(path.join(site, 'logs', 'inside.log'), '[2024-01-01T12:00:01.000Z, PID: 1] [aspnetcorev2.dll] inside\n');
    symlinkSync(secret, path.join(site, 'aspnetcore-debug.log'));
    symlinkSync(path.join(site, 'logs', 'inside.log'), path.join(site, 'inside-link.log'));
    symlinkSync(outside, path.join(site, 'outside-folder'));
    writeFileSync(path.join(outside, 'stdout_20240101120000_7.log'), 'the secret\n');
    symlinkSync(secret, path.join(site, 'logs', 'stdout_20240101120001_8.log'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('opens a link that stays inside, at its real path, and refuses one that leads out', async () => {
    assert.equal(await confinedPath(path.join(site, 'inside-link.log'), site), path.join(site, 'logs', 'inside.log'));
    await assert.rejects(openRegularFile(path.join(site, 'aspnetcore-debug.log'), site), OutsideSiteError);
    await assert.rejects(openRegularFile(path.join(site, 'outside-folder', 'secret.log'), site), OutsideSiteError);
    // A file that does not exist yet is judged by the folder it will be created in.
    await assert.rejects(confinedPath(path.join(site, 'outside-folder', 'new.log'), site), OutsideSiteError);
    assert.equal(await confinedPath(path.join(site, 'logs', 'new.log'), site), path.join(site, 'logs', 'new.log'));
    // Unconfined (a trusted workspace), the link is read as before.
    (await openRegularFile(path.join(site, 'aspnetcore-debug.log'))).close();
  });

  it('lists no stdout files in a folder that leads out of the site', async () => {
    assert.equal((await listStdoutLogs(path.join(site, 'outside-folder'), 'stdout', site)).length, 0);
    assert.equal((await listStdoutLogs(path.join(site, 'outside-folder'), 'stdout')).length, 1);
  });

  it('a confined follower delivers nothing of a file outside, and says why', async () => {
    const siteLogs = locateSiteLogs(path.join(site, 'web.config'), publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout">
        <handlerSettings><handlerSetting name="debugLevel" value="FILE,TRACE" /></handlerSettings>
      </aspNetCore>`), {});
    const follower = new SiteLogFollower(siteLogs, { confineTo: site, extraFiles: [path.join(site, 'inside-link.log')], watch: false, readToEnd: true, pollIntervalMs: 20 });
    const texts: string[] = [];
    const errors: Error[] = [];
    follower.onEntries((_, entries) => texts.push(...entries.map((entry) => entry.text)));
    follower.onError((error) => errors.push(error));
    await follower.start();
    follower.flush();
    await follower.stop();
    assert.ok(texts.some((text) => text.includes('inside')), 'the link that stays inside is read');
    assert.ok(!texts.some((text) => text.includes('secret')), `nothing of the file outside: ${JSON.stringify(texts)}`);
    assert.ok(errors.some((error) => error instanceof OutsideSiteError), 'the refusal is reported');
  });
});
