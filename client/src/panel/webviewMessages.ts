// The messages between the extension host and the ANCM Logs webview. Both sides compile this one file:
// the extension bundle (Node) and the web bundle (browser). Entries and sources travel as the server sent
// them (server/src/protocol.ts); what the panel shows of them is decided in the webview.

import type { LogEntryMessage, LogResetParams, LogSourceInfo } from '../../../server/src/protocol';
import type { AncmLevel } from '../../../server/src/logs/types';

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
  /** 0-based line, when the server knew it. */
  readonly line?: number;
}

export interface LoadEarlierMessage {
  readonly type: 'loadEarlier';
  readonly sourceId: string;
}

/** The empty state's button: pick the web.config whose logs to show. */
export interface ChooseWebConfigMessage {
  readonly type: 'chooseWebConfig';
}

export type WebviewToExtensionMessage = ReadyMessage | OpenRawMessage | LoadEarlierMessage | ChooseWebConfigMessage;

/** Checks a message from the webview before acting on it: the extension never trusts its shape. */
export function isWebviewToExtensionMessage(value: unknown): value is WebviewToExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'chooseWebConfig':
      return true;
    case 'loadEarlier':
      return typeof message.sourceId === 'string';
    case 'openRaw':
      return (
        typeof message.sourceId === 'string' &&
        isNonNegativeInteger(message.offset) &&
        (message.line === undefined || isNonNegativeInteger(message.line))
      );
    default:
      return false;
  }
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
