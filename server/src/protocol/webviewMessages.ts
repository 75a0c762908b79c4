// The messages between the extension host and the ANCM Logs webview. Both sides compile this one file:
// the extension bundle (Node) and the web bundle (browser). Entries and sources travel as the server sent
// them (server/src/protocol.ts); what the panel shows of them is decided in the webview.

import type { FailureCauseInfo, LogEntryMessage, LogResetParams, LogSourceInfo, OlderStdoutFile, SiteLogsStatus, StartupVerdict } from './logs';
import type { AncmLevel } from './levels';

/** A new session: the webview drops what it shows and starts over with these sources. */
export interface SessionMessage {
  readonly type: 'session';
  /** Identifies the site: the webview keeps the user's filters while it stays the same. */
  readonly webConfigUri: string;
  /** The web.config path as the user knows it (workspace-relative when possible). */
  readonly webConfigLabel: string;
  readonly sources: readonly LogSourceInfo[];
  /** The level the panel starts at: from the web.config's debugLevel, else TRACE (everything). */
  readonly defaultLevel: AncmLevel;
  readonly maxEntries: number;
  readonly site: SiteLogsStatus;
  /** The site's stdout files that are not followed, newest first: the source picker offers them. */
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
  /** What entries' `causes` name: meaning, fix, docs link, web.config rules. */
  readonly failureCauses: readonly FailureCauseInfo[];
  /** A startup verdict per worker process seen so far. */
  readonly verdicts: readonly StartupVerdict[];
}

/** New entries, in file order per source. */
export interface EntriesMessage {
  readonly type: 'entries';
  readonly entries: readonly LogEntryMessage[];
}

/** An answer to `loadEarlier`: entries just before the earliest one shown for that source. */
export interface EarlierEntriesMessage {
  readonly type: 'earlier';
  readonly sourceId: string;
  readonly entries: readonly LogEntryMessage[];
  /** False when the start of the file has been reached. */
  readonly more: boolean;
  /** Set when the server could not read them; `more` is then unchanged (true). */
  readonly error?: string;
}

export interface SourcesMessage {
  readonly type: 'sources';
  readonly sources: readonly LogSourceInfo[];
  readonly site: SiteLogsStatus;
  readonly olderStdoutFiles: readonly OlderStdoutFile[];
  /** The startup verdicts as they are now (absent: unchanged). */
  readonly verdicts?: readonly StartupVerdict[];
}

/** An answer to `openOlderStdout`: the file as a source of its own, and its last entries. */
export interface OlderStdoutMessage {
  readonly type: 'olderStdout';
  readonly fileName: string;
  /** Absent when it could not be read; `error` says why. */
  readonly source?: LogSourceInfo;
  readonly entries: readonly LogEntryMessage[];
  readonly more: boolean;
  readonly error?: string;
}

/** A file was truncated, replaced, deleted or (re)created. */
export interface SourceResetMessage {
  readonly type: 'sourceReset';
  readonly sourceId: string;
  readonly reason: LogResetParams['reason'];
}

/** The `ancm.logs.maxEntries` setting changed. */
export interface MaxEntriesMessage {
  readonly type: 'maxEntries';
  readonly maxEntries: number;
}

/** Why there is nothing to show; the webview says it and offers what helps. */
export interface UnavailableMessage {
  readonly type: 'unavailable';
  readonly reason: 'noWebConfig' | 'serverStarting' | 'serverStopped' | 'openFailed';
  readonly message: string;
}

export type ExtensionToWebviewMessage =
  | SessionMessage
  | EntriesMessage
  | EarlierEntriesMessage
  | SourcesMessage
  | OlderStdoutMessage
  | SourceResetMessage
  | MaxEntriesMessage
  | UnavailableMessage;

/** The webview's script is listening: the extension sends the current state. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Open the raw file at an entry. The extension looks the file up by source id: the webview never names a path. */
export interface OpenRawMessage {
  readonly type: 'openRaw';
  readonly sourceId: string;
  /** Byte offset of the entry in its file. */
  readonly offset: number;
}

export interface LoadEarlierMessage {
  readonly type: 'loadEarlier';
  readonly sourceId: string;
}

/** The empty state's button: pick the web.config whose logs to show. */
export interface ChooseWebConfigMessage {
  readonly type: 'chooseWebConfig';
}

/** The "stdout logging is off — Enable" button: runs Enable stdout Logging on the panel's web.config. */
export interface EnableStdoutLoggingMessage {
  readonly type: 'enableStdoutLogging';
}

/** The source picker chose an older stdout file: one of the `olderStdoutFiles` the extension sent, by name. */
export interface OpenOlderStdoutMessage {
  readonly type: 'openOlderStdout';
  readonly fileName: string;
}

/**
 * A click on a source location in a log entry (`C:\src\App\Program.cs:line 22`, `in /src/x.cs:line 5`). The
 * path is log text: the extension opens it only when it is a file inside the workspace.
 */
export interface OpenLocationMessage {
  readonly type: 'openLocation';
  readonly path: string;
  /** 1-based, as stack traces write it. */
  readonly line?: number;
}

/** A click on an http(s) URL in a log entry: VS Code asks the user before it opens it in the browser. */
export interface OpenUrlMessage {
  readonly type: 'openUrl';
  readonly url: string;
}

/**
 * An explained entry's "Show the rule": the extension opens the panel's web.config at the first problem of that
 * diagnostics rule. The rule id comes from the cause table the server sent, never from log text.
 */
export interface ShowRuleMessage {
  readonly type: 'showRule';
  readonly rule: string;
}

/** Copy Entry and Copy Shown Entries as Markdown: the extension writes the text to the clipboard. */
export interface CopyTextMessage {
  readonly type: 'copyText';
  readonly text: string;
}

/** The notice's "Read…" on logs withheld outside the workspace: ask the user again. */
export interface AllowWithheldLogsMessage {
  readonly type: 'allowWithheldLogs';
}

export type WebviewToExtensionMessage =
  | AllowWithheldLogsMessage
  | ReadyMessage
  | OpenRawMessage
  | LoadEarlierMessage
  | ChooseWebConfigMessage
  | EnableStdoutLoggingMessage
  | OpenOlderStdoutMessage
  | OpenLocationMessage
  | OpenUrlMessage
  | ShowRuleMessage
  | CopyTextMessage;

/** Longest path the panel sends from a log line (Windows' extended-length limit). */
export const MAX_LOCATION_PATH_LENGTH = 32_767;
/** Longest URL the panel sends. */
export const MAX_URL_LENGTH = 8192;
/** Most text one copy puts on the clipboard (characters). */
export const MAX_COPY_LENGTH = 16 * 1024 * 1024;

/** Checks a message from the webview before acting on it: the extension never trusts its shape. */
export function isWebviewToExtensionMessage(value: unknown): value is WebviewToExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'allowWithheldLogs':
    case 'chooseWebConfig':
    case 'enableStdoutLogging':
      return true;
    case 'openOlderStdout':
      return isFileName(message.fileName);
    case 'openLocation':
      return (
        typeof message.path === 'string' &&
        message.path.length > 0 &&
        message.path.length <= MAX_LOCATION_PATH_LENGTH &&
        !message.path.includes('\0') &&
        (message.line === undefined || (isNonNegativeInteger(message.line) && message.line > 0))
      );
    case 'openUrl':
      return typeof message.url === 'string' && isWebUrl(message.url);
    case 'showRule':
      return typeof message.rule === 'string' && message.rule.length <= 64 && RULE_ID.test(message.rule);
    case 'copyText':
      return typeof message.text === 'string' && message.text.length <= MAX_COPY_LENGTH;
    case 'loadEarlier':
      return typeof message.sourceId === 'string';
    case 'openRaw':
      return typeof message.sourceId === 'string' && isNonNegativeInteger(message.offset);
    default:
      return false;
  }
}

/** A diagnostics rule id as the rules name themselves: kebab-case. */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){0,10}$/;

/** A bare file name: no folder part, so it can only name a file of the listing it came from. */
function isFileName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 255 && !/[\\/\0]/.test(value) && value !== '.' && value !== '..';
}

/** An absolute http or https URL: nothing else (no file:, command:, javascript: or vscode: links). */
export function isWebUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
