import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import { type LogServerConnection, type LogSessionListener, LogSessionRouter } from '../../../client/src/panel/logSession';
import {
  type LogSourceInfo,
  type OpenLogsResult,
  type OpenOlderStdoutResult,
  type SiteLogsStatus,
} from '../../../server/src/protocol/logs';
import { CLOSE_LOGS_NOTIFICATION, EARLIER_LOGS_REQUEST, LOG_ENTRIES_NOTIFICATION, LOG_RESET_NOTIFICATION, LOG_SOURCES_NOTIFICATION, OPEN_LOGS_REQUEST, OPEN_OLDER_STDOUT_REQUEST } from '../../../server/src/protocol/requests';
import { entry } from './panelFixtures';

const DEBUG_SOURCE: LogSourceInfo = { id: 'debug', kind: 'debug', file: '/site/aspnetcore-debug.log', label: 'ANCM debug log', exists: true };
const STDOUT_SOURCE: LogSourceInfo = { id: 'stdout:stdout_1.log', kind: 'stdout', file: '/site/logs/stdout_1.log', label: 'stdout', exists: true };
const OLDER_SOURCE: LogSourceInfo = { id: 'older:stdout_0.log', kind: 'stdout', file: '/site/logs/stdout_0.log', label: 'stdout older', exists: true };
const SITE: SiteLogsStatus = { stdoutEnabled: true, stdoutPattern: 'logs/stdout_*.log', stdoutFolder: 'logs', stdoutFolderExists: true, debugLog: 'aspnetcore-debug.log', withheld: [] };
const OLDER_FILE = { fileName: 'stdout_0.log', label: 'stdout older', pid: 7, size: 12 };

/** A server that answers open with the next session id, and lets the test push notifications. */
class FakeServer implements LogServerConnection {
  readonly handlers = new Map<string, (params: unknown) => void>();
  readonly sent: { method: string; params: unknown }[] = [];
  private nextSession = 1;
  /** Runs before the open request is answered: a server that notifies before it answers. */
  beforeOpenAnswer: (sessionId: string) => void = () => undefined;

  async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    const method = type.method;
    this.sent.push({ method, params });
    if (method === OPEN_LOGS_REQUEST.method) {
      const sessionId = `s${this.nextSession++}`;
      this.beforeOpenAnswer(sessionId);
      const result: OpenLogsResult = { sessionId, sources: [DEBUG_SOURCE], debugLevel: 'WARNING', site: SITE, olderStdoutFiles: [OLDER_FILE] };
      return result as R;
    }
    if (method === OPEN_OLDER_STDOUT_REQUEST.method) {
      const known = (params as { fileName: string }).fileName === OLDER_FILE.fileName;
      const result: OpenOlderStdoutResult | null = known ? { source: OLDER_SOURCE, entries: [entry('INFO', 'old', OLDER_SOURCE.id)], more: true } : null;
      return result as R;
    }
    return { entries: [entry('INFO', 'earlier')], more: false } as R;
  }

  async sendNotification<P>(type: NotificationType<P>, params: P): Promise<void> {
    this.sent.push({ method: type.method, params });
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void) {
    this.handlers.set(type.method, handler as (params: unknown) => void);
    return { dispose: () => this.handlers.delete(type.method) };
  }

  notify<P>(type: NotificationType<P>, params: P): void {
    this.handlers.get(type.method)?.(params);
  }
}

function recorder(): LogSessionListener & { readonly events: string[] } {
  const events: string[] = [];
  return {
    events,
    onEntries: (entries) => events.push(`entries:${entries.map((item) => item.text).join(',')}`),
    onSources: ({ sources, site }) => events.push(`sources:${sources.map((source) => source.id).join(',')}${site.stdoutEnabled ? '' : ' (stdout off)'}`),
    onReset: ({ sourceId, reason }) => events.push(`reset:${sourceId}:${reason}`),
  };
}

describe('log session', () => {
  it('opens a session and routes its notifications, ignoring other sessions', async () => {
    const server = new FakeServer();
    const router = new LogSessionRouter(server);
    const session = await router.open({ webConfigUri: 'file:///site/web.config' });
    assert.equal(session.debugLevel, 'WARNING');
    const listener = recorder();
    session.listen(listener);
    server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId: session.id, entries: [entry('ERROR', 'boom')] });
    server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId: 'other', entries: [entry('ERROR', 'not mine')] });
    server.notify(LOG_SOURCES_NOTIFICATION, { sessionId: session.id, sources: [DEBUG_SOURCE, STDOUT_SOURCE], site: { ...SITE, stdoutEnabled: false }, olderStdoutFiles: [] });
    server.notify(LOG_RESET_NOTIFICATION, { sessionId: session.id, sourceId: 'debug', reason: 'truncated' });
    assert.deepEqual(listener.events, ['entries:boom', 'sources:debug,stdout:stdout_1.log (stdout off)', 'reset:debug:truncated']);
    assert.deepEqual(session.sources, [DEBUG_SOURCE, STDOUT_SOURCE]);
    assert.equal(session.site.stdoutEnabled, false);
    assert.deepEqual(session.olderStdoutFiles, []);
  });

  it('still knows a source no longer followed, and opens an older stdout file by name', async () => {
    const server = new FakeServer();
    const router = new LogSessionRouter(server);
    const session = await router.open({ webConfigUri: 'file:///site/web.config' });
    assert.deepEqual(session.site, SITE);
    assert.deepEqual(session.olderStdoutFiles, [OLDER_FILE]);
    server.notify(LOG_SOURCES_NOTIFICATION, { sessionId: session.id, sources: [STDOUT_SOURCE], site: SITE, olderStdoutFiles: [] });
    // The debug log left the followed list; its entries in the panel can still be opened.
    assert.deepEqual(session.sources, [STDOUT_SOURCE]);
    assert.equal(session.sourceById('debug'), DEBUG_SOURCE);
    assert.equal(session.sourceById(OLDER_SOURCE.id), undefined);
    const opened = await session.openOlderStdout('stdout_0.log', 4096);
    assert.deepEqual(server.sent.at(-1), { method: OPEN_OLDER_STDOUT_REQUEST.method, params: { sessionId: session.id, fileName: 'stdout_0.log', maxBytes: 4096 } });
    assert.equal(opened?.entries[0].text, 'old');
    assert.equal(session.sourceById(OLDER_SOURCE.id), OLDER_SOURCE);
    // A name the server does not list gives nothing, and no source.
    assert.equal(await session.openOlderStdout('stdout_9.log', 4096), undefined);
  });

  it('keeps entries and resets that came before the open answer, and before the panel listened', async () => {
    const server = new FakeServer();
    const router = new LogSessionRouter(server);
    server.beforeOpenAnswer = (sessionId) => {
      server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId, entries: [entry('INFO', 'first')] });
      server.notify(LOG_RESET_NOTIFICATION, { sessionId, sourceId: 'debug', reason: 'created' });
      // Older than the answer's list: dropped.
      server.notify(LOG_SOURCES_NOTIFICATION, { sessionId, sources: [STDOUT_SOURCE], site: SITE, olderStdoutFiles: [] });
    };
    const session = await router.open({ webConfigUri: 'file:///site/web.config' });
    server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId: session.id, entries: [entry('INFO', 'second')] });
    assert.deepEqual(session.sources, [DEBUG_SOURCE]);
    const listener = recorder();
    session.listen(listener);
    assert.deepEqual(listener.events, ['entries:first', 'reset:debug:created', 'entries:second']);
  });

  it('pages history and closes, after which nothing is delivered', async () => {
    const server = new FakeServer();
    const router = new LogSessionRouter(server);
    const session = await router.open({ webConfigUri: 'file:///site/web.config' });
    const listener = recorder();
    session.listen(listener);
    assert.deepEqual(await session.earlier('debug', 1024), { entries: [entry('INFO', 'earlier')], more: false });
    assert.deepEqual(server.sent.at(-1), { method: EARLIER_LOGS_REQUEST.method, params: { sessionId: session.id, sourceId: 'debug', maxBytes: 1024 } });
    session.close();
    session.close();
    assert.deepEqual(
      server.sent.filter((message) => message.method === CLOSE_LOGS_NOTIFICATION.method),
      [{ method: CLOSE_LOGS_NOTIFICATION.method, params: { sessionId: session.id } }],
    );
    server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId: session.id, entries: [entry('ERROR', 'late')] });
    assert.deepEqual(listener.events, []);
  });

  it('drops early notifications of sessions nobody opened', async () => {
    const server = new FakeServer();
    const router = new LogSessionRouter(server);
    server.notify(LOG_ENTRIES_NOTIFICATION, { sessionId: 's1', entries: [entry('INFO', 'stray')] });
    const session = await router.open({ webConfigUri: 'file:///site/web.config' });
    const listener = recorder();
    session.listen(listener);
    assert.deepEqual(listener.events, []);
  });
});
