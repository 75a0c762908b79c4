// Issue 15 in the editor: when a web.config on disk sits in a publish output (a `*.runtimeconfig.json` or `*.deps.json`
// beside it, or the .exe / .dll its processPath and arguments name), the publish checks (publish/publishChecks.ts) run
// on the folder's facts (publish/publishFolder.ts) and their findings join the file's diagnostics, each at the attribute
// it belongs to. And the "Check Publish Folder…" request, for any folder.
//
// Reading the folder touches the disk, so it never delays the web.config's own diagnostics: they are sent at once with
// the publish findings known then, and again when the folder's facts arrive. The facts are cached per folder and read
// again when its files change: the client's file watcher (workspace/didChangeWatchedFiles, registered by the server for
// `**/*.{dll,exe,json,htm}`) covers folders inside the workspace; any other folder gets an fs.watch of its own while a
// web.config in it is open. Only the web.config's own folder is read, confined to it (readPublishFolder follows no link
// out of it), so Restricted Mode needs nothing more: no path written in the file is read.

import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { isInside, readRegularTextFile } from '../files/openFile';
import { type PublishCheckInput, type PublishFinding, checkPublishFolder, supersededRules } from '../publish/publishChecks';
import { type PublishFolder, readPublishFolder } from '../publish/publishFolder';
import { runtimeResolver } from '../publish/runtimeMatch';
import { type Severity, type ValidationSettings, type WebConfigDocument, parseWebConfig } from '../service/languageService';
import { showHiddenCharacters } from '../protocol/hiddenCharacters';
import type { CheckPublishFolderFinding, CheckPublishFolderResult } from '../protocol/publish';
import { type PublishTarget, expectedAppsOfDocument, publishTargetOf } from './publishInput';
import type { ServerSettings } from './settings';

/** The files whose change can change a finding: the app's dlls and .exe, runtimeconfig/deps JSON, app_offline.htm. */
export const PUBLISH_WATCH_GLOB = '**/*.{dll,exe,json,htm}';

/** A burst of changes (a publish writes hundreds of files) is one re-check. */
const FS_WATCH_DEBOUNCE_MS = 300;
/** The largest web.config the check-folder request reads from disk. */
const WEB_CONFIG_SIZE_CAP = 32 * 1024 * 1024;
/** How many times one validation waits for facts that changed again while they were read. */
const MAX_READ_ROUNDS = 3;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface FolderEntry {
  /** The expected app names the facts were read with. */
  readonly key: string;
  /** Undefined: not a publish output, or not read yet. */
  facts: PublishFolder | undefined;
  /** Files changed since the last read began. */
  stale: boolean;
  reading: Promise<void> | undefined;
}

/** The web.config's folder when the document is a file named web.config (not a transform such as web.Release.config). */
function folderOf(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const file = parsed.fsPath;
    return /^web\.config$/i.test(path.basename(file)) ? path.dirname(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The findings kept and their severities after `ancm.diagnostics.rules` (a check id set to `off` is dropped). */
function withOverrides(findings: readonly PublishFinding[], settings: ValidationSettings): { finding: PublishFinding; severity: Severity }[] {
  const kept: { finding: PublishFinding; severity: Severity }[] = [];
  for (const finding of findings) {
    const override = settings.rules?.[finding.id];
    if (override === 'off') continue;
    kept.push({ finding, severity: override ?? finding.severity });
  }
  return kept;
}

/**
 * The publish checks with what the settings say about the target server: its runtimes (`ancm.publish.runtimes`, the
 * runtime match, with web.config's environment variables such as DOTNET_ROLL_FORWARD reaching the host) and its app
 * pool's bitness (`ancm.publish.appPool32Bit`).
 */
function runPublishChecks(facts: PublishFolder, input: PublishCheckInput, settings: ServerSettings): PublishFinding[] {
  const publish = settings.publish;
  const withPool = publish?.appPool32Bit === undefined ? input : { ...input, appPool32Bit: publish.appPool32Bit };
  if (!publish?.runtimes) return checkPublishFolder(facts, withPool);
  const env = Object.fromEntries((input.environmentVariables ?? []).map((variable) => [variable.name, variable.value]));
  return checkPublishFolder(facts, withPool, { resolveRuntimes: runtimeResolver(publish.runtimes, { env }) });
}

export class PublishFolderChecks {
  private readonly folders = new Map<string, FolderEntry>();
  /** The open web.configs checked against a folder, and the folder. */
  private readonly documentFolders = new Map<string, string>();
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  /** Set once the client watches `PUBLISH_WATCH_GLOB` for the workspace folders. */
  private clientWatches: (folder: string) => boolean = () => false;

  constructor(
    /** A folder's files changed: validate its open web.configs again. */
    private readonly onFolderChanged: (uris: readonly string[]) => void,
    private readonly logFailure: (what: string, uri: string, error: unknown) => void,
  ) {}

  /** The client watches the workspace folders' files for the server (didChangeWatchedFiles was registered). */
  clientWatchesInside(workspaceFolders: readonly string[]): void {
    this.clientWatches = (folder) => workspaceFolders.some((root) => isInside(root, folder));
    for (const folder of [...this.watchers.keys()]) if (this.clientWatches(folder)) this.unwatch(folder);
  }

  /**
   * Sends the document's diagnostics: its own with the publish findings known now, at once; then again each time the
   * folder's facts arrive and change the publish findings. `isCurrent` says the document is still at the version
   * validated.
   */
  async publish(document: TextDocument, model: WebConfigDocument, own: readonly Diagnostic[], settings: ServerSettings, isCurrent: () => boolean, send: (diagnostics: Diagnostic[]) => Promise<void>): Promise<void> {
    // Where a publish check says what a web.config rule says, the rule's own diagnostic is left out.
    const combined = (publish: readonly Diagnostic[]) => {
      const superseded = supersededRules(publish.map((diagnostic) => String(diagnostic.code)));
      return [...own.filter((diagnostic) => !superseded.has(String(diagnostic.code))), ...publish];
    };
    let result = this.diagnostics(document, model, settings);
    await send(combined(result.diagnostics));
    for (let round = 0; result.pending && round < MAX_READ_ROUNDS; round++) {
      await result.pending;
      if (!isCurrent()) return;
      const next = this.diagnostics(document, model, settings);
      if (JSON.stringify(next.diagnostics) !== JSON.stringify(result.diagnostics)) await send(combined(next.diagnostics));
      result = next;
    }
  }

  /** The publish diagnostics for the document from the facts at hand, and the read under way when there is one. */
  diagnostics(document: TextDocument, model: WebConfigDocument, settings: ServerSettings): { diagnostics: Diagnostic[]; pending?: Promise<void> } {
    const folder = folderOf(document.uri);
    if (!folder || model.isTransform) return { diagnostics: [] };
    this.documentFolders.set(document.uri, folder);
    this.watch(folder);
    const expectedApps = expectedAppsOfDocument(model);
    const key = expectedApps.join('\n');
    let entry = this.folders.get(folder);
    if (!entry || entry.key !== key) {
      // processPath or arguments now name another app: the folder is read again for it, and until then the facts at
      // hand stand in, so that the findings do not blink out at each keystroke.
      entry = { key, facts: entry?.facts, stale: true, reading: undefined };
      this.folders.set(folder, entry);
    }
    if (entry.stale && !entry.reading) this.read(folder, entry, expectedApps, document.uri);
    // The whole input (the collections resolved) only for a folder that is a publish output.
    const diagnostics = entry.facts ? this.toDiagnostics(document, publishTargetOf(model), entry.facts, settings) : [];
    return entry.reading ? { diagnostics, pending: entry.reading } : { diagnostics };
  }

  /** workspace/didChangeWatchedFiles: the folders holding a changed file are read again. */
  filesChanged(uris: readonly string[]): void {
    const changed = new Set<string>();
    for (const uri of uris) {
      let file: string;
      try {
        const parsed = URI.parse(uri);
        if (parsed.scheme !== 'file') continue;
        file = parsed.fsPath;
      } catch {
        continue;
      }
      for (const folder of this.folders.keys()) if (isInside(folder, file)) changed.add(folder);
    }
    for (const folder of changed) this.changed(folder);
  }

  /** The document was closed: its folder's facts and watcher go when no other open web.config uses them. */
  forget(uri: string): void {
    const folder = this.documentFolders.get(uri);
    if (folder === undefined) return;
    this.documentFolders.delete(uri);
    if ([...this.documentFolders.values()].includes(folder)) return;
    this.folders.delete(folder);
    this.unwatch(folder);
  }

  /** Closes the fs watchers (they never keep the process alive: persistent false). */
  dispose(): void {
    for (const folder of [...this.watchers.keys()]) this.unwatch(folder);
  }

  private read(folder: string, entry: FolderEntry, expectedApps: readonly string[], uri: string): void {
    entry.stale = false;
    const reading: Promise<void> = readPublishFolder(folder, { expectedApps })
      .then((facts) => {
        entry.facts = facts;
      }, (error: unknown) => this.logFailure('reading the publish folder', uri, error))
      .finally(() => {
        if (entry.reading === reading) entry.reading = undefined;
      });
    entry.reading = reading;
  }

  private changed(folder: string): void {
    const entry = this.folders.get(folder);
    if (entry) entry.stale = true;
    const uris = [...this.documentFolders].filter(([, documentFolder]) => documentFolder === folder).map(([uri]) => uri);
    if (uris.length > 0) this.onFolderChanged(uris);
  }

  /** An fs.watch of the folder's top, for a folder the client does not watch for us. */
  private watch(folder: string): void {
    if (this.watchers.has(folder) || this.clientWatches(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, () => {
        clearTimeout(this.debounce.get(folder));
        this.debounce.set(folder, setTimeout(() => {
          this.debounce.delete(folder);
          this.changed(folder);
        }, FS_WATCH_DEBOUNCE_MS));
      });
      watcher.on('error', () => this.unwatch(folder));
      this.watchers.set(folder, watcher);
    } catch {
      // A folder that cannot be watched (gone, no permission): its facts are read again when it is reopened.
    }
  }

  private unwatch(folder: string): void {
    clearTimeout(this.debounce.get(folder));
    this.debounce.delete(folder);
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  private toDiagnostics(document: TextDocument, target: PublishTarget, facts: PublishFolder, settings: ServerSettings): Diagnostic[] {
    return withOverrides(runPublishChecks(facts, target.input, settings), settings).map(({ finding, severity }) => {
      const span = target.spanOf(finding.attribute, finding.message);
      return {
        range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
        severity: SEVERITIES[severity],
        code: finding.id,
        source: 'ancm',
        // File names in the message come from the folder, which a stranger may have made.
        message: showHiddenCharacters(finding.message),
      };
    });
  }
}

// --- "ANCM: Check Publish Folder…" ------------------------------------------------------------------------------------

/** web.config at the top of the folder, any case. */
async function findWebConfig(folder: string): Promise<string | undefined> {
  try {
    const names = await readdir(folder);
    const name = names.find((candidate) => /^web\.config$/i.test(candidate));
    return name === undefined ? undefined : path.join(folder, name);
  } catch {
    return undefined;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/**
 * The publish checks on any folder, with its web.config: the editor's text when the file is open (`openText`), else the
 * file on disk. Never throws.
 */
export async function checkFolder(
  folder: unknown,
  openText: (file: string) => string | undefined,
  settingsOf: (uri: string) => Promise<ServerSettings>,
): Promise<CheckPublishFolderResult> {
  if (typeof folder !== 'string' || folder.trim() === '') return { notPublishOutput: true };
  const webConfig = await findWebConfig(folder);
  const text = webConfig === undefined ? undefined : openText(webConfig) ?? (await readRegularTextFile(webConfig, WEB_CONFIG_SIZE_CAP, folder));
  const model = text === undefined ? undefined : parseWebConfig(text);
  const target = model && !model.isTransform ? publishTargetOf(model) : undefined;
  const facts = await readPublishFolder(folder, { expectedApps: target?.expectedApps ?? [] });
  if (!facts) return { notPublishOutput: true };
  const settings = await settingsOf(URI.file(webConfig ?? path.join(folder, 'web.config')).toString()).catch(() => ({}));
  const findings: CheckPublishFolderFinding[] = withOverrides(runPublishChecks(facts, target?.input ?? {}, settings), settings).map(({ finding, severity }) => {
    const about = finding.files?.[0];
    const inWebConfig = finding.attribute !== 'folder' && finding.attribute !== 'appPool';
    if (webConfig !== undefined && text !== undefined && target && (inWebConfig || about === undefined)) {
      return { id: finding.id, severity, message: finding.message, file: webConfig, line: lineAt(text, target.spanOf(finding.attribute, finding.message).start) };
    }
    return { id: finding.id, severity, message: finding.message, ...(about !== undefined && { file: path.join(folder, ...about.split('/')) }) };
  });
  return { folder, findings };
}
