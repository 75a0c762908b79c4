// The ANCM Logs view in the bottom panel: a webview that shows one site's logs at a time. This side holds the
// log session with the language server and relays it to the webview (webviewMessages.ts); the webview filters,
// follows and renders. Switching to another web.config closes the old session.

import {
  type CancellationToken,
  type ConfigurationChangeEvent,
  type Disposable,
  Uri,
  type Webview,
  type WebviewView,
  type WebviewViewProvider,
  type WebviewViewResolveContext,
  commands,
  env,
  window,
  workspace,
} from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { ENABLE_STDOUT_LOGGING } from '../commands/stdoutLoggingCommands';
import { isWebConfig } from '../targetWebConfig';
import { createNonce, logPanelHtml } from './logPanelHtml';
import { type LogSession, LogSessionRouter } from './logSession';
import { openLogLocation, openLogUrl } from './openLogLink';
import { openRawLog } from './openRawLog';
import { showRuleInWebConfig } from './showRule';
import { type ExtensionToWebviewMessage, type WebviewToExtensionMessage, isWebviewToExtensionMessage } from '../../../server/src/protocol/webviewMessages';
import { type LogPathDecisions, askToReadWithheldLogs } from './withheldLogs';

export const LOGS_VIEW_ID = 'ancm.logs';

/** How much history one "Load earlier" asks for, per source. */
const EARLIER_BYTES = 256 * 1024;
/** How much of an older stdout file opening it reads first: as much as a followed file shows at start. */
const OLDER_FILE_BYTES = 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 200_000;
const MIN_MAX_ENTRIES = 1_000;
const MAX_MAX_ENTRIES = 1_000_000;

export class LogPanelProvider implements WebviewViewProvider, Disposable {
  private view: WebviewView | undefined;
  /** The webview's script is listening. */
  private webviewReady = false;
  private client: LanguageClient | undefined;
  private router: LogSessionRouter | undefined;
  private target: Uri | undefined;
  private session: LogSession | undefined;
  /** Bumped whenever a session in flight must be dropped on arrival (target changed, view closed). */
  private generation = 0;
  private opening = false;
  private readonly disposables: Disposable[] = [];

  constructor(
    private readonly extensionUri: Uri,
    /** The user's answers about log paths outside the workspace. */
    private readonly pathDecisions: LogPathDecisions,
    /** The empty state's "Choose web.config…" button. */
    private readonly chooseWebConfig: () => Promise<void>,
  ) {
    this.disposables.push(
      workspace.onDidChangeConfiguration((event) => this.onConfigurationChanged(event)),
      workspace.onDidSaveTextDocument((document) => this.onWebConfigSaved(document.uri)),
    );
  }

  /** The language server, while it runs: it reads the logs. */
  get runningServer(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** The web.config whose logs the panel shows (or will show once the view opens). */
  get currentTarget(): Uri | undefined {
    return this.target;
  }

  /** The language client exists once activate() made it; it may still be starting. */
  attachClient(client: LanguageClient): void {
    this.client = client;
    this.router = new LogSessionRouter(client);
    this.disposables.push(
      this.router,
      client.onDidChangeState(({ newState }) => {
        // A stopped server took its sessions with it; a restarted one needs a new one.
        if (newState !== State.Starting) this.closeSession();
        this.refresh();
      }),
    );
    this.refresh();
  }

  resolveWebviewView(view: WebviewView, _context: WebviewViewResolveContext, _token: CancellationToken): void {
    // A new webview (first open, or the view was moved) has none of the old entries: start over.
    this.closeSession();
    this.view = view;
    this.webviewReady = false;
    // Opened by hand while editing a web.config: show that site's logs without asking.
    const editor = window.activeTextEditor;
    if (!this.target && editor && isWebConfig(editor.document)) this.target = editor.document.uri;
    const distUri = Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [distUri] };
    view.webview.html = this.pageFor(view.webview, distUri);
    this.updateDescription();
    view.onDidDispose(() => {
      if (this.view !== view) return;
      this.view = undefined;
      this.webviewReady = false;
      this.closeSession();
    });
    view.webview.onDidReceiveMessage((message: unknown) => {
      if (isWebviewToExtensionMessage(message)) void this.onMessage(message);
    });
  }

  /** Shows the logs of a web.config, replacing the session of another one. */
  async show(target: Uri): Promise<void> {
    if (this.target?.toString() !== target.toString()) {
      this.closeSession();
      this.target = target;
      this.updateDescription();
    }
    // Opens the panel and resolves the view when it was never shown.
    await commands.executeCommand(`${LOGS_VIEW_ID}.focus`);
    this.refresh();
  }

  /** Opens the session again: what may be read changed (the workspace became trusted, the user allowed a path). */
  reopen(): void {
    this.closeSession();
    this.refresh();
  }

  dispose(): void {
    this.closeSession();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private pageFor(webview: Webview, distUri: Uri): string {
    const resource = (...path: string[]) => webview.asWebviewUri(Uri.joinPath(distUri, ...path)).toString();
    return logPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: resource('logPanel.js'),
      styleUris: [resource('codicons', 'codicon.css'), resource('logPanel.css')],
    });
  }

  /** Opens a session when everything it needs is there; otherwise tells the webview why not. */
  private refresh(): void {
    if (!this.view || !this.webviewReady || this.session || this.opening) return;
    if (!this.target) {
      this.post({
        type: 'unavailable',
        reason: 'noWebConfig',
        message: 'Choose a web.config to follow the logs of its site: its stdout log files and the ANCM debug log.',
      });
    } else if (!this.client || this.client.state === State.Starting) {
      this.post({ type: 'unavailable', reason: 'serverStarting', message: 'Starting the ANCM language server…' });
    } else if (this.client.state === State.Stopped) {
      this.post({
        type: 'unavailable',
        reason: 'serverStopped',
        message: 'The ANCM language server is not running, and it reads the logs. The "ANCM Language Server" output tells why.',
      });
    } else {
      void this.openSession(this.target);
    }
  }

  private async openSession(target: Uri): Promise<void> {
    const router = this.router;
    if (!router) return;
    const generation = this.generation;
    // As written: the server resolves relative paths against the site root and judges each path before reading it.
    // In Restricted Mode VS Code gives only the user's own value of this setting (restrictedConfigurations).
    const extraFiles = workspace.getConfiguration('ancm.logs', target).get<unknown[]>('extraFiles', []).filter((file): file is string => typeof file === 'string');
    this.opening = true;
    let session: LogSession | undefined;
    let failure: unknown;
    try {
      session = await router.open({ webConfigUri: target.toString(), extraFiles, allowedPaths: this.pathDecisions.allowed() });
    } catch (error) {
      failure = error;
    } finally {
      this.opening = false;
    }
    if (generation !== this.generation || !this.view) {
      // Meanwhile the target changed or the view closed: this session is not wanted, maybe another one is.
      session?.close();
      this.refresh();
      return;
    }
    if (!session) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      this.post({ type: 'unavailable', reason: 'openFailed', message: `Could not follow the logs of ${workspace.asRelativePath(target)}: ${reason}` });
      return;
    }
    this.session = session;
    this.post({
      type: 'session',
      webConfigUri: target.toString(),
      webConfigLabel: workspace.asRelativePath(target),
      sources: session.sources,
      // Without a debugLevel, everything: a default that hides lines would hide them unnoticed.
      defaultLevel: session.debugLevel ?? 'TRACE',
      maxEntries: maxEntriesSetting(),
      site: session.site,
      olderStdoutFiles: session.olderStdoutFiles,
      failureCauses: session.failureCauses,
      verdicts: session.verdicts,
    });
    session.listen({
      onEntries: (entries) => this.post({ type: 'entries', entries }),
      onSources: (update) => this.post({ type: 'sources', ...update }),
      onReset: ({ sourceId, reason }) => this.post({ type: 'sourceReset', sourceId, reason }),
    });
    void this.askAboutWithheldLogs(session, false);
  }

  /** Asks, once per path, before logs outside the workspace or on a network share are read; reopens when allowed. */
  private async askAboutWithheldLogs(session: LogSession, askAgain: boolean): Promise<void> {
    const target = this.target;
    if (!target) return;
    const allowed = await askToReadWithheldLogs(session.site.withheld, this.pathDecisions, workspace.asRelativePath(target), askAgain);
    if (allowed && session === this.session) this.reopen();
  }

  private closeSession(): void {
    this.generation++;
    this.session?.close();
    this.session = undefined;
  }

  private async onMessage(message: WebviewToExtensionMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // The page (re)loaded: whatever it showed is gone.
        this.closeSession();
        this.webviewReady = true;
        this.refresh();
        break;
      case 'chooseWebConfig':
        await this.chooseWebConfig();
        break;
      case 'openRaw': {
        // The webview names a source, never a path, and the server names the file: only files of the session open.
        const answer = await this.session?.rawFile(message.sourceId);
        if (answer && 'file' in answer) await openRawLog(answer.file, message.offset);
        else if (answer) void window.showWarningMessage(`The raw log is not opened: ${answer.refused}.`);
        break;
      }
      case 'loadEarlier':
        await this.loadEarlier(message.sourceId);
        break;
      case 'enableStdoutLogging':
        await this.enableStdoutLogging();
        break;
      case 'openOlderStdout':
        await this.openOlderStdout(message.fileName);
        break;
      case 'openLocation':
        await openLogLocation(message.path, message.line);
        break;
      case 'openUrl':
        await openLogUrl(message.url);
        break;
      case 'showRule':
        if (this.target) await showRuleInWebConfig(this.target, message.rule);
        break;
      case 'copyText':
        await env.clipboard.writeText(message.text);
        break;
      case 'allowWithheldLogs':
        if (this.session) await this.askAboutWithheldLogs(this.session, true);
        break;
    }
  }

  /** Runs the command on the panel's web.config: it edits the file shown, so that one is brought forward. */
  private async enableStdoutLogging(): Promise<void> {
    const target = this.target;
    if (!target) return;
    await window.showTextDocument(target, { preview: false });
    await commands.executeCommand(ENABLE_STDOUT_LOGGING);
  }

  private async openOlderStdout(fileName: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    let message: ExtensionToWebviewMessage;
    try {
      const result = await session.openOlderStdout(fileName, OLDER_FILE_BYTES);
      message = result
        ? { type: 'olderStdout', fileName, source: result.source, entries: result.entries, more: result.more }
        : { type: 'olderStdout', fileName, entries: [], more: false, error: 'it is no longer in the stdout folder' };
    } catch (error) {
      message = { type: 'olderStdout', fileName, entries: [], more: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (session === this.session) this.post(message);
  }

  /**
   * While stdout logging is off, saving the web.config (after Enable, or an edit by hand) opens the session
   * again, so the panel follows what the saved file now says. Otherwise a save leaves the session as it is.
   */
  private onWebConfigSaved(uri: Uri): void {
    if (!this.session || this.target?.toString() !== uri.toString() || this.session.site.stdoutEnabled) return;
    this.closeSession();
    this.refresh();
  }

  private async loadEarlier(sourceId: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      const result = await session.earlier(sourceId, EARLIER_BYTES);
      if (session === this.session) this.post({ type: 'earlier', sourceId, entries: result.entries, more: result.more });
    } catch (error) {
      if (session === this.session) this.post({ type: 'earlier', sourceId, entries: [], more: true, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private onConfigurationChanged(event: ConfigurationChangeEvent): void {
    if (event.affectsConfiguration('ancm.logs.maxEntries') && this.session) this.post({ type: 'maxEntries', maxEntries: maxEntriesSetting() });
    if (event.affectsConfiguration('ancm.logs.extraFiles', this.target) && this.session) {
      this.closeSession();
      this.refresh();
    }
  }

  private updateDescription(): void {
    if (this.view) this.view.description = this.target ? workspace.asRelativePath(this.target) : undefined;
  }

  private post(message: ExtensionToWebviewMessage): void {
    void this.view?.webview.postMessage(message);
  }
}

function maxEntriesSetting(): number {
  const value = workspace.getConfiguration('ancm.logs').get<number>('maxEntries', DEFAULT_MAX_ENTRIES);
  return Number.isFinite(value) ? Math.min(MAX_MAX_ENTRIES, Math.max(MIN_MAX_ENTRIES, Math.floor(value))) : DEFAULT_MAX_ENTRIES;
}
