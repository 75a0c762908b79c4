// The client side of the log protocol (server/src/protocol/requests.ts): opens a session for a web.config, routes the
// server's notifications to it by session id, pages history, closes it. Entries and resets can arrive before
// the answer that names their session, and before the panel is ready for them: they wait until it listens.
// A source list that came before the answer is older than the one in it, and is dropped. The session
// remembers every source it was told about (a followed stdout file pushed out by newer ones, an older file
// opened on request), so an entry of any of them can still be opened in its raw file.
// No vscode import: it talks to anything shaped like the LanguageClient, so tests can give it a fake.

import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { AncmLevel } from '../../../server/src/protocol/levels';
import {
  type CloseLogsParams,
  type EarlierLogsParams,
  type EarlierLogsResult,
  type FailureCauseInfo,
  type LogEntriesParams,
  type LogEntryMessage,
  type LogResetParams,
  type LogSourceInfo,
  type LogSourcesParams,
  type OlderStdoutFile,
  type OpenLogsParams,
  type OpenLogsResult,
  type OpenOlderStdoutParams,
  type OpenOlderStdoutResult,
  type RawLogFileResult,
  type SiteLogsStatus,
  type StartupVerdict,
} from '../../../server/src/protocol/logs';
import { CLOSE_LOGS_NOTIFICATION, EARLIER_LOGS_REQUEST, LOG_ENTRIES_NOTIFICATION, LOG_RESET_NOTIFICATION, LOG_SOURCES_NOTIFICATION, OPEN_LOGS_REQUEST, OPEN_OLDER_STDOUT_REQUEST, RAW_LOG_FILE_REQUEST } from '../../../server/src/protocol/requests';

/** What the router needs of the LanguageClient. */
export interface LogServerConnection {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  sendNotification<P>(type: NotificationType<P>, params: P): Promise<void>;
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): { dispose(): void };
}

/** The followed sources, with what goes with them. */
export type LogSourcesUpdate = Omit<LogSourcesParams, 'sessionId'>;

export interface LogSessionListener {
  onEntries(entries: readonly LogEntryMessage[]): void;
  onSources(update: LogSourcesUpdate): void;
  onReset(params: LogResetParams): void;
}

type Delivery = (listener: LogSessionListener) => void;

// Notifications for sessions not known yet are held while an open request is under way, up to this many.
const MAX_EARLY_NOTIFICATIONS = 10_000;

export class LogSession {
  private listener: LogSessionListener | undefined;
  private held: Delivery[] = [];
  private current: LogSourcesUpdate;
  private readonly everySource = new Map<string, LogSourceInfo>();
  private closed = false;
  readonly id: string;
  /** The level ANCM logs at by the web.config's debugLevel, when it names one. */
  readonly debugLevel: AncmLevel | undefined;
  /** What entries' `causes` name, sent once with the session. */
  readonly failureCauses: readonly FailureCauseInfo[];
  private currentVerdicts: readonly StartupVerdict[];

  constructor(
    private readonly router: LogSessionRouter,
    result: OpenLogsResult,
  ) {
    this.id = result.sessionId;
    this.debugLevel = result.debugLevel;
    this.failureCauses = result.failureCauses ?? [];
    this.currentVerdicts = result.verdicts ?? [];
    this.current = { sources: result.sources, site: result.site, olderStdoutFiles: result.olderStdoutFiles };
    this.remember(result.sources);
  }

  /** The files the session follows, kept current by `ancm/logs/sources`. */
  get sources(): readonly LogSourceInfo[] {
    return this.current.sources;
  }

  get site(): SiteLogsStatus {
    return this.current.site;
  }

  get olderStdoutFiles(): readonly OlderStdoutFile[] {
    return this.current.olderStdoutFiles;
  }

  /** A startup verdict per worker process, kept current by `ancm/logs/sources`. */
  get verdicts(): readonly StartupVerdict[] {
    return this.currentVerdicts;
  }

  /** Any source of the session, followed now or before, or opened on request. */
  sourceById(id: string): LogSourceInfo | undefined {
    return this.everySource.get(id);
  }

  /** The file to open for a source, as the server vouches for it. */
  rawFile(sourceId: string): Promise<RawLogFileResult> {
    return this.router.connection.sendRequest(RAW_LOG_FILE_REQUEST, { sessionId: this.id, sourceId });
  }

  /** Starts delivering, first what arrived before. */
  listen(listener: LogSessionListener): void {
    this.listener = listener;
    const held = this.held;
    this.held = [];
    for (const delivery of held) delivery(listener);
  }

  earlier(sourceId: string, maxBytes: number): Promise<EarlierLogsResult> {
    const params: EarlierLogsParams = { sessionId: this.id, sourceId, maxBytes };
    return this.router.connection.sendRequest(EARLIER_LOGS_REQUEST, params);
  }

  /** Reads an older stdout file of the site, by name; undefined when it is not (or no longer) one. */
  async openOlderStdout(fileName: string, maxBytes: number): Promise<OpenOlderStdoutResult | undefined> {
    const params: OpenOlderStdoutParams = { sessionId: this.id, fileName, maxBytes };
    const result = await this.router.connection.sendRequest(OPEN_OLDER_STDOUT_REQUEST, params);
    if (!result) return undefined;
    this.remember([result.source]);
    return result;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listener = undefined;
    this.held = [];
    this.router.forget(this.id);
    const params: CloseLogsParams = { sessionId: this.id };
    // The server may be gone already (stopped, crashed): then there is nothing to close.
    this.router.connection.sendNotification(CLOSE_LOGS_NOTIFICATION, params).catch(() => undefined);
  }

  /** @internal Called by the router. */
  deliver(delivery: Delivery): void {
    if (this.closed) return;
    if (this.listener) delivery(this.listener);
    else this.held.push(delivery);
  }

  /** @internal */
  updateSources(update: LogSourcesUpdate): void {
    this.current = update;
    if (update.verdicts) this.currentVerdicts = update.verdicts;
    this.remember(update.sources);
  }

  private remember(sources: readonly LogSourceInfo[]): void {
    for (const source of sources) this.everySource.set(source.id, source);
  }
}

export class LogSessionRouter {
  private readonly sessions = new Map<string, LogSession>();
  private opening = 0;
  private early: { readonly sessionId: string; readonly delivery: Delivery }[] = [];
  private readonly subscriptions: { dispose(): void }[];

  constructor(readonly connection: LogServerConnection) {
    this.subscriptions = [
      connection.onNotification(LOG_ENTRIES_NOTIFICATION, (params: LogEntriesParams) =>
        this.route(params.sessionId, (listener) => listener.onEntries(params.entries)),
      ),
      connection.onNotification(LOG_SOURCES_NOTIFICATION, ({ sessionId, ...update }: LogSourcesParams) =>
        this.route(sessionId, (listener) => listener.onSources(update), update),
      ),
      connection.onNotification(LOG_RESET_NOTIFICATION, (params: LogResetParams) => this.route(params.sessionId, (listener) => listener.onReset(params))),
    ];
  }

  /** Asks the server to follow a web.config's logs. Rejects when the server refuses or fails. */
  async open(params: OpenLogsParams): Promise<LogSession> {
    this.opening++;
    let result: OpenLogsResult;
    try {
      result = await this.connection.sendRequest(OPEN_LOGS_REQUEST, params);
    } finally {
      this.opening--;
    }
    const session = new LogSession(this, result);
    this.sessions.set(result.sessionId, session);
    const early = this.early;
    this.early = this.opening > 0 ? early.filter((item) => item.sessionId !== result.sessionId) : [];
    for (const item of early) {
      if (item.sessionId === result.sessionId) session.deliver(item.delivery);
    }
    return session;
  }

  dispose(): void {
    for (const session of [...this.sessions.values()]) session.close();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** @internal Called by a closing session. */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private route(sessionId: string, delivery: Delivery, sources?: LogSourcesUpdate): void {
    const session = this.sessions.get(sessionId);
    if (session) {
      if (sources) session.updateSources(sources);
      session.deliver(delivery);
    } else if (this.opening > 0 && !sources && this.early.length < MAX_EARLY_NOTIFICATIONS) {
      this.early.push({ sessionId, delivery });
    }
  }
}
