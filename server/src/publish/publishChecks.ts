// "Will this publish folder start under IIS?": pure checks over the facts of a publish folder (publishFolder.ts) and the
// few web.config settings that decide how ANCM starts the app, given as a plain object so that this file needs no
// parsed document and no language service. Each finding leads with the problem, names the attribute it belongs to, and
// has a stable kebab-case id (SARIF rule ids later).
//
// How ANCM starts the app, which the checks follow: in-process, CommonLib/HostFxrResolver.cpp (GetHostFxrParameters)
// treats a processPath ending in dotnet(.exe) as the dotnet host, takes the app's dll from arguments, and otherwise
// expects processPath to be the app's .exe with `<name>.dll` beside it (500.38 "ANCM Application DLL Not Found" when it
// is not, which is also what a single-file publish gets); it appends `.exe` to a processPath without an extension.
// Out-of-process, OutOfProcessRequestHandler/serverprocess.cpp runs `"<processPath>" <arguments>`, and the command
// line is split the Windows way (CommandLineToArgvW), so a path with a space must be quoted in arguments.
//
// The runtime match (does the server have the frameworks the app asks for?) needs the framework-resolution engine:
// pass `resolveRuntimes` to run it; without it that check is skipped.

import { describeArchitecture, type PeArchitecture, type PeFacts } from './peFile';
import { type AppFacts, findFile, normalizeRelative, type PeFileFacts, type PublishFolder, type RuntimeConfigFacts } from './publishFolder';

export type PublishSeverity = 'error' | 'warning' | 'information';

/** Where in web.config (or the folder) a finding belongs. */
export type PublishAttribute =
  | 'processPath'
  | 'arguments'
  | 'hostingModel'
  | 'environmentVariables'
  | 'startupTimeLimit'
  | 'requestTimeout'
  | 'shadowCopyDirectory'
  | 'cleanShadowCopyDirectory'
  | 'appPool'
  | 'folder';

export interface PublishCheckDescription {
  readonly id: string;
  readonly defaultSeverity: PublishSeverity;
  readonly description: string;
}

/** Every check, for SARIF's rule list and for documentation. Ids are stable. */
export const PUBLISH_CHECKS = [
  { id: 'publish-app-dll-missing', defaultSeverity: 'error', description: 'The dll that arguments (with dotnet) or processPath\'s .exe names is not in the publish folder (HTTP 500.38 / 502.5).' },
  { id: 'publish-exe-missing', defaultSeverity: 'error', description: 'processPath names an .exe that is not in the publish folder.' },
  { id: 'publish-single-file-in-process', defaultSeverity: 'error', description: 'A single-file publish hosted in-process: ANCM needs the app\'s dll beside the .exe (HTTP 500.38).' },
  { id: 'publish-self-contained-with-dotnet', defaultSeverity: 'warning', description: 'A self-contained app started with dotnet: the machine\'s runtime is used instead of the app\'s own.' },
  { id: 'publish-unquoted-space', defaultSeverity: 'error', description: 'A dll path with a space and no quotes in arguments: the command line splits it.' },
  { id: 'publish-bitness-mismatch', defaultSeverity: 'error', description: 'The app\'s architecture and the app pool\'s bitness differ (HTTP 500.32).' },
  { id: 'publish-needs-32-bit-pool', defaultSeverity: 'information', description: 'The app is 32-bit (x86): its app pool needs Enable 32-Bit Applications = True.' },
  { id: 'publish-mixed-architectures', defaultSeverity: 'warning', description: 'The app\'s files are built for different processor architectures.' },
  { id: 'publish-missing-aspnetcore-framework', defaultSeverity: 'error', description: 'The runtimeconfig.json does not reference Microsoft.AspNetCore.App, which in-process hosting needs (HTTP 500.33).' },
  { id: 'publish-runtimeconfig-missing', defaultSeverity: 'error', description: 'A framework-dependent app without its .runtimeconfig.json: the .NET host cannot tell which runtime to use.' },
  { id: 'publish-runtime-not-found', defaultSeverity: 'error', description: 'A framework the app needs does not resolve against the server\'s runtimes (HTTP 500.31 / 502.5).' },
  { id: 'publish-deps-asset-missing', defaultSeverity: 'error', description: 'Files the .deps.json lists as runtime assets are not in the folder (hostfxr ResolverResolveFailure).' },
  { id: 'publish-app-offline', defaultSeverity: 'warning', description: 'app_offline.htm is in the folder: the site answers 503 until it is removed.' },
  { id: 'publish-shadow-copy-inside-app', defaultSeverity: 'warning', description: 'shadowCopyDirectory lies inside the app folder.' },
  { id: 'publish-shadow-copy-shared', defaultSeverity: 'warning', description: 'shadowCopyDirectory is shared with other apps or holds the app folder itself.' },
  { id: 'publish-shadow-copy-not-cleaned', defaultSeverity: 'information', description: 'Shadow copying without cleanShadowCopyDirectory: stale copies survive deployments.' },
  { id: 'publish-launcher-placeholder', defaultSeverity: 'error', description: 'A Visual Studio launcher value (%LAUNCHER_PATH%, VSIISExeLauncher.exe) in a published web.config.' },
  { id: 'publish-development-environment', defaultSeverity: 'error', description: 'ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT = Development in a published web.config.' },
  { id: 'publish-debug-startup-time-limit', defaultSeverity: 'warning', description: 'startupTimeLimit="3600", Visual Studio\'s debugging value, in a published web.config.' },
  { id: 'publish-debug-request-timeout', defaultSeverity: 'warning', description: 'requestTimeout="23:00:00", Visual Studio\'s debugging value, in a published web.config.' },
  { id: 'publish-invalid-json', defaultSeverity: 'error', description: 'A .runtimeconfig.json or .deps.json that is not valid JSON: the .NET host stops on it.' },
  { id: 'publish-file-unreadable', defaultSeverity: 'information', description: 'A file the checks need could not be read (too large, unreadable, or a link out of the folder).' },
] as const satisfies readonly PublishCheckDescription[];

export type PublishCheckId = (typeof PUBLISH_CHECKS)[number]['id'];

export interface PublishFinding {
  readonly id: PublishCheckId;
  readonly severity: PublishSeverity;
  /** Leads with the problem; at most 200 characters. */
  readonly message: string;
  readonly attribute: PublishAttribute;
  /** The HTTP status ANCM answers with, when the finding predicts one (`500.38`). */
  readonly status?: string;
  /** The folder's files the finding is about, relative to the folder. */
  readonly files?: readonly string[];
}

/**
 * In a publish output these checks say what a web.config rule of the service says, as the error it is there: where one
 * of them reports, the rule's own finding is left out so the user reads it once.
 */
const SUPERSEDED_RULES: Readonly<Record<string, string>> = {
  'publish-launcher-placeholder': 'launcher-placeholder',
  'publish-development-environment': 'development-environment',
};

/** The web.config rules whose findings the given publish findings replace. */
export function supersededRules(findingIds: Iterable<string>): Set<string> {
  const rules = new Set<string>();
  for (const id of findingIds) {
    const rule = SUPERSEDED_RULES[id];
    if (rule) rules.add(rule);
  }
  return rules;
}

/** The web.config settings the checks read, as written (values unexpanded), plus what is known about the app pool. */
export interface PublishCheckInput {
  readonly processPath?: string;
  readonly arguments?: string;
  /** As written; missing or empty is out-of-process, as ANCM reads it. */
  readonly hostingModel?: string;
  readonly startupTimeLimit?: string;
  readonly requestTimeout?: string;
  /** The `<environmentVariables>` in effect. */
  readonly environmentVariables?: readonly { readonly name: string; readonly value: string }[];
  /** The `<handlerSettings>` in effect (enableShadowCopy, shadowCopyDirectory, cleanShadowCopyDirectory...). */
  readonly handlerSettings?: readonly { readonly name: string; readonly value: string }[];
  /** The app pool's "Enable 32-Bit Applications", when known (applicationHost.config or a setting). */
  readonly appPool32Bit?: boolean;
  /** Other apps' shadow-copy directories, resolved to absolute paths, to find one shared. */
  readonly otherShadowCopyDirectories?: readonly string[];
}

/** What the framework-resolution engine is asked: one app's runtimeconfig, for a process of this architecture. */
export interface RuntimeResolutionRequest {
  readonly app: string;
  readonly runtimeConfig: RuntimeConfigFacts;
  /** The worker process's architecture when known (from the app pool), else what the app's files need. */
  readonly architecture: PeArchitecture | undefined;
}

/** Its answer for one framework reference: `resolved` set when the framework resolves, with a message either way. */
export interface RuntimeResolution {
  readonly framework: string;
  readonly resolved?: string;
  /** "resolves to Microsoft.AspNetCore.App 8.0.11 (x64)" / "needs the .NET 8 Hosting Bundle, 8.0.0 or later (x64)". */
  readonly message: string;
}

export type RuntimeResolver = (request: RuntimeResolutionRequest) => readonly RuntimeResolution[];

export interface PublishCheckOptions {
  readonly resolveRuntimes?: RuntimeResolver;
}

const MAX_MESSAGE = 200;
const SEVERITY: Readonly<Record<PublishCheckId, PublishSeverity>> = Object.fromEntries(PUBLISH_CHECKS.map((check) => [check.id, check.defaultSeverity])) as Record<PublishCheckId, PublishSeverity>;

function finding(id: PublishCheckId, attribute: PublishAttribute, message: string, extra: { severity?: PublishSeverity; status?: string; files?: readonly string[] } = {}): PublishFinding {
  const text = message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
  return { id, severity: extra.severity ?? SEVERITY[id], message: text, attribute, ...(extra.status ? { status: extra.status } : {}), ...(extra.files ? { files: extra.files } : {}) };
}

// --- how web.config starts the app -------------------------------------------------------------------------------------

export interface AppStart {
  /** `dotnet` with a dll in arguments, or the app's own .exe. */
  readonly via: 'dotnet' | 'exe';
  /** The path as written (processPath for an .exe; the dll's path from arguments for dotnet). */
  readonly written: string;
  /** Relative to the folder, normalised; undefined when rooted, outside the folder or holding a %VARIABLE%. */
  readonly relative: string | undefined;
  /** The app the path names (`App` for `.\App.dll` or `.\App.exe`). */
  readonly appName: string;
  /** The app's facts, when the folder has an app of that name. */
  readonly app: AppFacts | undefined;
  /** For dotnet: the dll path is unquoted and has a space. */
  readonly unquotedSpace: boolean;
}

function fileNameOf(value: string): string {
  return value.slice(Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/')) + 1);
}

function extensionOf(value: string): string {
  const name = fileNameOf(value);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function stemOf(value: string): string {
  const name = fileNameOf(value);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/** HostFxrResolver's IsDotnetExecutable, after `.exe` is appended to a path without an extension. */
export function isDotnetHost(processPath: string): boolean {
  const withExtension = extensionOf(processPath) === '' ? `${processPath}.exe` : processPath;
  return withExtension.toLowerCase().endsWith('dotnet.exe');
}

function hasVariable(value: string): boolean {
  return /%[^%\s]+%/.test(value);
}

/** Arguments split as CommandLineToArgvW does for the common cases: blanks separate, double quotes group. */
export function splitArguments(args: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const char of args) {
    if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if ((char === ' ' || char === '\t') && !quoted) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) tokens.push(current);
  return tokens;
}

/**
 * The app names processPath and arguments point at, read before the folder is: a single-file app has no
 * runtimeconfig.json of its own, so readPublishFolder is told which app to look for.
 */
export function expectedAppsOf(input: PublishCheckInput): string[] {
  const nothing: PublishFolder = { folder: '', apps: [], files: [], filesTruncated: false, selfContained: false, problems: [] };
  const start = appStartOf(nothing, input);
  return start && start.appName !== '' ? [start.appName] : [];
}

/** How web.config's processPath and arguments start an app of this folder; undefined when they do not say. */
export function appStartOf(folder: PublishFolder, input: PublishCheckInput): AppStart | undefined {
  const processPath = input.processPath?.trim();
  if (!processPath || isLauncher(processPath)) return undefined;
  const appNamed = (name: string): AppFacts | undefined => folder.apps.find((app) => app.name.toLowerCase() === name.toLowerCase());
  if (isDotnetHost(processPath)) {
    const args = input.arguments ?? '';
    if (isLauncher(args)) return undefined;
    // `.\My App.dll` without quotes: the text up to the first `.dll` is what was meant, and it has a blank.
    const unquoted = /^\s*([^"\s-][^"]*?\.dll)(?=\s|$)/i.exec(args);
    const unquotedSpace = unquoted !== null && /\s/.test(unquoted[1]);
    const dll = unquotedSpace ? unquoted[1] : splitArguments(args).find((token) => token.toLowerCase().endsWith('.dll'));
    if (dll === undefined) return undefined;
    const relative = hasVariable(dll) ? undefined : normalizeRelative(dll);
    return { via: 'dotnet', written: dll, relative, appName: stemOf(dll), app: appNamed(stemOf(dll)), unquotedSpace };
  }
  const exe = extensionOf(processPath) === '' ? `${processPath}.exe` : processPath;
  if (extensionOf(exe) !== '.exe') return undefined;
  const relative = hasVariable(exe) ? undefined : normalizeRelative(exe);
  return { via: 'exe', written: processPath, relative, appName: stemOf(exe), app: appNamed(stemOf(exe)), unquotedSpace: false };
}

function isInProcess(input: PublishCheckInput): boolean {
  return input.hostingModel?.trim().toLowerCase() === 'inprocess';
}

// --- the checks ----------------------------------------------------------------------------------------------------------

/** Every finding for the publish folder and its web.config settings. Pure; never throws on odd facts. */
export function checkPublishFolder(folder: PublishFolder, input: PublishCheckInput, options: PublishCheckOptions = {}): PublishFinding[] {
  const start = appStartOf(folder, input);
  return [
    ...checkProcessStart(folder, input, start),
    ...checkBitness(folder, input, start),
    ...checkRuntimeConfig(folder, input, start),
    ...checkRuntimes(folder, input, start, options.resolveRuntimes),
    ...checkDepsAssets(folder, input, start),
    ...checkAppOffline(folder),
    ...checkShadowCopy(folder, input),
    ...checkDevelopmentResidue(input),
    ...checkProblems(folder),
  ];
}

/** processPath / arguments name files that exist; single-file in-process; self-contained started with dotnet. */
export function checkProcessStart(folder: PublishFolder, input: PublishCheckInput, start = appStartOf(folder, input)): PublishFinding[] {
  if (!start) return [];
  const findings: PublishFinding[] = [];
  const inProcess = isInProcess(input);
  const listed = (relative: string): boolean | undefined => (findFile(folder, relative)?.kind === 'file' ? true : folder.filesTruncated ? undefined : false);
  if (start.via === 'dotnet') {
    if (start.unquotedSpace) {
      findings.push(finding('publish-unquoted-space', 'arguments', `"${start.written}" has a space but no quotes: dotnet gets "${splitArguments(start.written)[0]}" as the app. Quote it: arguments="&quot;${start.written}&quot;".`));
    }
    if (start.relative !== undefined && listed(start.relative) === false) {
      findings.push(finding('publish-app-dll-missing', 'arguments', `${start.written} is not in the publish folder: dotnet cannot start the app (HTTP ${inProcess ? '500.38' : '502.5'}).`, { status: inProcess ? '500.38' : '502.5', files: [start.relative] }));
    }
    if (folder.hostfxr !== undefined || start.app?.runtimeConfig?.selfContained === true) {
      findings.push(finding('publish-self-contained-with-dotnet', 'processPath', `The app is self-contained (${folder.hostfxr ? folder.hostfxr.file : 'no framework in runtimeconfig.json'}) but processPath is dotnet: start .\\${start.appName}.exe so it runs on its own runtime.`));
    }
    return findings;
  }
  if (start.relative === undefined) return findings;
  const exePresent = listed(start.relative);
  if (exePresent === false) {
    findings.push(finding('publish-exe-missing', 'processPath', `${start.written} is not in the publish folder: ANCM cannot start the app (HTTP ${inProcess ? '500.0' : '502.5'}).`, { status: inProcess ? '500.0' : '502.5', files: [start.relative] }));
    return findings;
  }
  const dllRelative = `${start.relative.slice(0, -4)}.dll`;
  if (listed(dllRelative) !== false) return findings;
  const dllName = `${start.appName}.dll`;
  if (start.app?.singleFile) {
    if (inProcess) findings.push(finding('publish-single-file-in-process', 'hostingModel', `${fileNameOf(start.written)} is a single-file publish, which in-process hosting cannot run: ANCM needs ${dllName} beside it (HTTP 500.38). Host out-of-process or publish without PublishSingleFile.`, { status: '500.38', files: [dllRelative] }));
    return findings;
  }
  findings.push(finding('publish-app-dll-missing', 'processPath', `${dllName} is missing beside ${fileNameOf(start.written)}: the app cannot start (HTTP ${inProcess ? '500.38' : '502.5'}). Publish the app again, with all its files.`, { status: inProcess ? '500.38' : '502.5', files: [dllRelative] }));
  return findings;
}

/** What the app's files require of the process that loads them, and which file says so. */
export interface ArchitectureNeed {
  /** undefined: any architecture will do (or nothing could be read). */
  readonly needs: PeArchitecture | undefined;
  readonly because: readonly { readonly file: string; readonly architecture: PeArchitecture; readonly described: string }[];
  /** The files disagree (e.g. hostfxr.dll x64 with an x86 app dll). */
  readonly conflict: boolean;
}

/**
 * In-process, w3wp.exe loads the app's hostfxr.dll when the app is self-contained (else the machine's, of w3wp's own
 * bitness), then the app's dll: a native hostfxr.dll needs its machine, a managed dll needs x86 when it requires 32 bits
 * and its machine when it is PE32+; an IL-only AnyCPU dll runs in either. The apphost .exe counts for a self-contained
 * app (it is built for the same runtime identifier as hostfxr.dll).
 */
export function architectureNeed(folder: PublishFolder, app: AppFacts | undefined): ArchitectureNeed {
  const files: (PeFileFacts | undefined)[] = [app?.dll];
  if (folder.selfContained) files.push(folder.hostfxr, app?.exe);
  const because: { file: string; architecture: PeArchitecture; described: string }[] = [];
  for (const file of files) {
    if (!file?.pe.ok) continue;
    const facts: PeFacts = file.pe.facts;
    if (facts.architecture === undefined || facts.architecture === 'any') continue;
    because.push({ file: file.file, architecture: facts.architecture, described: describeArchitecture(facts) });
  }
  const kinds = new Set(because.map((entry) => entry.architecture));
  return { needs: because[0]?.architecture, because, conflict: kinds.size > 1 };
}

/** Bitness against the app pool: only in-process, where the app lives in w3wp.exe. */
export function checkBitness(folder: PublishFolder, input: PublishCheckInput, start = appStartOf(folder, input)): PublishFinding[] {
  const app = start?.app ?? (folder.apps.length === 1 ? folder.apps[0] : undefined);
  const need = architectureNeed(folder, app);
  const findings: PublishFinding[] = [];
  if (need.conflict) {
    findings.push(finding('publish-mixed-architectures', 'folder', `The app's files need different architectures: ${need.because.map((entry) => `${entry.file} ${entry.described}`).join(', ')}. Publish again for one runtime identifier.`, { files: need.because.map((entry) => entry.file) }));
    return findings;
  }
  if (!isInProcess(input) || need.needs === undefined) return findings;
  const first = need.because[0];
  const is32 = need.needs === 'x86' || need.needs === 'arm';
  if (input.appPool32Bit === undefined) {
    if (is32) findings.push(finding('publish-needs-32-bit-pool', 'appPool', `${first.file} is ${first.described}: its app pool needs Enable 32-Bit Applications = True, or the app fails with HTTP 500.32.`, { files: [first.file] }));
    return findings;
  }
  if (is32 && !input.appPool32Bit) {
    findings.push(finding('publish-bitness-mismatch', 'appPool', `${first.file} is ${first.described} but the app pool is 64-bit (HTTP 500.32): set Enable 32-Bit Applications = True, or publish for win-x64.`, { status: '500.32', files: [first.file] }));
  } else if (!is32 && input.appPool32Bit) {
    findings.push(finding('publish-bitness-mismatch', 'appPool', `${first.file} is ${first.described} but the app pool is 32-bit (HTTP 500.32): set Enable 32-Bit Applications = False, or publish for win-x86.`, { status: '500.32', files: [first.file] }));
  }
  return findings;
}

/** Microsoft.AspNetCore.All (2.x) carries Microsoft.AspNetCore.App, and with it the in-process request handler. */
const ASPNETCORE_FRAMEWORKS = new Set(['microsoft.aspnetcore.app', 'microsoft.aspnetcore.all']);

/**
 * The app references Microsoft.AspNetCore.App (in-process ANCM finds aspnetcorev2_inprocess.dll through it; else 500.33,
 * "ANCM Request Handler Load Failure"), and a framework-dependent app has its runtimeconfig.json.
 */
export function checkRuntimeConfig(folder: PublishFolder, input: PublishCheckInput, start = appStartOf(folder, input)): PublishFinding[] {
  const app = start?.app ?? (folder.apps.length === 1 ? folder.apps[0] : undefined);
  if (!app) return [];
  const findings: PublishFinding[] = [];
  const config = app.runtimeConfig;
  if (!config) {
    const broken = folder.problems.some((problem) => problem.file.toLowerCase() === `${app.name.toLowerCase()}.runtimeconfig.json`);
    if (!broken && !app.singleFile && !folder.selfContained && app.dll !== undefined) {
      findings.push(finding('publish-runtimeconfig-missing', 'folder', `${app.name}.runtimeconfig.json is missing: the .NET host cannot tell which runtime ${app.name}.dll needs. Publish the app again, with all its files.`, { files: [`${app.name}.runtimeconfig.json`] }));
    }
    return findings;
  }
  if (!isInProcess(input)) return findings;
  const references = config.selfContained ? config.includedFrameworks : config.frameworks;
  if (config.selfContained && references.length === 0) return findings; // an old self-contained file lists none
  if (!references.some((reference) => ASPNETCORE_FRAMEWORKS.has(reference.name.toLowerCase()))) {
    const named = references.map((reference) => reference.name).join(', ') || 'no framework';
    findings.push(finding('publish-missing-aspnetcore-framework', 'hostingModel', `${config.file} references ${named}, not Microsoft.AspNetCore.App: in-process ANCM finds no request handler (HTTP 500.33). Use Sdk="Microsoft.NET.Sdk.Web".`, { status: '500.33', files: [config.file] }));
  }
  return findings;
}

/** The runtime match, by the framework-resolution engine when given; skipped without it and for self-contained apps. */
export function checkRuntimes(folder: PublishFolder, input: PublishCheckInput, start: AppStart | undefined, resolveRuntimes: RuntimeResolver | undefined): PublishFinding[] {
  const app = start?.app ?? (folder.apps.length === 1 ? folder.apps[0] : undefined);
  const config = app?.runtimeConfig;
  if (!resolveRuntimes || !app || !config || config.selfContained || folder.selfContained) return [];
  const pool: PeArchitecture | undefined = input.appPool32Bit === undefined ? undefined : input.appPool32Bit ? 'x86' : 'x64';
  const architecture = isInProcess(input) && pool !== undefined ? pool : architectureNeed(folder, app).needs;
  let resolutions: readonly RuntimeResolution[];
  try {
    resolutions = resolveRuntimes({ app: app.name, runtimeConfig: config, architecture });
  } catch {
    return [];
  }
  const inProcess = isInProcess(input);
  return resolutions
    .filter((resolution) => resolution.resolved === undefined)
    .map((resolution) => finding('publish-runtime-not-found', 'folder', `${resolution.framework}: ${resolution.message}`, { status: inProcess ? '500.31' : '502.5', files: [config.file] }));
}

/** RIDs whose assets a Windows server loads (runtimeTargets for `unix`, `linux-x64`... are not needed there). */
function windowsRid(rid: string | undefined): boolean {
  return rid === undefined || rid === 'any' || rid === 'base' || rid.toLowerCase().startsWith('win');
}

const LISTED_IN_MESSAGE = 3;

/** Every runtime and native asset the deps.json lists is in the folder (hostpolicy: "An assembly specified in the application dependencies manifest was not found"). */
export function checkDepsAssets(folder: PublishFolder, input: PublishCheckInput, start = appStartOf(folder, input)): PublishFinding[] {
  const findings: PublishFinding[] = [];
  for (const app of folder.apps) {
    if (!app.deps) continue;
    // The app's own dll is the process checks' when web.config names it.
    const own = start?.app === app ? `${app.name}.dll`.toLowerCase() : undefined;
    const missing = app.deps.assets.filter((asset) => asset.present === false && windowsRid(asset.rid) && fileNameOf(asset.path).toLowerCase() !== own);
    for (const kind of ['runtime', 'native'] as const) {
      const files = [...new Set(missing.filter((asset) => asset.kind === kind).map((asset) => asset.path))];
      if (files.length === 0) continue;
      const shown = files.slice(0, LISTED_IN_MESSAGE).map(fileNameOf).join(', ') + (files.length > LISTED_IN_MESSAGE ? `, and ${files.length - LISTED_IN_MESSAGE} more` : '');
      findings.push(finding(
        'publish-deps-asset-missing',
        'folder',
        kind === 'runtime'
          ? `${files.length === 1 ? 'A file' : `${files.length} files`} ${app.deps.file} lists ${files.length === 1 ? 'is' : 'are'} missing (${shown}): the .NET host stops before the app starts.`
          : `${files.length === 1 ? 'A native library' : `${files.length} native libraries`} ${app.deps.file} lists ${files.length === 1 ? 'is' : 'are'} missing (${shown}): the app fails when it first loads ${files.length === 1 ? 'it' : 'them'}.`,
        { files, ...(kind === 'native' ? { severity: 'warning' as const } : {}) },
      ));
    }
  }
  return findings;
}

export function checkAppOffline(folder: PublishFolder): PublishFinding[] {
  if (folder.appOffline === undefined) return [];
  return [finding('publish-app-offline', 'folder', `${folder.appOffline} is in the folder: ANCM stops the app and the site answers 503 with that file until it is removed.`, { status: '503', files: [folder.appOffline] })];
}

function setting(input: PublishCheckInput, name: string): string | undefined {
  const lower = name.toLowerCase();
  let value: string | undefined;
  for (const entry of input.handlerSettings ?? []) if (entry.name.toLowerCase() === lower) value = entry.value;
  return value;
}

/** Windows paths compared the Windows way: `\` and `/` alike, any case, no trailing separator. */
function comparable(value: string): string {
  return value.replace(/[\\/]+/g, '/').replace(/\/$/, '').toLowerCase();
}

function isWindowsRooted(value: string): boolean {
  return /^(?:[a-zA-Z]:[\\/]|[\\/]{2})/.test(value);
}

/** `..\ShadowCopy\App` against the app folder, with `/` separators; undefined when it holds a variable. */
function resolveAgainst(folder: string, value: string): string | undefined {
  if (hasVariable(value)) return undefined;
  if (isWindowsRooted(value) || value.startsWith('/')) return comparable(value);
  const parts = comparable(folder).split('/');
  for (const part of value.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part.toLowerCase());
  }
  return parts.join('/');
}

function within(parent: string, child: string): boolean {
  return child === parent || child.startsWith(`${parent}/`);
}

/**
 * Shadow copying (ANCM 7+ `enableShadowCopy`, ANCM 6 `experimentalEnableShadowCopy`): ANCM copies the app into numbered
 * subfolders of shadowCopyDirectory (default `ShadowCopyDirectory` in the app folder) and deletes older numbered folders
 * it finds there, and with cleanShadowCopyDirectory empties the one it is about to use.
 */
export function checkShadowCopy(folder: PublishFolder, input: PublishCheckInput): PublishFinding[] {
  const enabled = ['enableShadowCopy', 'experimentalEnableShadowCopy'].some((name) => setting(input, name)?.trim().toLowerCase() === 'true');
  if (!enabled) return [];
  const findings: PublishFinding[] = [];
  const written = setting(input, 'shadowCopyDirectory')?.trim() || 'ShadowCopyDirectory';
  const clean = setting(input, 'cleanShadowCopyDirectory')?.trim().toLowerCase() === 'true';
  const appFolder = comparable(folder.folder);
  const directory = resolveAgainst(folder.folder, written);
  if (directory !== undefined) {
    const others = (input.otherShadowCopyDirectories ?? []).map(comparable);
    if (within(directory, appFolder) && directory !== appFolder) {
      findings.push(finding('publish-shadow-copy-shared', 'shadowCopyDirectory', `shadowCopyDirectory "${written}" holds the app folder itself${clean ? ', and cleanShadowCopyDirectory empties it' : ''}: give the app a folder of its own, e.g. ..\\ShadowCopy\\${appLabel(folder)}.`, clean ? { severity: 'error' } : {}));
    } else if (within(appFolder, directory)) {
      findings.push(finding('publish-shadow-copy-inside-app', 'shadowCopyDirectory', `shadowCopyDirectory "${written}" is inside the app folder: deployments that mirror the folder delete or lock the copies. Use ..\\ShadowCopy\\${appLabel(folder)}.`));
    } else if (others.some((other) => other === directory)) {
      findings.push(finding('publish-shadow-copy-shared', 'shadowCopyDirectory', `shadowCopyDirectory "${written}" is shared with another app: ANCM deletes numbered copies it finds there, breaking the other app. Give each app its own.`, clean ? { severity: 'error' } : {}));
    }
  }
  if (!clean) {
    findings.push(finding('publish-shadow-copy-not-cleaned', 'cleanShadowCopyDirectory', 'Shadow copying without cleanShadowCopyDirectory="true": a deployment that removes a folder can stop older ANCM versions from starting the app (aspnetcore#52433).'));
  }
  return findings;
}

function appLabel(folder: PublishFolder): string {
  return folder.apps[0]?.name ?? 'MyApp';
}

const LAUNCHER_VALUES: readonly { attribute: 'processPath' | 'arguments'; pattern: RegExp }[] = [
  { attribute: 'processPath', pattern: /%LAUNCHER_PATH%/i },
  { attribute: 'processPath', pattern: /VSIISExeLauncher\.exe/i },
  { attribute: 'arguments', pattern: /%LAUNCHER_ARGS%/i },
  { attribute: 'arguments', pattern: /-argFile[ \t]+IISExeLauncherArgs\.txt/i },
];

function isLauncher(value: string): boolean {
  return LAUNCHER_VALUES.some((launcher) => launcher.pattern.test(value));
}

/** Values Visual Studio writes for debugging, which a published web.config should not keep. */
export function checkDevelopmentResidue(input: PublishCheckInput): PublishFinding[] {
  const findings: PublishFinding[] = [];
  for (const { attribute, pattern } of LAUNCHER_VALUES) {
    const match = pattern.exec(input[attribute] ?? '');
    if (match) findings.push(finding('publish-launcher-placeholder', attribute, `${attribute} has ${match[0]}, a Visual Studio launcher value: IIS cannot start the app with it. Publish again, which replaces it.`));
  }
  const environment = new Map<string, string>();
  for (const variable of input.environmentVariables ?? []) environment.set(variable.name.toUpperCase(), variable.value);
  for (const name of ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT']) {
    const value = environment.get(name);
    if (value?.trim().toLowerCase() === 'development') {
      findings.push(finding('publish-development-environment', 'environmentVariables', `${name}=${value.trim()} in a published web.config: every visitor gets detailed errors and the app's Development mode. Use Production.`));
    }
  }
  if (input.startupTimeLimit?.trim() === '3600') {
    findings.push(finding('publish-debug-startup-time-limit', 'startupTimeLimit', 'startupTimeLimit="3600" is Visual Studio\'s debugging value: an app that hangs at start holds requests for an hour. Use the default (120).'));
  }
  if (input.requestTimeout?.trim() === '23:00:00') {
    findings.push(finding('publish-debug-request-timeout', 'requestTimeout', 'requestTimeout="23:00:00" is Visual Studio\'s debugging value: a hung request is held for 23 hours. Use the default (00:02:00).'));
  }
  return findings;
}

/** Files the facts could not be read from: a broken JSON file stops the .NET host; the rest limit what was checked. */
export function checkProblems(folder: PublishFolder): PublishFinding[] {
  return folder.problems.map((problem) => problem.problem === 'invalid-json'
    ? finding('publish-invalid-json', 'folder', `${fileNameOf(problem.file)} is not valid JSON: the .NET host stops on it before the app starts. Publish the app again.`, { files: [problem.file] })
    : finding('publish-file-unreadable', 'folder', `${problem.file} was not checked (${problem.problem.replace(/-/g, ' ')}): ${problem.detail}`, { files: [problem.file] }));
}
