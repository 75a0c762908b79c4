import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locateSiteLogs as locateInService } from '../../server/src/service/siteLogs';
import { parseWebConfig } from '../../server/src/service/webConfig';
import { type FollowedSource, SiteLogFollower } from '../../server/src/logs/siteLogFollower';
import type { LogEntry } from '../../server/src/logs/types';
import { publishedConfig } from './cursor';

const locateSiteLogs = (webConfig: string, text: string, env: NodeJS.ProcessEnv) => locateInService(webConfig, parseWebConfig(text), env);

const WEB_CONFIG = publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout">
        <handlerSettings>
          <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`);

/** Resolves when the predicate holds for what was received; fails after a timeout instead of hanging. */
function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = check();
      if (value !== undefined) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 5);
  });
}

describe('SiteLogFollower', () => {
  let site: string;
  let follower: SiteLogFollower;
  const received: { source: FollowedSource; entry: LogEntry }[] = [];
  const sourceEvents: FollowedSource[][] = [];

  before(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-site-'));
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'web.config'), WEB_CONFIG);
    writeFileSync(path.join(site, 'logs', 'aspnetcore-debug.log'), '[2024-03-05T09:14:03.021Z, PID: 6312] [aspnetcorev2.dll] Loading request handler:  \'C:\\x\\aspnetcorev2_inprocess.dll\'\r\n');
    writeFileSync(path.join(site, 'logs', 'stdout_20240101120000_1234.log'), 'info: Microsoft.Hosting.Lifetime[0]\n      Application started.\n');
    follower = new SiteLogFollower(locateSiteLogs(path.join(site, 'web.config'), WEB_CONFIG, {}), { pollIntervalMs: 20, idleFlushMs: 20 });
    follower.onEntries((source, entries) => received.push(...entries.map((entry) => ({ source, entry }))));
    follower.onSources((sources) => sourceEvents.push(sources));
    await follower.start();
  });

  after(async () => {
    await follower.stop();
    rmSync(site, { recursive: true, force: true });
  });

  it('finds the debug log and the stdout files from web.config and delivers their entries with levels', async () => {
    assert.deepEqual(follower.sources.map((source) => source.id), ['stdout:stdout_20240101120000_1234.log', 'debug']);
    assert.equal(follower.sources[0].label, 'stdout 2024-01-01 12:00:00 UTC · PID 1234');
    await waitFor(() => (received.length >= 2 ? true : undefined), 'the existing entries');
    const debug = received.find((item) => item.source.kind === 'debug')!.entry;
    assert.equal(debug.pid, 6312);
    assert.equal(debug.levelFrom, 'catalog');
    const stdout = received.find((item) => item.source.kind === 'stdout')!.entry;
    assert.equal(stdout.level, 'INFO');
    assert.match(stdout.text, /Application started/);
    // The worker process and its start time come from the file name.
    assert.equal(stdout.pid, 1234);
    assert.equal(stdout.processStart, '2024-01-01T12:00:00.000Z');
  });

  it('delivers appended entries', async () => {
    appendFileSync(path.join(site, 'logs', 'aspnetcore-debug.log'), '[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at dllmain.cpp:131\r\n');
    const entry = await waitFor(() => received.find((item) => item.entry.text.includes('0x8007023e'))?.entry, 'the appended error');
    assert.equal(entry.level, 'ERROR');
  });

  it('picks up the stdout file of a new worker process and follows it', async () => {
    writeFileSync(path.join(site, 'logs', 'stdout_20240101130000_5678.log'), 'fail: Contoso.Startup[0]\n      Could not connect to the database.\n');
    const sources = await waitFor(() => sourceEvents.find((event) => event.some((source) => source.pid === 5678)), 'the new source');
    assert.equal(sources[0].pid, 5678, 'newest first');
    const entry = await waitFor(() => received.find((item) => item.source.pid === 5678)?.entry, 'its entry');
    assert.equal(entry.level, 'ERROR');
  });
});

describe('SiteLogFollower over files handed over directly', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ancm-files-'));
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  async function readOnce(files: string[]): Promise<{ sources: FollowedSource[]; entries: LogEntry[] }> {
    const follower = new SiteLogFollower(undefined, { extraFiles: files, watch: false, readToEnd: true });
    const entries: LogEntry[] = [];
    follower.onEntries((_, batch) => entries.push(...batch));
    await follower.start();
    follower.flush();
    const sources = follower.sources;
    await follower.stop();
    return { sources, entries };
  }

  it('tells each kind by its content, not its name', async () => {
    const events = path.join(folder, 'copied.txt');
    writeFileSync(events, 'Log Name:      Application\nSource:        IIS AspNetCore Module V2\nEvent ID:      1034\nLevel:         Error\nDescription:\nUnknown hosting model.\n');
    const debug = path.join(folder, 'stdout_20240101120000_1234.log');
    writeFileSync(debug, "[aspnetcorev2.dll] Known dotnet.exe location: ''\n");
    const { sources, entries } = await readOnce([events, debug]);
    assert.deepEqual(sources.map((source) => source.kind).sort(), ['debug', 'events']);
    assert.equal(entries.find((entry) => entry.source === 'events')?.eventId, 1034);
  });

  it('shows a last line without a line break at once on a one-shot read', async () => {
    const file = path.join(folder, 'partial.log');
    writeFileSync(file, "[aspnetcorev2.dll] Known dotnet.exe location: ''\n[aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x800700c1 at dllmain.cpp:1 ");
    const { entries } = await readOnce([file]);
    assert.deepEqual(
      entries.map((entry) => entry.level),
      ['INFO', 'ERROR'],
    );
  });
});
