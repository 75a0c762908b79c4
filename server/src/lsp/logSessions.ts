// The server side of the ANCM Logs panel: each `ancm/logs/open` request starts a SiteLogFollower for
// one web.config, and its entries, source changes and resets go to the client as notifications,
// batched so that a large initial tail does not flood the connection.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { locateSiteLogs } from '../logs/discovery';
import { mergeByTime } from '../logs/mergeByTime';
import { type FollowedSource, SiteLogFollower } from '../logs/siteLogFollower';
import type { LogEntry } from '../logs/types';
import {
  CLOSE_LOGS_NOTIFICATION,
  type CloseLogsParams,
  EARLIER_LOGS_REQUEST,
  type EarlierLogsParams,
  type EarlierLogsResult,
  LOG_ENTRIES_NOTIFICATION,
  LOG_RESET_NOTIFICATION,
  LOG_SOURCES_NOTIFICATION,
  type LogEntryMessage,
  type LogSourceInfo,
  OPEN_LOGS_REQUEST,
  type OpenLogsParams,
  type OpenLogsResult,
} from '../protocol';

/** Entries are sent at most this often, and at most this many in one notification. */
const BATCH_INTERVAL_MS = 50;
const BATCH_MAX_ENTRIES = 2000;

interface Session {
  readonly follower: SiteLogFollower;
  pending: LogEntryMessage[];
  timer: NodeJS.Timeout | undefined;
}

export function registerLogSessions(connection: Connection, openDocument: (uri: string) => TextDocument | undefined): void {
  const sessions = new Map<string, Session>();
  let nextSession = 1;

  function send(sessionId: string, session: Session): void {
    session.timer = undefined;
    while (session.pending.length > 0) {
      const entries = session.pending.splice(0, BATCH_MAX_ENTRIES);
      void connection.sendNotification(LOG_ENTRIES_NOTIFICATION, { sessionId, entries });
    }
  }

  connection.onRequest(OPEN_LOGS_REQUEST, async (params: OpenLogsParams): Promise<OpenLogsResult> => {
    const uri = URI.parse(params.webConfigUri);
    const text = openDocument(params.webConfigUri)?.getText() ?? (await readFile(uri.fsPath, 'utf8'));
    const site = locateSiteLogs(uri.fsPath, text);
    const follower = new SiteLogFollower(site, { extraFiles: params.extraFiles ?? [] });
    const sessionId = String(nextSession++);
    const session: Session = { follower, pending: [], timer: undefined };
    sessions.set(sessionId, session);
    // The history already in the files arrives file by file while the follower starts: it is held and
    // sent merged by time, so that "all sources" reads in order. Later entries go out as they come.
    const history = new Map<FollowedSource, LogEntry[]>();
    let starting = true;
    const queue = (messages: LogEntryMessage[]) => {
      session.pending.push(...messages);
      session.timer ??= setTimeout(() => send(sessionId, session), BATCH_INTERVAL_MS);
    };
    follower.onEntries((source, entries) => {
      if (starting) history.set(source, [...(history.get(source) ?? []), ...entries]);
      else queue(entries.map((entry) => toMessage(source, entry)));
    });
    follower.onSources((sources) => void connection.sendNotification(LOG_SOURCES_NOTIFICATION, { sessionId, sources: sources.map(toSourceInfo) }));
    follower.onReset((source, reason) => {
      // Entries already queued belong to the old content and go first.
      send(sessionId, session);
      void connection.sendNotification(LOG_RESET_NOTIFICATION, { sessionId, sourceId: source.id, reason });
    });
    follower.onError((error) => connection.console.warn(`logs of ${uri.fsPath}: ${error.message}`));
    await follower.start();
    // The last entry of each file is released now rather than after the idle time, so it joins the merge.
    follower.flush();
    starting = false;
    const logs = [...history].map(([source, entries]) => ({ startTime: source.startTime, entries: entries.map((entry) => toMessage(source, entry)) }));
    queue(mergeByTime(logs));
    return { sessionId, sources: follower.sources.map(toSourceInfo), ...(site.debugLevel !== undefined && { debugLevel: site.debugLevel }) };
  });

  connection.onRequest(EARLIER_LOGS_REQUEST, async (params: EarlierLogsParams): Promise<EarlierLogsResult> => {
    const session = sessions.get(params.sessionId);
    if (!session) return { entries: [], more: false };
    const source = session.follower.sources.find((candidate) => candidate.id === params.sourceId);
    if (!source) return { entries: [], more: false };
    const { entries, more } = await session.follower.readEarlier(params.sourceId, params.maxBytes);
    return { entries: entries.map((entry) => toMessage(source, entry)), more };
  });

  connection.onNotification(CLOSE_LOGS_NOTIFICATION, (params: CloseLogsParams) => {
    const session = sessions.get(params.sessionId);
    if (!session) return;
    sessions.delete(params.sessionId);
    clearTimeout(session.timer);
    void session.follower.stop();
  });

  connection.onShutdown(async () => {
    await Promise.all([...sessions.values()].map((session) => session.follower.stop()));
    sessions.clear();
  });
}

function toMessage(source: FollowedSource, entry: LogEntry): LogEntryMessage {
  return {
    sourceId: source.id,
    level: entry.level,
    levelFrom: entry.levelFrom,
    text: entry.text,
    message: entry.message,
    offset: entry.offset,
    ...(entry.eventId !== undefined && { eventId: entry.eventId }),
    ...(entry.time !== undefined && { time: entry.time }),
    ...(entry.pid !== undefined && { pid: entry.pid }),
    ...(entry.origin !== undefined && { origin: entry.origin }),
  };
}

function toSourceInfo(source: FollowedSource): LogSourceInfo {
  return {
    id: source.id,
    kind: source.kind,
    file: source.file,
    label: source.label,
    exists: existsSync(source.file),
    ...(source.startTime !== undefined && { startTime: source.startTime }),
    ...(source.pid !== undefined && { pid: source.pid }),
  };
}
