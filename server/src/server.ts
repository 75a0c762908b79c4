// The LSP shell: documents, capabilities and request handlers over the pure language service.
// Every handler honours cancellation and never throws to the client: a failure is logged and the
// request gets an empty answer. Validation is debounced per document and drops stale results.

import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { DocumentModelCache } from './documentCache';
import { type CompletionOptions, toCompletionItem, toDocumentSymbol, toHover } from './lsp/convert';
import { FIX_ALL_KIND, toDiagnostic, toFixAllAction, toQuickFixAction } from './lsp/diagnostics';
import { registerEditRequests } from './lsp/editRequests';
import { PUBLISH_WATCH_GLOB, PublishFolderChecks, checkFolder } from './lsp/publishDiagnostics';
import { type LogAccess, registerLogSessions } from './lsp/logSessions';
import { RawLogFeatures, isRawLogDocument } from './lsp/rawLogs';
import { SettingsStore } from './lsp/settings';
import { withoutPretenuring } from './lsp/heapHeuristics';
import { ProjectChecks } from './project/projectChecks';
import { registerPublishedWebConfigRequest } from './lsp/publishedWebConfig';
import { type Issue, getLanguageService, getQuickFixes, isWebConfigUri, servedFileKind, withSeverityOverrides } from './service/languageService';
import { type WorkspaceTrustParams } from './protocol/logs';
import { CHECK_PUBLISH_FOLDER_REQUEST, WORKSPACE_TRUST_NOTIFICATION } from './protocol/requests';

/** Options the client may pass in `initializationOptions`. */
export interface ServerInitializationOptions {
  /** A client-side command that reopens completion after an attribute name is inserted. */
  readonly retriggerCompletionCommand?: string;
  /** Milliseconds to wait after the last change before validating (default 200). */
  readonly validationDelay?: number;
  /** The workspace is trusted (VS Code: not in Restricted Mode). Absent means not trusted: logs are read only inside the site. */
  readonly workspaceTrusted?: boolean;
  /**
   * For tests and benchmarks: log `validation pass <uri> version <n>` (window/logMessage, type Log) each time the
   * rules run, so that a client can count the passes per version. Off by default.
   */
  readonly logValidationPasses?: boolean;
}

const DEFAULT_VALIDATION_DELAY_MS = 200;

/** The files whose change on disk changes another file's findings: the hosting-model cross-check, applicationHost's apps. */
const PROJECT_WATCH_GLOB = '**/*.{csproj,fsproj,vbproj,props,pubxml,config}';

/**
 * The validation of one document version, kept from the moment it starts: a code action arriving while the pass
 * still waits for the settings shares it instead of starting a second one.
 */
interface ValidatedVersion {
  readonly version: number;
  readonly issues: Promise<Issue[]>;
}

export function startServer(connection: Connection): void {
  const service = getLanguageService();
  const models = new DocumentModelCache();
  // Each edit is told to the model cache as it is applied, so the next model re-scans only around the edits.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(original, changes, version) {
      let document = original;
      for (const change of changes) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          models.edited(document.uri, Math.min(start, end), Math.max(start, end), change.text.length);
        } else {
          models.replaced(document.uri);
        }
        document = TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
  const validated = new Map<string, ValidatedVersion>();
  // A web.config in a publish output also gets the publish checks' findings (issue 15), re-checked when the folder changes.
  const publishChecks = new PublishFolderChecks((uris) => {
    for (const uri of uris) scheduleValidation(uri, 0);
  }, logFailure);
  const pendingValidation = new Map<string, NodeJS.Timeout>();
  let settings = new SettingsStore(connection, false);
  let completionOptions: CompletionOptions = { snippetSupport: false, retriggerCommand: undefined };
  let validationDelay = DEFAULT_VALIDATION_DELAY_MS;
  let registerForConfigurationChanges = false;
  let registerForWatchedFiles = false;
  let logAccess: LogAccess = { trusted: false, workspaceFolders: [] };
  let logValidationPasses = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as ServerInitializationOptions;
    completionOptions = {
      snippetSupport: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      retriggerCommand: typeof options.retriggerCompletionCommand === 'string' ? options.retriggerCompletionCommand : undefined,
    };
    if (typeof options.validationDelay === 'number' && options.validationDelay >= 0) validationDelay = options.validationDelay;
    logValidationPasses = options.logValidationPasses === true;
    settings = new SettingsStore(connection, params.capabilities.workspace?.configuration === true);
    logAccess = {
      trusted: options.workspaceTrusted === true,
      workspaceFolders: (params.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath),
    };
    registerForConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerForWatchedFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'", ','] },
        hoverProvider: true,
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'ancm-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (registerForConfigurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ancm' });
    // The publish folders' files: the client watches those in the workspace; others get an fs.watch of their own.
    if (registerForWatchedFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PUBLISH_WATCH_GLOB }, { globPattern: PROJECT_WATCH_GLOB }] })
        .then(() => publishChecks.clientWatchesInside(logAccess.workspaceFolders), (error: unknown) => logFailure('registering the file watcher', '', error));
    }
  });

  function logFailure(what: string, uri: string, error: unknown): void {
    connection.console.error(`${what} failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  /** Runs a request against a served document of the kind; anything else, a cancellation or a failure gives `fallback`. */
  function serve<T>(name: string, uri: string, token: CancellationToken, fallback: T, run: (document: TextDocument) => T, kind = 'webConfig'): T {
    const document = documents.get(uri);
    if (!document || servedFileKind(uri) !== kind || token.isCancellationRequested) return fallback;
    try {
      return run(document);
    } catch (error) {
      logFailure(name, uri, error);
      return fallback;
    }
  }

  // The files around web.config: project files, launchSettings.json, applicationHost.config (project/projectChecks.ts),
  // their neighbours read inside the workspace folders, the editor's unsaved text first.
  const projectChecks = new ProjectChecks(() => logAccess.workspaceFolders, (filePath) => documents.get(URI.file(filePath).toString())?.getText());

  connection.onCompletion((params, token) => {
    if (servedFileKind(params.textDocument.uri) === 'project') {
      return serve('completion', params.textDocument.uri, token, null, (document) => {
        const entries = projectChecks.complete(document.getText(), document.offsetAt(params.position));
        return { isIncomplete: false, items: entries.map((entry) => toCompletionItem(document, entry, completionOptions)) };
      }, 'project');
    }
    return serve('completion', params.textDocument.uri, token, null, (document) => {
      const model = models.get(document);
      const entries = service.doComplete(model, document.offsetAt(params.position));
      return { isIncomplete: false, items: entries.map((entry) => toCompletionItem(document, entry, completionOptions)) };
    });
  });

  // Raw ANCM logs opened in the editor: hover and a verdict CodeLens (lsp/rawLogs.ts), never diagnostics.
  const rawLogs = new RawLogFeatures(logFailure);
  const rawLog = (uri: string) => {
    const document = documents.get(uri);
    return document && !isWebConfigUri(uri) && isRawLogDocument(document) ? document : undefined;
  };
  connection.onCodeLens((params, token) => {
    const document = rawLog(params.textDocument.uri);
    return document ? rawLogs.codeLenses(document, params, token) : [];
  });

  connection.onHover((params, token) => {
    const log = rawLog(params.textDocument.uri);
    if (log) return rawLogs.hover(log, params, token);
    if (servedFileKind(params.textDocument.uri) === 'project') {
      return serve('hover', params.textDocument.uri, token, null, (document) => {
        const hover = projectChecks.hover(document.getText(), document.offsetAt(params.position));
        return hover ? toHover(document, hover) : null;
      }, 'project');
    }
    return serve('hover', params.textDocument.uri, token, null, (document) => {
      const hover = service.doHover(models.get(document), document.offsetAt(params.position));
      return hover ? toHover(document, hover) : null;
    });
  });

  connection.onDocumentSymbol((params, token) => {
    if (servedFileKind(params.textDocument.uri) === 'applicationHost') {
      return serve('documentSymbol', params.textDocument.uri, token, [], (document) =>
        projectChecks.symbols(document.getText()).map((symbol) => toDocumentSymbol(document, symbol)), 'applicationHost');
    }
    return serve('documentSymbol', params.textDocument.uri, token, [], (document) =>
      service.findDocumentSymbols(models.get(document)).map((symbol) => toDocumentSymbol(document, symbol)));
  });

  // applicationHost.config: each app's physicalPath opens its web.config.
  connection.onDocumentLinks(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || servedFileKind(document.uri) !== 'applicationHost' || token.isCancellationRequested) return [];
    try {
      return (await projectChecks.links(fsPathOf(document.uri), document.getText())).map((link) => ({
        range: { start: document.positionAt(link.start), end: document.positionAt(link.end) },
        target: link.target,
        tooltip: 'Open the application\'s web.config',
      }));
    } catch (error) {
      logFailure('documentLinks', document.uri, error);
      return [];
    }
  });

  /**
   * The issues of the document's current version: validated now unless a pass for this version already ran or is
   * under way (the debounced pass, or a code action that came first), so one version is validated once.
   */
  function issuesOf(document: TextDocument): Promise<Issue[]> {
    const { uri, version } = document;
    const cached = validated.get(uri);
    if (cached && cached.version === version) return cached.issues;
    const issues = runValidation(document, version);
    const entry = { version, issues };
    validated.set(uri, entry);
    // A failed pass is not kept: the next request tries again.
    issues.catch(() => {
      if (validated.get(uri) === entry) validated.delete(uri);
    });
    return issues;
  }

  async function runValidation(document: TextDocument, version: number): Promise<Issue[]> {
    const ruleSettings = await settings.get(document.uri);
    // The document changed while the settings were fetched: the newer version's own pass will run.
    if (document.version !== version) return [];
    if (logValidationPasses) connection.console.log(`validation pass ${document.uri} version ${version}`);
    const kind = servedFileKind(document.uri);
    if (kind === undefined) return [];
    if (kind !== 'webConfig') return withSeverityOverrides(await projectChecks.issues(fsPathOf(document.uri), document.getText(), kind), ruleSettings.rules);
    const model = models.get(document);
    const { issues, failures } = withoutPretenuring(() => service.doValidation(model, ruleSettings));
    for (const failure of failures) logFailure(`rule ${failure.rule}`, document.uri, failure.error);
    const crossChecks = withSeverityOverrides(await projectChecks.webConfigIssues(fsPathOf(document.uri), model), ruleSettings.rules);
    return crossChecks.length === 0 ? issues : [...issues, ...crossChecks].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    const kind = servedFileKind(uri);
    if (!document || kind === undefined) return;
    try {
      const version = document.version;
      const issues = await issuesOf(document);
      if (kind !== 'webConfig') {
        if (documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics: issues.map((issue) => toDiagnostic(document, issue)) });
        return;
      }
      const ruleSettings = await settings.get(uri);
      // A newer version arrived while settings were fetched: its own pass will publish.
      if (documents.get(uri)?.version !== version) return;
      const own = issues.map((issue) => toDiagnostic(document, issue));
      // After the file's own validation: the publish findings known now go with it, and again once the folder is read.
      await publishChecks.publish(document, models.get(document), own, ruleSettings, () => documents.get(uri)?.version === version,
        (diagnostics) => connection.sendDiagnostics({ uri, version, diagnostics }));
    } catch (error) {
      logFailure('validation', uri, error);
    }
  }

  function scheduleValidation(uri: string, delay = validationDelay): void {
    clearTimeout(pendingValidation.get(uri));
    pendingValidation.set(uri, setTimeout(() => {
      pendingValidation.delete(uri);
      void validate(uri);
    }, delay));
  }

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || servedFileKind(document.uri) === undefined || token.isCancellationRequested) return [];
    try {
      const issues = await issuesOf(document);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const start = document.offsetAt(params.range.start);
        const end = document.offsetAt(params.range.end);
        actions.push(...getQuickFixes(issues, start, end).map((quickFix) => toQuickFixAction(document, quickFix)));
      }
      if (wants(FIX_ALL_KIND)) {
        const fixAll = toFixAllAction(document, issues);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    } catch (error) {
      logFailure('codeAction', document.uri, error);
      return [];
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    validated.clear();
    for (const document of documents.all()) scheduleValidation(document.uri, 0);
  });

  /** The version each document was opened at: its first pass runs at once, without the typing debounce. */
  const openedAt = new Map<string, number>();
  documents.onDidOpen((event) => {
    openedAt.set(event.document.uri, event.document.version);
    scheduleValidation(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    // TextDocuments reports the opened text as a change right after onDidOpen: that version's pass is already due.
    if (openedAt.get(uri) === version) return;
    openedAt.delete(uri);
    scheduleValidation(uri);
    revalidateNeighbours(uri);
  });

  /**
   * A web.config and its project file check each other (the hosting-model cross-check), launchSettings.json reads the
   * project, applicationHost.config every app's files: an edit to one re-validates the open others that read it.
   */
  function revalidateNeighbours(uri: string): void {
    const kind = servedFileKind(uri);
    if (kind !== 'webConfig' && kind !== 'project') return;
    const folder = Utils.dirname(URI.parse(uri)).toString();
    for (const other of documents.all()) {
      const otherKind = servedFileKind(other.uri);
      if (other.uri === uri || otherKind === undefined || otherKind === kind) continue;
      const otherFolder = Utils.dirname(URI.parse(other.uri)).toString();
      const reads = otherKind === 'applicationHost' || otherFolder === folder || (otherKind === 'launchSettings' && Utils.dirname(URI.parse(otherFolder)).toString() === folder);
      if (!reads) continue;
      validated.delete(other.uri);
      scheduleValidation(other.uri);
    }
  }
  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(pendingValidation.get(uri));
    pendingValidation.delete(uri);
    openedAt.delete(uri);
    models.delete(uri);
    validated.delete(uri);
    rawLogs.forget(uri);
    settings.forget(uri);
    publishChecks.forget(uri);
    if (servedFileKind(uri) !== undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: WorkspaceTrustParams) => {
    logAccess = { ...logAccess, trusted: params?.trusted === true };
  });
  registerLogSessions(connection, (uri) => documents.get(uri), () => logAccess);
  registerEditRequests(connection, documents, models);
  registerPublishedWebConfigRequest(connection, () => logAccess.workspaceFolders, (filePath) => documents.get(URI.file(filePath).toString())?.getText(), logFailure);
  connection.onDidChangeWatchedFiles((params) => {
    const uris = params.changes.map((change) => change.uri);
    publishChecks.filesChanged(uris);
    // A project file or web.config changed on disk (saved by another tool, a git checkout): the open files that read it
    // are checked again. An open one is read from the editor, so only closed ones matter, but which is open is the
    // client's business: the check is cheap.
    for (const uri of uris) if (servedFileKind(uri) === 'project' || servedFileKind(uri) === 'webConfig') revalidateNeighbours(uri);
  });
  connection.onRequest(CHECK_PUBLISH_FOLDER_REQUEST, async (params) => {
    try {
      const openText = (file: string) => documents.get(URI.file(file).toString())?.getText();
      return await checkFolder(params?.folder, openText, (uri) => settings.get(uri));
    } catch (error) {
      logFailure('checkPublishFolder', String(params?.folder), error);
      return { notPublishOutput: true } as const;
    }
  });
  documents.listen(connection);
  connection.listen();
}

/** The file system path of a `file:` URI; undefined for any other scheme (an untitled or virtual document). */
function fsPathOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

declare const ANCM_VERSION: string | undefined;
/** Replaced by the bundler with package.json's version. */
const SERVER_VERSION = typeof ANCM_VERSION === 'string' ? ANCM_VERSION : 'dev';
