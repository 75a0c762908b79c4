// Reads a publish folder (what `dotnet publish` leaves beside web.config) into plain facts: which apps it holds, what
// their .runtimeconfig.json and .deps.json say, which files are there, and the PE headers of the files that decide the
// app pool's bitness. The checks (publishChecks.ts) are pure functions over these facts; the framework-resolution
// engine takes each app's framework references from them.
//
// The folder may come from a stranger (a repository, a download), so the reading is bounded and confined:
// - JSON files up to JSON_SIZE_CAP bytes, at most FILE_LIST_CAP entries listed, at most LIST_DEPTH folders deep;
// - a symbolic link is never followed out of the folder (its real path must lie inside the folder's real path), and a
//   symlinked folder is not descended into;
// - only regular files are opened (a FIFO would block the read), opened non-blocking and checked again once open;
// - nothing throws: an unreadable or oversized file, or bad JSON, is a fact in `problems`.
// The facts are plain data (no Map, no class), so they can cross a process boundary as JSON.

import { type FileHandle, lstat, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { NotRegularFileError, OutsideSiteError, isInside, openRegularFile } from '../files/openFile';
import { type PeReadResult, readPeFile } from './peFile';

export const JSON_SIZE_CAP = 16 * 1024 * 1024;
export const FILE_LIST_CAP = 10_000;
export const LIST_DEPTH = 8;
export const ASSET_CAP = 20_000;
/** The apphost is about 150-200 KB; a single-file bundle carries the app's dlls (and, self-contained, the runtime). */
export const SINGLE_FILE_SCAN_CAP = 64 * 1024 * 1024;

/** One entry of the folder, its path relative to the folder with `/` separators. */
export interface PublishFile {
  readonly path: string;
  readonly kind: 'file' | 'folder' | 'other' | 'link-outside';
  /** Bytes, for a file. */
  readonly size?: number;
}

/** A file that could not be read as the facts need it. */
export interface FolderProblem {
  readonly file: string;
  readonly problem: 'unreadable' | 'too-large' | 'invalid-json' | 'outside-folder' | 'not-a-file';
  readonly detail: string;
}

/**
 * A framework reference as written in runtimeconfig.json (runtimeOptions.framework or runtimeOptions.frameworks[],
 * or includedFrameworks[] for a self-contained app). The settings are the ones written on this reference; the
 * file-wide ones are on RuntimeConfigFacts. Resolution (roll forward against an inventory) is not done here.
 */
export interface FrameworkReference {
  readonly name: string;
  readonly version: string | undefined;
  readonly rollForward?: string;
  readonly rollForwardOnNoCandidateFx?: number;
  readonly applyPatches?: boolean;
}

export interface RuntimeConfigFacts {
  /** The file name, e.g. `App.runtimeconfig.json`. */
  readonly file: string;
  /** runtimeOptions.tfm, e.g. `net8.0`. */
  readonly tfm?: string;
  /** runtimeOptions.framework and runtimeOptions.frameworks[], in file order. */
  readonly frameworks: readonly FrameworkReference[];
  /** runtimeOptions.includedFrameworks[]: present only in a self-contained app's file. */
  readonly includedFrameworks: readonly FrameworkReference[];
  /** runtimeOptions.rollForward, the setting for every reference that sets none. */
  readonly rollForward?: string;
  readonly rollForwardOnNoCandidateFx?: number;
  readonly applyPatches?: boolean;
  /** includedFrameworks present, or no framework referenced. */
  readonly selfContained: boolean;
}

/** One file a .deps.json says the app loads at run time. */
export interface DepsAsset {
  /** The library key, `Name/Version`. */
  readonly library: string;
  /** libraries[key].type: `project`, `package`, `runtimepack`, `reference`... */
  readonly libraryType?: string;
  readonly kind: 'runtime' | 'native';
  /** As written, relative to the library (`lib/net8.0/Foo.dll`) or to the app (`Foo.dll`). */
  readonly path: string;
  /** For a runtimeTargets entry, its runtime identifier (`win`, `win-x64`, `unix`). */
  readonly rid?: string;
  /** Found in the folder (at its relative path, or by file name at the top); undefined when the listing was cut short. */
  readonly present: boolean | undefined;
}

export interface DepsFacts {
  readonly file: string;
  /** runtimeTarget.name, e.g. `.NETCoreApp,Version=v8.0/win-x64`. */
  readonly target: string | undefined;
  readonly assets: readonly DepsAsset[];
  /** More than ASSET_CAP assets: the rest are not listed. */
  readonly assetsTruncated: boolean;
}

export interface PeFileFacts {
  /** The name as found in the folder. */
  readonly file: string;
  readonly size: number;
  readonly pe: PeReadResult;
}

export interface AppFacts {
  /** The name the SDK gives the app's files: `<name>.dll`, `<name>.exe`, `<name>.runtimeconfig.json`. */
  readonly name: string;
  readonly runtimeConfig?: RuntimeConfigFacts;
  readonly deps?: DepsFacts;
  /** The apphost, `<name>.exe`. */
  readonly exe?: PeFileFacts;
  readonly dll?: PeFileFacts;
  /** `<name>.dll` is missing and `<name>.exe` is a single-file bundle (the apphost's bundle marker is set). */
  readonly singleFile: boolean;
}

export interface PublishFolder {
  /** The folder as given. */
  readonly folder: string;
  readonly apps: readonly AppFacts[];
  /** The entries found, folders first level first; at most FILE_LIST_CAP. */
  readonly files: readonly PublishFile[];
  /** The listing stopped at FILE_LIST_CAP entries or LIST_DEPTH folders: a file not listed may still exist. */
  readonly filesTruncated: boolean;
  /** hostfxr.dll at the top of the folder: the .NET host of a self-contained app. */
  readonly hostfxr?: PeFileFacts;
  /** A self-contained app: hostfxr.dll present, or a runtimeconfig with includedFrameworks / no framework. */
  readonly selfContained: boolean;
  /** The name of app_offline.htm as found (any case), when present. */
  readonly appOffline?: string;
  /** The name of web.config as found (any case), when present. */
  readonly webConfig?: string;
  readonly problems: readonly FolderProblem[];
}

export interface ReadPublishFolderOptions {
  /**
   * App names to gather facts for even without a runtimeconfig.json or deps.json (a single-file publish bundles
   * both into the .exe): the stem of processPath's .exe or of the dll in arguments.
   */
  readonly expectedApps?: readonly string[];
}

const RUNTIMECONFIG = '.runtimeconfig.json';
const DEPS = '.deps.json';

/**
 * The facts of the publish output in `folder`, or undefined when it is not one (no `*.runtimeconfig.json` or
 * `*.deps.json` at its top, and none of `expectedApps` has an .exe or .dll there) or cannot be listed. Never throws.
 */
export async function readPublishFolder(folder: string, options: ReadPublishFolderOptions = {}): Promise<PublishFolder | undefined> {
  try {
    return await read(folder, options);
  } catch {
    return undefined;
  }
}

/**
 * The apps the files at the top of a folder show it is a publish output of (lower-cased name → the name as found): each
 * `<name>.runtimeconfig.json` or `<name>.deps.json`, and each of `expectedApps` with its .exe or .dll there. Empty: not
 * a publish output. The command line decides with it, without reading the folder's files.
 */
export function publishedAppNames(topFiles: readonly string[], expectedApps: readonly string[] = []): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of topFiles) {
    const lower = file.toLowerCase();
    for (const suffix of [RUNTIMECONFIG, DEPS]) {
      if (lower.endsWith(suffix) && lower.length > suffix.length && !lower.endsWith(`.dev${RUNTIMECONFIG}`)) {
        const name = file.slice(0, -suffix.length);
        if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
      }
    }
  }
  const byLowerName = new Map(topFiles.map((file) => [file.toLowerCase(), file]));
  for (const expected of expectedApps) {
    const lower = expected.toLowerCase();
    if (expected === '' || names.has(lower)) continue;
    const found = byLowerName.get(`${lower}.exe`) ?? byLowerName.get(`${lower}.dll`);
    if (found) names.set(lower, found.slice(0, -4));
  }
  return names;
}

async function read(folder: string, options: ReadPublishFolderOptions): Promise<PublishFolder | undefined> {
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const problems: FolderProblem[] = [];
  const listing = await listFolder(root);
  const index = indexFiles(listing.files);
  const top = listing.files.filter((file) => file.kind === 'file' && !file.path.includes('/')).map((file) => file.path);
  const names = publishedAppNames(top, options.expectedApps);
  if (names.size === 0) return undefined;

  const context: ReadContext = { root, index, problems, truncated: listing.truncated };
  const apps: AppFacts[] = [];
  for (const name of names.values()) apps.push(await readApp(context, name));
  const hostfxrEntry = index.get('hostfxr.dll');
  const hostfxr = hostfxrEntry?.kind === 'file' ? await readPe(context, hostfxrEntry) : undefined;
  const selfContained = hostfxr !== undefined || apps.some((app) => app.runtimeConfig?.selfContained === true);
  const appOffline = index.get('app_offline.htm');
  const webConfig = index.get('web.config');
  return {
    folder,
    apps,
    files: listing.files,
    filesTruncated: listing.truncated,
    ...(hostfxr ? { hostfxr } : {}),
    selfContained,
    ...(appOffline && appOffline.kind !== 'folder' ? { appOffline: appOffline.path } : {}),
    ...(webConfig && webConfig.kind !== 'folder' ? { webConfig: webConfig.path } : {}),
    problems,
  };
}

interface ReadContext {
  readonly root: string;
  readonly index: ReadonlyMap<string, PublishFile>;
  readonly problems: FolderProblem[];
  readonly truncated: boolean;
}

async function readApp(context: ReadContext, name: string): Promise<AppFacts> {
  const lower = name.toLowerCase();
  const entry = (suffix: string): PublishFile | undefined => {
    const found = context.index.get(lower + suffix);
    if (found && found.kind !== 'file') context.problems.push({ file: found.path, problem: found.kind === 'link-outside' ? 'outside-folder' : 'not-a-file', detail: `${found.path} is not a regular file in the folder` });
    return found?.kind === 'file' ? found : undefined;
  };
  const runtimeConfigFile = entry(RUNTIMECONFIG);
  const depsFile = entry(DEPS);
  const exeFile = entry('.exe');
  const dllFile = entry('.dll');
  const runtimeConfigJson = runtimeConfigFile ? await readJson(context, runtimeConfigFile) : undefined;
  const depsJson = depsFile ? await readJson(context, depsFile) : undefined;
  const runtimeConfig = runtimeConfigFile && runtimeConfigJson !== undefined ? parseRuntimeConfig(runtimeConfigFile.path, runtimeConfigJson) : undefined;
  const deps = depsFile && depsJson !== undefined ? parseDeps(depsFile.path, depsJson, context) : undefined;
  const exe = exeFile ? await readPe(context, exeFile) : undefined;
  const dll = dllFile ? await readPe(context, dllFile) : undefined;
  const singleFile = !dllFile && exeFile !== undefined && (await isSingleFileBundle(context, exeFile));
  return { name, ...(runtimeConfig ? { runtimeConfig } : {}), ...(deps ? { deps } : {}), ...(exe ? { exe } : {}), ...(dll ? { dll } : {}), singleFile };
}

// --- listing ---------------------------------------------------------------------------------------------------------

async function listFolder(root: string): Promise<{ files: PublishFile[]; truncated: boolean }> {
  const files: PublishFile[] = [];
  let truncated = false;
  let level: string[] = [''];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth >= LIST_DEPTH) {
      truncated = true;
      break;
    }
    const next: string[] = [];
    for (const relative of level) {
      let entries;
      try {
        entries = await readdir(path.join(root, relative), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const room = FILE_LIST_CAP - files.length;
      if (entries.length > room) truncated = true;
      // Stat-ed in parallel batches: a wwwroot of thousands of files should not cost thousands of round trips.
      const taken = entries.slice(0, Math.max(0, room));
      for (let start = 0; start < taken.length; start += 64) {
        const batch = await Promise.all(taken.slice(start, start + 64).map(async (dirent): Promise<PublishFile> => {
          const child = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
          if (dirent.isDirectory()) return { path: child, kind: 'folder' };
          if (dirent.isFile()) return { path: child, kind: 'file', size: await sizeOf(path.join(root, child)) };
          if (dirent.isSymbolicLink()) return linkEntry(root, child);
          return { path: child, kind: 'other' };
        }));
        for (const [offset, entry] of batch.entries()) {
          files.push(entry);
          if (taken[start + offset].isDirectory()) next.push(entry.path);
        }
      }
      if (truncated) return { files, truncated };
    }
    level = next;
  }
  return { files, truncated };
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await lstat(file)).size;
  } catch {
    return 0;
  }
}

/** A symbolic link counts as the file it names when that lies inside the folder; a linked folder is not descended. */
async function linkEntry(root: string, relative: string): Promise<PublishFile> {
  try {
    const target = await realpath(path.join(root, relative));
    if (!isInside(root, target)) return { path: relative, kind: 'link-outside' };
    const info = await stat(target);
    return info.isFile() ? { path: relative, kind: 'file', size: info.size } : { path: relative, kind: info.isDirectory() ? 'folder' : 'other' };
  } catch {
    return { path: relative, kind: 'other' };
  }
}

/** The listing by lower-cased relative path: Windows, where IIS runs, does not tell `App.dll` from `app.dll`. */
export function indexFiles(files: readonly PublishFile[]): Map<string, PublishFile> {
  const index = new Map<string, PublishFile>();
  for (const file of files) if (!index.has(file.path.toLowerCase())) index.set(file.path.toLowerCase(), file);
  return index;
}

/**
 * The entry at `relativePath` (`\` or `/`, a leading `.\`, any case); undefined when it is not there, or when the
 * path leads out of the folder.
 */
export function findFile(folder: Pick<PublishFolder, 'files'>, relativePath: string): PublishFile | undefined {
  const normal = normalizeRelative(relativePath);
  if (normal === undefined) return undefined;
  return folder.files.find((file) => file.path.toLowerCase() === normal);
}

/** `.\bin\App.dll` -> `bin/app.dll`; undefined for a path that leaves the folder or is rooted. */
export function normalizeRelative(relativePath: string): string | undefined {
  if (/^(?:[a-zA-Z]:|[\\/])/.test(relativePath)) return undefined;
  const parts: string[] = [];
  for (const part of relativePath.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length === 0 ? undefined : parts.join('/').toLowerCase();
}

// --- reading files ---------------------------------------------------------------------------------------------------

/** A handle on a regular file of the listing, whose real path is inside the folder. */
async function openInFolder(context: ReadContext, file: PublishFile): Promise<FileHandle | FolderProblem> {
  try {
    return await openRegularFile(path.join(context.root, file.path), context.root);
  } catch (error) {
    if (error instanceof OutsideSiteError) return { file: file.path, problem: 'outside-folder', detail: `${file.path} leads out of the folder` };
    if (error instanceof NotRegularFileError) return { file: file.path, problem: 'not-a-file', detail: `${file.path} is not a regular file` };
    return { file: file.path, problem: 'unreadable', detail: `${file.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

async function readJson(context: ReadContext, file: PublishFile): Promise<unknown> {
  const handle = await openInFolder(context, file);
  if (!('close' in handle)) {
    context.problems.push(handle);
    return undefined;
  }
  try {
    const size = (await handle.stat()).size;
    if (size > JSON_SIZE_CAP) {
      context.problems.push({ file: file.path, problem: 'too-large', detail: `${file.path} is ${size} bytes, more than the ${JSON_SIZE_CAP} read` });
      return undefined;
    }
    const buffer = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const text = buffer.subarray(0, filled).toString('utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      context.problems.push({ file: file.path, problem: 'invalid-json', detail: `${file.path}: ${(error as Error).message.slice(0, 160)}` });
      return undefined;
    }
  } catch (error) {
    context.problems.push({ file: file.path, problem: 'unreadable', detail: `${file.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readPe(context: ReadContext, file: PublishFile): Promise<PeFileFacts> {
  const handle = await openInFolder(context, file);
  if (!('close' in handle)) {
    context.problems.push(handle);
    return { file: file.path, size: file.size ?? 0, pe: { ok: false, reason: handle.detail } };
  }
  try {
    return { file: file.path, size: file.size ?? 0, pe: await readPeFile(handle) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The apphost's bundle marker (dotnet/runtime, src/native/corehost/apphost/bundle_marker.cpp; Microsoft.NET.HostModel
 * Bundler.BundleHeaderPlaceholder): an 8-byte bundle header offset, zero in a plain apphost, followed by a 32-byte
 * signature (SHA-256 of ".net core bundle\n"). The marker lies in the host image, before the bundled files, so the
 * scan stops at SINGLE_FILE_SCAN_CAP.
 */
const BUNDLE_SIGNATURE = Buffer.from('8b1202b96a612038727b930214d7a03213f5b9e6efae3318ee3b2dce24b36aae', 'hex');

async function isSingleFileBundle(context: ReadContext, file: PublishFile): Promise<boolean> {
  const handle = await openInFolder(context, file);
  if (!('close' in handle)) return false;
  try {
    const size = Math.min((await handle.stat()).size, SINGLE_FILE_SCAN_CAP);
    const chunk = 1024 * 1024;
    const keep = BUNDLE_SIGNATURE.length + 8;
    let carry = Buffer.alloc(0);
    for (let position = 0; position < size; position += chunk) {
      const buffer = Buffer.alloc(Math.min(chunk, size - position));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const window = Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
      let at = window.indexOf(BUNDLE_SIGNATURE);
      while (at >= 0) {
        if (at >= 8 && window.subarray(at - 8, at).some((byte) => byte !== 0)) return true;
        at = window.indexOf(BUNDLE_SIGNATURE, at + 1);
      }
      carry = window.subarray(Math.max(0, window.length - keep));
    }
    return false;
  } catch {
    return false;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// --- the JSON files --------------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** hostfxr reads rollForwardOnNoCandidateFx as a number; the SDK writes it as one. */
function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function boolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(?:true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

function frameworkReference(value: unknown): FrameworkReference | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.name);
  if (name === undefined || name === '') return undefined;
  const rollForward = text(value.rollForward);
  const onNoCandidate = integer(value.rollForwardOnNoCandidateFx);
  const applyPatches = boolean(value.applyPatches);
  return {
    name,
    version: text(value.version),
    ...(rollForward !== undefined ? { rollForward } : {}),
    ...(onNoCandidate !== undefined ? { rollForwardOnNoCandidateFx: onNoCandidate } : {}),
    ...(applyPatches !== undefined ? { applyPatches } : {}),
  };
}

/** The runtimeOptions of a runtimeconfig.json (dotnet/runtime docs/design/features/host-runtime-information.md). */
export function parseRuntimeConfig(file: string, json: unknown): RuntimeConfigFacts {
  const options = isObject(json) && isObject(json.runtimeOptions) ? json.runtimeOptions : {};
  const frameworks: FrameworkReference[] = [];
  const single = frameworkReference(options.framework);
  if (single) frameworks.push(single);
  if (Array.isArray(options.frameworks)) for (const item of options.frameworks.slice(0, 64)) {
    const reference = frameworkReference(item);
    if (reference) frameworks.push(reference);
  }
  const included = Array.isArray(options.includedFrameworks)
    ? options.includedFrameworks.slice(0, 64).map(frameworkReference).filter((reference): reference is FrameworkReference => reference !== undefined)
    : [];
  const tfm = text(options.tfm);
  const rollForward = text(options.rollForward);
  const onNoCandidate = integer(options.rollForwardOnNoCandidateFx);
  const applyPatches = boolean(options.applyPatches);
  return {
    file,
    ...(tfm !== undefined ? { tfm } : {}),
    frameworks,
    includedFrameworks: included,
    ...(rollForward !== undefined ? { rollForward } : {}),
    ...(onNoCandidate !== undefined ? { rollForwardOnNoCandidateFx: onNoCandidate } : {}),
    ...(applyPatches !== undefined ? { applyPatches } : {}),
    selfContained: Array.isArray(options.includedFrameworks) || frameworks.length === 0,
  };
}

/**
 * The runtime and native assets of the deps.json's runtime target (dotnet/runtime docs/design/features/
 * host-dependency-resolution / DependencyContext format): targets[runtimeTarget.name][library].runtime, .native and
 * .runtimeTargets. Libraries of type `reference` are compile-time only; a `runtimepack`'s assets are the runtime of a
 * self-contained app, published into the folder like the rest.
 */
function parseDeps(file: string, json: unknown, context: ReadContext): DepsFacts {
  const root = isObject(json) ? json : {};
  const runtimeTarget = isObject(root.runtimeTarget) ? text(root.runtimeTarget.name) : undefined;
  const targets = isObject(root.targets) ? root.targets : {};
  const libraries = isObject(root.libraries) ? root.libraries : {};
  const targetName = runtimeTarget !== undefined && isObject(targets[runtimeTarget]) ? runtimeTarget : Object.keys(targets).find((name) => isObject(targets[name]));
  const target = targetName !== undefined ? (targets[targetName] as Record<string, unknown>) : {};
  const assets: DepsAsset[] = [];
  let truncated = false;
  const add = (asset: Omit<DepsAsset, 'present'>): void => {
    if (assets.length >= ASSET_CAP) {
      truncated = true;
      return;
    }
    assets.push({ ...asset, present: assetPresent(context, asset.path) });
  };
  for (const [library, entry] of Object.entries(target)) {
    if (truncated) break;
    if (!isObject(entry)) continue;
    const description = libraries[library];
    const libraryType = isObject(description) ? text(description.type) : undefined;
    if (libraryType === 'reference') continue;
    const base = { library, ...(libraryType !== undefined ? { libraryType } : {}) };
    for (const kind of ['runtime', 'native'] as const) {
      const group = entry[kind];
      if (isObject(group)) for (const assetPath of Object.keys(group)) add({ ...base, kind, path: assetPath });
    }
    if (isObject(entry.runtimeTargets)) {
      for (const [assetPath, details] of Object.entries(entry.runtimeTargets)) {
        if (!isObject(details)) continue;
        const assetType = text(details.assetType);
        if (assetType !== 'runtime' && assetType !== 'native') continue;
        const rid = text(details.rid);
        add({ ...base, kind: assetType, path: assetPath, ...(rid !== undefined ? { rid } : {}) });
      }
    }
  }
  return { file, target: runtimeTarget, assets, assetsTruncated: truncated };
}

/**
 * hostpolicy looks for an app-local asset in the app folder: at its relative path for RID-specific assets of a portable
 * app, by file name otherwise (deps_entry_t::to_dir_path). Either counts here.
 */
function assetPresent(context: ReadContext, assetPath: string): boolean | undefined {
  const normal = normalizeRelative(assetPath);
  if (normal === undefined) return undefined;
  const fileName = normal.slice(normal.lastIndexOf('/') + 1);
  const found = context.index.get(normal) ?? context.index.get(fileName);
  if (found?.kind === 'file') return true;
  return context.truncated ? undefined : false;
}
