// The payloads of the ANCM Logs panel's messages (declared in requests.ts): the log engine runs in the server
// process; the client asks it to follow a site's logs and receives entries as notifications. Plain data: the
// webview reads these shapes too.

import type { AncmLevel, LogSource } from './levels';

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
  /** The failure causes the entry shows (ids of the session's `failureCauses`), most specific first; absent when none. */
  readonly causes?: readonly string[];
}

/** A failure cause as the panel shows it: what it means, how to fix it, the docs, the web.config rules that prove it. */
export interface FailureCauseInfo {
  /** Stable id (ancm/failureCauses.ts): what entries' `causes` name. */
  readonly id: string;
  readonly meaning: string;
  /** In order. */
  readonly fix: readonly string[];
  /** Microsoft's page about it (https). */
  readonly docs: string;
  /** Diagnostics rule ids (web.config) that report this cause before deployment. */
  readonly rules?: readonly string[];
}

/** A step of a worker process's start, as ANCM's debug log and the app's output show it. */
export type StartupStepKind = 'hostfxr' | 'handler' | 'clr' | 'listening' | 'failed';

export interface StartupStep {
  readonly kind: StartupStepKind;
  /** ISO time, when the line carries one. */
  readonly time?: string;
  /** What happened, short: `hostfxr resolved`, `listening on http://127.0.0.1:5000`, the failure's first line. */
  readonly text: string;
}

/** How a worker process's start went, read from its entries across the stdout, debug and event logs. */
export interface StartupVerdict {
  /** Absent when the entries name no process. */
  readonly pid?: number;
  /** `starting`: steps were seen, neither a failure nor listening yet. */
  readonly outcome: 'started' | 'failed' | 'starting';
  /**
   * The one line: `PID 4752 did not start: framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25) → install the
   * .NET 8 Hosting Bundle (x64)`, `PID 4752 started in 1.8 s (startupTimeLimit 120 s)`.
   */
  readonly summary: string;
  /** The failure causes seen in the process's entries, the one the summary names first. */
  readonly causes: readonly string[];
  readonly steps: readonly StartupStep[];
  /** When the process started (ISO), when known. */
  readonly startTime?: string;
  /** Seconds from the start to listening, when both times are known. */
  readonly startupSeconds?: number;
  /** web.config's startupTimeLimit (seconds; 120 by default), when the verdict was made against it. */
  readonly startupTimeLimit?: number;
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
  /** The level ANCM logs at by the web.config's debugLevel, when it names one: the panel starts there. */
  readonly debugLevel?: AncmLevel;
  readonly site: SiteLogsStatus;
  /** Newest first. */
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
  /** The failure causes entries may name, sent once per session. */
  readonly failureCauses?: readonly FailureCauseInfo[];
  /** A verdict per worker process seen in the logs so far, oldest first. */
  readonly verdicts?: readonly StartupVerdict[];
}

/** WORKSPACE_TRUST_NOTIFICATION's payload. */
export interface WorkspaceTrustParams {
  readonly trusted: boolean;
}

export interface CloseLogsParams {
  readonly sessionId: string;
}

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

export interface LogEntriesParams {
  readonly sessionId: string;
  readonly entries: readonly LogEntryMessage[];
}

export interface LogSourcesParams {
  readonly sessionId: string;
  readonly sources: readonly LogSourceInfo[];
  /** Read again with the sources: a worker's first start creates the folder and a file. */
  readonly site: SiteLogsStatus;
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
  /** The startup verdicts, current (sent again whenever they change, with the sources as they are). */
  readonly verdicts?: readonly StartupVerdict[];
}

export interface LogResetParams {
  readonly sessionId: string;
  readonly sourceId: string;
  readonly reason: 'truncated' | 'replaced' | 'deleted' | 'created';
}

export interface LatestStdoutParams {
  /** The web.config whose newest stdout file to open (its text as the editor has it, unsaved edits included). */
  readonly webConfigUri: string;
  /** As in OpenLogsParams: paths outside the workspace the user agreed to have read. */
  readonly allowedPaths?: readonly string[];
}

/** The newest stdout file, or why there is none to open. */
export type LatestStdoutResult =
  | { readonly file: string }
  | { readonly withheld: WithheldLogPath }
  | { readonly none: { readonly pattern: string; readonly stdoutEnabled: boolean } };

export interface RawLogFileParams {
  readonly sessionId: string;
  readonly sourceId: string;
}

/** The file to open in an editor for a source (its real path in Restricted Mode), or why it is not opened. */
export type RawLogFileResult = { readonly file: string } | { readonly refused: string };

/** How much of a plain-text document is looked at to tell whether it holds ANCM's Event Log records. */
export const EVENT_TEXT_SAMPLE_CHARS = 64 * 1024;

/**
 * Whether a plain-text or .log document may hold ANCM's Event Log records as users copy them (Event Viewer's text or
 * XML; the provider is "IIS AspNetCore Module" or "IIS AspNetCore Module V2"). A cheap first look, so that the client
 * sends only such documents to the server, which reads them properly.
 */
export function mayHoldAncmEvents(text: string): boolean {
  const sample = text.length > EVENT_TEXT_SAMPLE_CHARS ? text.slice(0, EVENT_TEXT_SAMPLE_CHARS) : text;
  return sample.includes('AspNetCore Module');
}

