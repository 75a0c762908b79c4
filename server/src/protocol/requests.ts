// Every custom message between the VS Code client and the language server, declared once with its payload types,
// as vscode-eslint and VS Code's JSON extension declare theirs. The webview never imports this file (it talks to
// the extension through webviewMessages.ts), so the JSON-RPC library stays out of its bundle.

import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { HostingModelStateParams, HostingModelStateResult, WebConfigEditParams, WebConfigEditResult } from './edits';
import type {
  CloseLogsParams,
  EarlierLogsParams,
  EarlierLogsResult,
  LatestStdoutParams,
  LatestStdoutResult,
  LogEntriesParams,
  LogResetParams,
  LogSourcesParams,
  OpenLogsParams,
  OpenLogsResult,
  OpenOlderStdoutParams,
  OpenOlderStdoutResult,
  RawLogFileParams,
  RawLogFileResult,
  WorkspaceTrustParams,
} from './logs';
import type { CheckPublishFolderParams, CheckPublishFolderResult } from './publish';
import type { PublishChoicesParams, PublishChoicesResult, PublishedWebConfigParams, PublishedWebConfigResult } from './publishedWebConfig';

/**
 * Client → server: the workspace's trust changed (VS Code: Restricted Mode left). The state at start travels in
 * `initializationOptions.workspaceTrusted`; a client that sends neither is treated as Restricted Mode, where only
 * logs inside the site are read.
 */
export const WORKSPACE_TRUST_NOTIFICATION = new NotificationType<WorkspaceTrustParams>('ancm/workspaceTrust');

/** Client → server: start following a site's logs. */
export const OPEN_LOGS_REQUEST = new RequestType<OpenLogsParams, OpenLogsResult, void>('ancm/logs/open');

/** Client → server: stop following. */
export const CLOSE_LOGS_NOTIFICATION = new NotificationType<CloseLogsParams>('ancm/logs/close');

/** Client → server: entries before the earliest one delivered for a source (history paging). */
export const EARLIER_LOGS_REQUEST = new RequestType<EarlierLogsParams, EarlierLogsResult, void>('ancm/logs/earlier');

/**
 * Client → server: the entries of an older stdout file (its last part, like a followed file; earlier pages through
 * EARLIER_LOGS_REQUEST with the source's id). The file is not followed: it no longer grows. Null when the name is
 * not (or no longer) one of the session's older files.
 */
export const OPEN_OLDER_STDOUT_REQUEST = new RequestType<OpenOlderStdoutParams, OpenOlderStdoutResult | null, void>('ancm/logs/openOlderStdout');

/** Server → client: new entries, in file order per source. */
export const LOG_ENTRIES_NOTIFICATION = new NotificationType<LogEntriesParams>('ancm/logs/entries');

/** Server → client: the set of sources changed (a new stdout file appeared, a file was created). */
export const LOG_SOURCES_NOTIFICATION = new NotificationType<LogSourcesParams>('ancm/logs/sources');

/** Server → client: a file was truncated, replaced, deleted or (re)created. */
export const LOG_RESET_NOTIFICATION = new NotificationType<LogResetParams>('ancm/logs/reset');

/** Client → server: the newest stdout file of a site (Open Latest stdout Log), judged by the same path policy as the panel. */
export const LATEST_STDOUT_REQUEST = new RequestType<LatestStdoutParams, LatestStdoutResult, void>('ancm/logs/latestStdout');

/**
 * Client → server: compute a command's edit on the server's model of the document (never applied by the server: the
 * client applies it, after its own confirmations). Answers `{ cannot, stale: true }` when the document is not at
 * the asked version, and `{ cannot }` for any other reason; never an error.
 */
export const WEB_CONFIG_EDIT_REQUEST = new RequestType<WebConfigEditParams, WebConfigEditResult, void>('ancm/webConfig/edit');

/** Client → server: the hosting model of a web.config (the section under the cursor), for the status bar. */
export const HOSTING_MODEL_STATE_REQUEST = new RequestType<HostingModelStateParams, HostingModelStateResult, void>('ancm/webConfig/hostingModelState');

/**
 * Client → server: the file to open in an editor for one of a session's sources ("Open raw log"). In Restricted Mode
 * the server answers the file's real path only when it lies inside the site, so a planted symbolic link opens nothing.
 */
export const RAW_LOG_FILE_REQUEST = new RequestType<RawLogFileParams, RawLogFileResult, void>('ancm/logs/rawFile');

/**
 * Client → server: run the publish checks on a folder ("ANCM: Check Publish Folder…"), with the web.config in it (the
 * editor's text when it is open). Never an error: a folder that is not a publish output answers `{ notPublishOutput }`.
 */
export const CHECK_PUBLISH_FOLDER_REQUEST = new RequestType<CheckPublishFolderParams, CheckPublishFolderResult, void>('ancm/publish/checkFolder');

/** Client → server: the project a web.config or project file belongs to, with the choices a publish can be made with. */
export const PUBLISH_CHOICES_REQUEST = new RequestType<PublishChoicesParams, PublishChoicesResult, void>('ancm/published/choices');

/** Client → server: the project's web.config as `dotnet publish` would write it for one choice. Never an error: `{ cannot }`. */
export const PUBLISHED_WEB_CONFIG_REQUEST = new RequestType<PublishedWebConfigParams, PublishedWebConfigResult, void>('ancm/published/webConfig');
