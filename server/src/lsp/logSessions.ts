// The server side of the ANCM Logs panel: each `ancm/logs/open` request starts a SiteLogFollower for
// one web.config, and its entries, source changes and resets go to the client as notifications,
// batched so that a large initial tail does not flood the connection. With the sources go what the panel's
// empty states need (is stdout logging on, does its folder exist) and the older stdout files it can open.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { type PermittedLogs, permittedLogs } from '../logs/logPathPolicy';
import { confinedPath } from '../files/openFile';
import { listStdoutLogs } from '../logs/stdoutFiles';
import { type SiteLogs, locateSiteLogs, parseWebConfig } from '../service/languageService';
import { FAILURE_CAUSES, explainLogEntryIds } from '../logs/explainLog';
import { StartupVerdicts, startupTimeLimitOf } from '../logs/startupVerdict';
import { mergeByTime } from '../logs/mergeByTime';
import { type FollowedSource, SiteLogFollower } from '../logs/siteLogFollower';
import type { LogEntry } from '../logs/types';
import {
  type CloseLogsParams,
  type FailureCauseInfo,
  type EarlierLogsParams,
  type EarlierLogsResult,
  type LatestStdoutParams,
  type LatestStdoutResult,
  type LogEntryMessage,
  type LogSourceInfo,
  type OlderStdoutFile,
  type OpenLogsParams,
  type OpenLogsResult,
  type OpenOlderStdoutParams,
  type OpenOlderStdoutResult,
  type RawLogFileParams,
  type RawLogFileResult,
  type SiteLogsStatus,
} from '../protocol/logs';
import { CLOSE_LOGS_NOTIFICATION, LATEST_STDOUT_REQUEST, RAW_LOG_FILE_REQUEST, EARLIER_LOGS_REQUEST, LOG_ENTRIES_NOTIFICATION, LOG_RESET_NOTIFICATION, LOG_SOURCES_NOTIFICATION, OPEN_LOGS_REQUEST, OPEN_OLDER_STDOUT_REQUEST } from '../protocol/requests';
import { OlderStdoutLog, findOlderStdoutFile, listOlderStdoutFiles } from './olderStdoutLogs';

/** Entries are sent at most this often, and at most this many in one notification. */
const BATCH_INTERVAL_MS = 50;
const BATCH_MAX_ENTRIES = 2000;
/** The most of an older stdout file one request reads. */
const MAX_OLDER_PAGE_BYTES = 16 * 1024 * 1024;

/** What the server knows of the workspace the logs are read for. */
export interface LogAccess {
  /** False in Restricted Mode (and until the client says otherwise). */
  readonly trusted: boolean;
  /** The workspace folders (file system paths): in a trusted workspace, logs in them are read without asking. */
  readonly workspaceFolders: readonly string[];
}

interface Session {
  readonly site: SiteLogs;
  readonly permitted: PermittedLogs;
  /** The site root in Restricted Mode: every read stays inside its real path. */
  readonly confineTo: string | undefined;
  readonly follower: SiteLogFollower;
  /** Older stdout files the panel opened, by source id. */
  readonly older: Map<string, OlderStdoutLog>;
  pending: LogEntryMessage[];
  timer: NodeJS.Timeout | undefined;
  /** Source notifications are built asynchronously (a folder listing): this keeps them in order. */
  sourcesSent: Promise<void>;
  /** A startup verdict per worker process, from every entry the session delivered. */
  readonly verdicts: StartupVerdicts;
  /** The verdicts last sent (JSON), so that they go again only when they changed. */
  verdictsSent: string;
  /** The older stdout files last listed: a verdicts-only update sends them again without listing the folder. */
  lastOlder: OlderStdoutFile[];
}

export function registerLogSessions(connection: Connection, openDocument: (uri: string) => TextDocument | undefined, access: () => LogAccess): void {
  const sessions = new Map<string, Session>();
  let nextSession = 1;

  function send(sessionId: string, session: Session): void {
    session.timer = undefined;
    while (session.pending.length > 0) {
      const entries = session.pending.splice(0, BATCH_MAX_ENTRIES);
      void connection.sendNotification(LOG_ENTRIES_NOTIFICATION, { sessionId, entries });
    }
    sendVerdictsIfChanged(sessionId, session);
  }

  /** The verdicts go with the sources (as they are): sent again only when new entries changed them. */
  function sendVerdictsIfChanged(sessionId: string, session: Session): void {
    const verdicts = session.verdicts.verdicts();
    const json = JSON.stringify(verdicts);
    if (json === session.verdictsSent) return;
    session.verdictsSent = json;
    session.sourcesSent = session.sourcesSent.then(() => {
      if (sessions.get(sessionId) !== session) return;
      void connection.sendNotification(LOG_SOURCES_NOTIFICATION, {
        sessionId,
        sources: session.follower.sources.map(toSourceInfo),
        site: siteStatus(session),
        olderStdoutFiles: session.lastOlder,
        verdicts,
      });
    });
  }

  /** Entries as they travel, each with its causes, and read for the startup verdicts. */
  function messagesOf(session: Session, source: MessageSource, entries: readonly LogEntry[]): LogEntryMessage[] {
    return entries.map((entry) => {
      const message = toMessage(source, entry);
      track(session, message, source.startTime);
      return message;
    });
  }

  /** A site's logs as web.config says (the editor's text when open), and what of them the path policy lets be read. */
  async function permittedSite(webConfigUri: string, extraFiles: readonly unknown[] | undefined, allowedPaths: readonly unknown[] | undefined) {
    const uri = URI.parse(webConfigUri);
    const text = openDocument(webConfigUri)?.getText() ?? (await readFile(uri.fsPath, 'utf8'));
    const { trusted, workspaceFolders } = access();
    const document = parseWebConfig(text);
    // In Restricted Mode `%VAR%` is not expanded from the server's environment (the policy then withholds the path).
    const site = locateSiteLogs(uri.fsPath, document, trusted ? process.env : {});
    const section = document.sections[0];
    const startupTimeLimit = startupTimeLimitOf(section?.attributes.find((attribute) => attribute.name === 'startupTimeLimit')?.value);
    const permitted = permittedLogs(site, stringsOf(extraFiles), {
      trusted,
      roots: [site.siteRoot, ...(trusted ? workspaceFolders : [])],
      consented: new Set(trusted ? stringsOf(allowedPaths) : []),
    });
    return { uri, site, permitted, confineTo: trusted ? undefined : site.siteRoot, startupTimeLimit };
  }

  connection.onRequest(LATEST_STDOUT_REQUEST, async (params: LatestStdoutParams): Promise<LatestStdoutResult> => {
    const { site, permitted, confineTo } = await permittedSite(params.webConfigUri, [], params.allowedPaths);
    const withheld = permitted.withheld.find((log) => log.setting === 'stdoutLogFile');
    if (withheld) return { withheld };
    const newest = (await listStdoutLogs(site.stdoutFolder, site.stdoutPrefix, confineTo)).at(-1);
    // A symbolic link in the folder is named only when it leads to a file inside the site (Restricted Mode).
    const file = newest && (confineTo === undefined ? newest.path : await confinedPath(newest.path, confineTo).catch(() => undefined));
    if (file) return { file };
    return { none: { pattern: path.join(site.stdoutFolder, `${site.stdoutPrefix}_*.log`), stdoutEnabled: site.stdoutEnabled } };
  });

  connection.onRequest(OPEN_LOGS_REQUEST, async (params: OpenLogsParams): Promise<OpenLogsResult> => {
    const { uri, site, permitted, confineTo, startupTimeLimit } = await permittedSite(params.webConfigUri, params.extraFiles, params.allowedPaths);
    const follower = new SiteLogFollower(
      { ...site, debugLog: permitted.debugLog },
      { extraFiles: permitted.extraFiles, followStdout: permitted.followStdout, ...(confineTo !== undefined && { confineTo }) },
    );
    const sessionId = String(nextSession++);
    const session: Session = {
      site,
      permitted,
      confineTo,
      follower,
      older: new Map(),
      pending: [],
      timer: undefined,
      sourcesSent: Promise.resolve(),
      verdicts: new StartupVerdicts({ startupTimeLimit }),
      verdictsSent: '[]',
      lastOlder: [],
    };
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
      else queue(messagesOf(session, source, entries));
    });
    follower.onSources((sources) => {
      session.sourcesSent = session.sourcesSent.then(async () => {
        const older = await olderFiles(session);
        if (sessions.get(sessionId) !== session) return;
        session.lastOlder = older;
        const verdicts = session.verdicts.verdicts();
        session.verdictsSent = JSON.stringify(verdicts);
        void connection.sendNotification(LOG_SOURCES_NOTIFICATION, { sessionId, sources: sources.map(toSourceInfo), site: siteStatus(session), olderStdoutFiles: older, verdicts });
      }).catch((error: unknown) => connection.console.warn(`logs of ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`));
    });
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
    const merged = mergeByTime(logs);
    // Read in time order, so that a process's failure and its listening line compare as they happened.
    const startTimes = new Map([...history.keys()].map((source) => [source.id, source.startTime]));
    for (const message of merged) track(session, message, startTimes.get(message.sourceId));
    queue(merged);
    session.lastOlder = await olderFiles(session);
    const verdicts = session.verdicts.verdicts();
    session.verdictsSent = JSON.stringify(verdicts);
    return {
      sessionId,
      sources: follower.sources.map(toSourceInfo),
      site: siteStatus(session),
      olderStdoutFiles: session.lastOlder,
      ...(site.logLevel !== undefined && { debugLevel: site.logLevel }),
      failureCauses: FAILURE_CAUSE_INFOS,
      verdicts,
    };
  });

  connection.onRequest(OPEN_OLDER_STDOUT_REQUEST, async (params: OpenOlderStdoutParams): Promise<OpenOlderStdoutResult | null> => {
    const session = sessions.get(params.sessionId);
    if (!session || typeof params.fileName !== 'string') return null;
    // Only a file of the site's stdout listing, looked up by name: the name is never joined to a path.
    if (!session.permitted.followStdout) return null;
    const file = await findOlderStdoutFile(session.site.stdoutFolder, session.site.stdoutPrefix, params.fileName, session.confineTo);
    if (!file) return null;
    const log = new OlderStdoutLog(file, session.confineTo);
    const page = await log.readLast(Math.min(MAX_OLDER_PAGE_BYTES, Math.max(0, Math.floor(Number(params.maxBytes) || 0))));
    session.older.set(log.source.id, log);
    const entries = messagesOf(session, log.source, page.entries);
    sendVerdictsIfChanged(params.sessionId, session);
    return { source: log.source, entries, more: page.more };
  });

  connection.onRequest(EARLIER_LOGS_REQUEST, async (params: EarlierLogsParams): Promise<EarlierLogsResult> => {
    const session = sessions.get(params.sessionId);
    if (!session) return { entries: [], more: false };
    const older = session.older.get(params.sourceId);
    if (older) {
      const page = await older.readEarlier(params.maxBytes);
      const entries = messagesOf(session, older.source, page.entries);
      sendVerdictsIfChanged(params.sessionId, session);
      return { entries, more: page.more };
    }
    const source = session.follower.sources.find((candidate) => candidate.id === params.sourceId);
    if (!source) return { entries: [], more: false };
    const { entries, more } = await session.follower.readEarlier(params.sourceId, params.maxBytes);
    const messages = messagesOf(session, source, entries);
    sendVerdictsIfChanged(params.sessionId, session);
    return { entries: messages, more };
  });

  connection.onRequest(RAW_LOG_FILE_REQUEST, async (params: RawLogFileParams): Promise<RawLogFileResult> => {
    const session = sessions.get(params.sessionId);
    const file = session?.older.get(params.sourceId)?.source.file ?? session?.follower.sources.find((source) => source.id === params.sourceId)?.file;
    if (!session || file === undefined) return { refused: 'the log is no longer followed' };
    if (session.confineTo === undefined) return { file };
    try {
      return { file: await confinedPath(file, session.confineTo) };
    } catch (error) {
      return { refused: error instanceof Error ? error.message : String(error) };
    }
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

/** What the panel's empty and waiting states say, read from web.config and the disk now (a withheld folder is not looked at). */
function siteStatus({ site, permitted }: Session): SiteLogsStatus {
  return {
    stdoutEnabled: site.stdoutEnabled,
    stdoutPattern: asSiteKnowsIt(site, path.join(site.stdoutFolder, `${site.stdoutPrefix}_*.log`)),
    stdoutFolder: asSiteKnowsIt(site, site.stdoutFolder),
    stdoutFolderExists: permitted.followStdout && existsSync(site.stdoutFolder),
    ...(site.debugLog !== undefined && { debugLog: asSiteKnowsIt(site, site.debugLog) }),
    withheld: permitted.withheld,
  };
}

/** The strings of a list from the client (anything else is dropped). */
function stringsOf(list: readonly unknown[] | undefined): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** Relative to the site root when inside it (`logs/stdout_*.log`), else the full path. */
function asSiteKnowsIt(site: SiteLogs, file: string): string {
  const relative = path.relative(site.siteRoot, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function olderFiles(session: Session): Promise<OlderStdoutFile[]> {
  if (!session.permitted.followStdout) return [];
  const followed = new Set(session.follower.sources.filter((source) => source.kind === 'stdout').map((source) => source.file));
  return listOlderStdoutFiles(session.site.stdoutFolder, session.site.stdoutPrefix, followed, session.confineTo);
}

/** What a message needs of its source. */
interface MessageSource {
  readonly id: string;
  readonly pid?: number | undefined;
  readonly startTime?: string | undefined;
}

/** The cause table as plain data, sent once per session. */
const FAILURE_CAUSE_INFOS: readonly FailureCauseInfo[] = FAILURE_CAUSES.map((cause) => ({
  id: cause.id,
  meaning: cause.meaning,
  fix: cause.fix,
  docs: cause.docs,
  ...(cause.rules !== undefined && cause.rules.length > 0 && { rules: cause.rules }),
}));

function track(session: Session, message: LogEntryMessage, processStart: string | undefined): void {
  session.verdicts.add({ ...message, processStart: message.sourceId.startsWith('stdout:') || message.sourceId.startsWith('older:') ? processStart : undefined }, message.sourceId);
}

function toMessage(source: MessageSource, entry: LogEntry): LogEntryMessage {
  const pid = entry.pid ?? source.pid;
  const causes = explainLogEntryIds(entry);
  return {
    sourceId: source.id,
    level: entry.level,
    levelFrom: entry.levelFrom,
    text: entry.text,
    message: entry.message,
    offset: entry.offset,
    ...(entry.eventId !== undefined && { eventId: entry.eventId }),
    ...(entry.time !== undefined && { time: entry.time }),
    ...(pid !== undefined && { pid }),
    ...(entry.origin !== undefined && { origin: entry.origin }),
    ...(causes.length > 0 && { causes }),
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
