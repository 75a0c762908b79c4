// The custom LSP messages between the VS Code client and the language server for the ANCM Logs panel.
// The log engine runs in the server process; the client asks it to follow a site's logs and receives
// entries as notifications. Both sides compile this one file.

import type { AncmLevel, LogSource } from './logs/types';

/** Why a log path is not read (yet): see logs/logPathPolicy.ts. */
export type WithheldReason = 'network' | 'outside-site' | 'outside-workspace' | 'variable';

/** A log the path policy keeps from being read, as the panel explains it. */
export interface WithheldLogPath {
  /** Where the path comes from. */
  readonly setting: 'stdoutLogFile' | 'debugFile' | 'ancm.logs.extraFiles';
  /** As written. */
  readonly configured: string;
  /** As resolved against the site root (the stdout folder for `stdoutLogFile`). */
  readonly path: string;
  readonly reason: WithheldReason;
  /** The user may agree to read it (a trusted workspace). */
  readonly askable: boolean;
}

/** A log file the server follows for a session. */
export interface LogSourceInfo {
  /** Stable within a session: `debug`, `stdout:<file name>`, `extra:<path>`, or `older:<file name>` (an older stdout file opened on request). */
  readonly id: string;
  readonly kind: LogSource;
  /** Absolute path of the file (it may not exist yet). */
  readonly file: string;
  /** What the panel shows: `stdout 2024-01-02 03:04:05 UTC · PID 1234`, `ANCM debug log`. */
  readonly label: string;
  /** stdout files: the worker process's start time from the file name (ISO), when known. */
  readonly startTime?: string;
  readonly pid?: number;
  /** False while the file does not exist (yet): a state to wait for, not an error. */
  readonly exists: boolean;
}

/** An entry as it travels to the client. */
export interface LogEntryMessage {
  readonly sourceId: string;
  readonly time?: string;
  /** The process that wrote it: from the line (debug log), else the stdout file's worker process. */
  readonly pid?: number;
  readonly level: AncmLevel;
  readonly levelFrom: 'logger' | 'catalog' | 'heuristic';
  readonly origin?: string;
  /** The whole entry as written, lines joined with `\n`. */
  readonly text: string;
  /** What a list shows: the text without the format's prefix (time, PID, dll, level, category). */
  readonly message: string;
  /** Event Log records and loggers that write one: the event id. */
  readonly eventId?: number;
  /** Byte offset of the entry in its file; the panel opens the raw file there. */
  readonly offset: number;
  /** 0-based line of the entry in its file, when the server knows it (for "open raw file"). */
  readonly line?: number;
}

export interface OpenLogsParams {
  /** The web.config whose logs to follow. */
  readonly webConfigUri: string;
  /** Extra files to follow as well (`ancm.logs.extraFiles`), as written: a relative path is the site root's. */
  readonly extraFiles?: readonly string[];
  /** Paths outside the workspace, or network paths, the user agreed to have read (a trusted workspace only). */
  readonly allowedPaths?: readonly string[];
}

/**
 * What web.config says about the site's logs, and what is on disk: the panel's empty and waiting states
 * say what is true from it ("stdout logging is off", "waiting for logs/stdout_*.log").
 */
export interface SiteLogsStatus {
  readonly stdoutEnabled: boolean;
  /** The stdout files ANCM writes, as the user knows them: `logs/stdout_*.log` (relative to the site root when inside it). */
  readonly stdoutPattern: string;
  /** The stdout folder, in the same form (`logs`). */
  readonly stdoutFolder: string;
  readonly stdoutFolderExists: boolean;
  /** The debug log, in the same form, when web.config asks ANCM to write one. */
  readonly debugLog?: string;
  /** Logs not read because of where they are (Restricted Mode, a network path, outside the workspace). */
  readonly withheld: readonly WithheldLogPath[];
}

/** Why a log is not read, as the panel and the question before reading it say. */
const WITHHELD_REASONS: Record<WithheldLogPath['reason'], string> = {
  network: 'a network path',
  'outside-site': 'outside the site',
  'outside-workspace': 'outside the workspace',
  variable: 'an environment variable in the path',
};

/** One line per log: `debugFile "\\server\share\debug.log": a network path`. */
export function describeWithheldLog(log: WithheldLogPath): string {
  return `${log.setting} "${log.configured}": ${WITHHELD_REASONS[log.reason]}`;
}

/** A stdout file of the site that is not followed (older than the newest ones): listed, and opened on request. */
export interface OlderStdoutFile {
  /** The file name (no folder): what the panel asks for, checked against the folder's listing. */
  readonly fileName: string;
  /** Like a source's label: `stdout 2024-01-02 03:04:05 UTC · PID 1234`. */
  readonly label: string;
  readonly startTime?: string;
  readonly pid: number;
  readonly size: number;
}

export interface OpenLogsResult {
  readonly sessionId: string;
  readonly sources: readonly LogSourceInfo[];
  /** The debugLevel of the web.config, when set: the panel starts at its level. */
  readonly debugLevel?: string;
  readonly site: SiteLogsStatus;
  /** Newest first. */
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
}

/**
 * Client → server notification: the workspace's trust changed (VS Code: Restricted Mode left). The state at start
 * travels in `initializationOptions.workspaceTrusted`; a client that sends neither is treated as Restricted Mode,
 * where only logs inside the site are read.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'ancm/workspaceTrust';
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}

/** Client → server request: start following a site's logs. */
export const OPEN_LOGS_REQUEST = 'ancm/logs/open';
/** Client → server notification: stop following. */
export const CLOSE_LOGS_NOTIFICATION = 'ancm/logs/close';
export interface CloseLogsParams {
  readonly sessionId: string;
}

/** Client → server request: entries before the earliest one delivered for a source (history paging). */
export const EARLIER_LOGS_REQUEST = 'ancm/logs/earlier';
export interface EarlierLogsParams {
  readonly sessionId: string;
  readonly sourceId: string;
  readonly maxBytes: number;
}
export interface EarlierLogsResult {
  readonly entries: readonly LogEntryMessage[];
  /** False when the start of the file has been reached. */
  readonly more: boolean;
}

/**
 * Client → server request: the entries of an older stdout file (its last part, like a followed file; earlier
 * pages through EARLIER_LOGS_REQUEST with the source's id). The file is not followed: it no longer grows.
 */
export const OPEN_OLDER_STDOUT_REQUEST = 'ancm/logs/openOlderStdout';
export interface OpenOlderStdoutParams {
  readonly sessionId: string;
  /** One of the session's `olderStdoutFiles`. */
  readonly fileName: string;
  readonly maxBytes: number;
}
export interface OpenOlderStdoutResult {
  readonly source: LogSourceInfo;
  readonly entries: readonly LogEntryMessage[];
  /** False when the whole file was read. */
  readonly more: boolean;
}

/** Server → client notification: new entries, in file order per source. */
export const LOG_ENTRIES_NOTIFICATION = 'ancm/logs/entries';
export interface LogEntriesParams {
  readonly sessionId: string;
  readonly entries: readonly LogEntryMessage[];
}

/** Server → client notification: the set of sources changed (a new stdout file appeared, a file was created). */
export const LOG_SOURCES_NOTIFICATION = 'ancm/logs/sources';
export interface LogSourcesParams {
  readonly sessionId: string;
  readonly sources: readonly LogSourceInfo[];
  /** Read again with the sources: a worker's first start creates the folder and a file. */
  readonly site: SiteLogsStatus;
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
}

/** Server → client notification: a file was truncated, replaced, deleted or (re)created. */
export const LOG_RESET_NOTIFICATION = 'ancm/logs/reset';
export interface LogResetParams {
  readonly sessionId: string;
  readonly sourceId: string;
  readonly reason: 'truncated' | 'replaced' | 'deleted' | 'created';
}
