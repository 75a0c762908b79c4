// The panel's view of a site beyond the followed files, over the real server: what web.config and the disk say
// (for the empty states), the older stdout files listed and opened by name, and paged like a followed file.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  type EarlierLogsResult,
  type LogEntriesParams,
  type LogEntryMessage,
  type OpenLogsResult,
  type OpenOlderStdoutResult,
} from '../../server/src/protocol/logs';
import { CLOSE_LOGS_NOTIFICATION, EARLIER_LOGS_REQUEST, LOG_ENTRIES_NOTIFICATION, OPEN_LOGS_REQUEST, OPEN_OLDER_STDOUT_REQUEST } from '../../server/src/protocol/requests';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, EDITOR_CAPABILITIES, startServer, withTimeout } from './harness';

const STDOUT_ON = publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />');
const STDOUT_OFF = publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" />');

/** Six workers' files, an hour apart: the newest five are followed, the first one is older. */
const WORKERS = [11, 12, 13, 14, 15, 16];
const fileOf = (pid: number, index: number) => `stdout_2024010${1 + Math.floor(index / 24)}${String(index % 24).padStart(2, '0')}0000_${pid}.log`;

describe('older stdout files and the site status', () => {
  let site: string;
  let offSite: string;
  let server: ServerUnderTest;
  const received: LogEntryMessage[] = [];

  before(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-lsp-older-'));
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'web.config'), STDOUT_ON);
    WORKERS.forEach((pid, index) => {
      const lines = Array.from({ length: pid === 11 ? 400 : 1 }, (_, line) => `info: Worker${pid}[${line}]\n      line ${line} of worker ${pid}`);
      writeFileSync(path.join(site, 'logs', fileOf(pid, index)), `${lines.join('\n')}\n`);
    });
    offSite = mkdtempSync(path.join(tmpdir(), 'ancm-lsp-off-'));
    writeFileSync(path.join(offSite, 'web.config'), STDOUT_OFF);
    server = await startServer(EDITOR_CAPABILITIES, {}, (connection) => {
      connection.onNotification(LOG_ENTRIES_NOTIFICATION, (params: LogEntriesParams) => {
        received.push(...params.entries);
      });
    });
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    rmSync(site, { recursive: true, force: true });
    rmSync(offSite, { recursive: true, force: true });
  });

  const open = (folder: string) =>
    withTimeout(server.connection.sendRequest(OPEN_LOGS_REQUEST, { webConfigUri: pathToFileURL(path.join(folder, 'web.config')).href }), 'open') as Promise<OpenLogsResult>;

  it('says what web.config and the disk say: stdout off, and where its files would be', async () => {
    const result = await open(offSite);
    assert.deepEqual(result.site, { stdoutEnabled: false, stdoutPattern: path.join('logs', 'stdout_*.log'), stdoutFolder: 'logs', stdoutFolderExists: false, withheld: [] });
    assert.deepEqual(result.olderStdoutFiles, []);
    await server.connection.sendNotification(CLOSE_LOGS_NOTIFICATION, { sessionId: result.sessionId });
  });

  it('lists the stdout files beyond the followed ones, opens one by name, pages it, and refuses other names', async () => {
    const result = await open(site);
    assert.equal(result.site.stdoutEnabled, true);
    assert.equal(result.site.stdoutFolderExists, true);
    assert.equal(result.sources.filter((source) => source.kind === 'stdout').length, 5);
    assert.deepEqual(result.olderStdoutFiles.map(({ fileName, pid, startTime }) => ({ fileName, pid, startTime })), [
      { fileName: fileOf(11, 0), pid: 11, startTime: '2024-01-01T00:00:00.000Z' },
    ]);
    assert.match(result.olderStdoutFiles[0].label, /^stdout 2024-01-01 00:00:00 UTC · PID 11$/);

    const request = (fileName: string, maxBytes: number) =>
      withTimeout(server.connection.sendRequest(OPEN_OLDER_STDOUT_REQUEST, { sessionId: result.sessionId, fileName, maxBytes }), 'open older') as Promise<OpenOlderStdoutResult | null>;
    const older = await request(fileOf(11, 0), 2000);
    assert.ok(older);
    assert.equal(older.source.id, `older:${fileOf(11, 0)}`);
    assert.equal(older.source.pid, 11);
    assert.equal(older.more, true);
    const last = older.entries.at(-1)!;
    assert.equal(last.message, 'line 399 of worker 11');
    // The stdout file's worker process is each entry's process.
    assert.ok(older.entries.every((entry) => entry.pid === 11 && entry.sourceId === older.source.id));
    const earlier = (await withTimeout(
      server.connection.sendRequest(EARLIER_LOGS_REQUEST, { sessionId: result.sessionId, sourceId: older.source.id, maxBytes: 1_000_000 }),
      'earlier',
    )) as EarlierLogsResult;
    assert.equal(earlier.more, false);
    assert.equal(earlier.entries[0].message, 'line 0 of worker 11');
    assert.ok(earlier.entries.length > 300, `${earlier.entries.length} earlier entries`);

    for (const name of ['../web.config', 'web.config', path.join(site, 'logs', fileOf(11, 0)), 'stdout_20990101000000_1.log']) {
      assert.equal(await request(name, 2000), null, name);
    }
    // Followed entries carry their worker's process id too.
    await withTimeout(
      new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (received.some((entry) => entry.pid === 16 && entry.message === 'line 0 of worker 16')) resolve(void clearInterval(timer));
        }, 10);
      }),
      'the entry of worker 16, with its process id',
    );
    await server.connection.sendNotification(CLOSE_LOGS_NOTIFICATION, { sessionId: result.sessionId });
  });
});
