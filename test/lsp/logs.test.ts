import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  type EarlierLogsResult,
  type LogEntriesParams,
  type LogEntryMessage,
  type OpenLogsResult,
} from '../../server/src/protocol/logs';
import { CLOSE_LOGS_NOTIFICATION, EARLIER_LOGS_REQUEST, LOG_ENTRIES_NOTIFICATION, OPEN_LOGS_REQUEST } from '../../server/src/protocol/requests';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, EDITOR_CAPABILITIES, startServer, withTimeout } from './harness';

const WEB_CONFIG = publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout">
        <handlerSettings>
          <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />
          <handlerSetting name="debugLevel" value="FILE,WARNING" />
        </handlerSettings>
      </aspNetCore>`);

describe('the logs protocol', () => {
  let site: string;
  let server: ServerUnderTest;
  const received: LogEntryMessage[] = [];

  function waitFor(check: () => boolean, what: string): Promise<void> {
    return withTimeout(new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (check()) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    }), what);
  }

  before(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-lsp-logs-'));
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'web.config'), WEB_CONFIG);
    writeFileSync(path.join(site, 'logs', 'aspnetcore-debug.log'), [
      "[2024-01-01T12:00:01.000Z, PID: 42] [aspnetcorev2.dll] Loading request handler:  'C:\\x\\aspnetcorev2_inprocess.dll'",
      '[2024-01-01T12:00:03.000Z, PID: 42] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at dllmain.cpp:131',
      '',
    ].join('\r\n'));
    writeFileSync(path.join(site, 'logs', 'stdout_20240101120002_42.log'), 'info: Microsoft.Hosting.Lifetime[0]\n      Application started.\n');
    server = await startServer(EDITOR_CAPABILITIES, {}, (connection) => {
      connection.onNotification(LOG_ENTRIES_NOTIFICATION, (params: LogEntriesParams) => {
        received.push(...params.entries);
      });
    });
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    rmSync(site, { recursive: true, force: true });
  });

  let sessionId = '';

  it('opens a session: the sources, the debugLevel, and the history merged by time', async () => {
    const result = (await withTimeout(server.connection.sendRequest(OPEN_LOGS_REQUEST, { webConfigUri: pathToFileURL(path.join(site, 'web.config')).href }), 'open')) as OpenLogsResult;
    sessionId = result.sessionId;
    assert.equal(result.debugLevel, 'WARNING', 'the level debugLevel="FILE,WARNING" logs at');
    assert.deepEqual(result.sources.map((source) => source.id), ['stdout:stdout_20240101120002_42.log', 'debug']);
    assert.equal(result.sources[0].pid, 42);
    // The stdout entry has no time of its own: it sorts at its file's start, 12:00:02.
    await waitFor(() => received.length >= 3, 'the history');
    assert.deepEqual(received.map((entry) => entry.sourceId), ['debug', 'stdout:stdout_20240101120002_42.log', 'debug']);
    assert.equal(received[2].level, 'ERROR');
  });

  it('sends entries appended later, and pages history on request', async () => {
    appendFileSync(path.join(site, 'logs', 'aspnetcore-debug.log'), "[2024-01-01T12:00:04.000Z, PID: 42] [aspnetcorev2.dll] Event Log: 'Application went offline' \r\nEnd Event Log Message.\r\n");
    await waitFor(() => received.some((entry) => entry.text.includes('went offline')), 'the appended entry');
    const earlier = (await withTimeout(server.connection.sendRequest(EARLIER_LOGS_REQUEST, { sessionId, sourceId: 'debug', maxBytes: 1024 }), 'earlier')) as EarlierLogsResult;
    assert.deepEqual(earlier, { entries: [], more: false }, 'the whole small file was already shown');
    await server.connection.sendNotification(CLOSE_LOGS_NOTIFICATION, { sessionId });
  });
});
