// "Will it run on that server?": hostfxr's framework resolution, run against an inventory of installed frameworks instead
// of the disk, so a publish folder's runtimeconfig.json can be checked before the first request answers 500.31 / 502.5.
//
// The rules follow the host, not a simplification of it, because the point is to agree with it on the edge cases users hit
// (a preview installed beside a release, an x86 app pool, DOTNET_ROLL_FORWARD on the server):
// - dotnet/runtime docs/design/features/framework-version-resolution.md: roll-forward policies and their mapping to
//   (version_compatibility_range, roll_to_highest_version), release-prefers-release, DOTNET_ROLL_FORWARD_TO_PRERELEASE,
//   reference reconciliation and the retry algorithm, and (before .NET 12) `applyPatches` / `rollForwardOnNoCandidateFx`;
// - docs/design/features/roll-forward-on-no-candidate-fx.md: the legacy settings' meaning;
// - src/native/corehost/fxr/fx_resolver.cpp: the search itself (closest or highest compatible version, then the automatic
//   roll to the latest patch, which is skipped when the match is a prerelease), the exact-folder path for Disable and for
//   LatestPatch with applyPatches=false, and read_framework's reconcile-or-retry loop;
// - src/native/corehost/fx_reference.cpp: is_compatible_with_higher_version and merge_roll_forward_settings_from;
// - src/native/corehost/roll_forward_option.cpp: option names are matched case-insensitively;
// - src/native/corehost/runtime_config.cpp: where each setting comes from and in which order they override.
//
// One hive per architecture: multilevel lookup is off for apps targeting .NET 7+ and IIS servers install into one dotnet
// root per bitness (docs/design/features/multilevel-sharedfx-lookup.md), so versions of one name and architecture form one
// list and duplicates from several roots count once.

import { compareFrameworkVersions, isPrerelease, parseFrameworkVersion, type FrameworkVersion } from './frameworkVersion';

export type RollForward = 'Disable' | 'LatestPatch' | 'Minor' | 'LatestMinor' | 'Major' | 'LatestMajor';
export const ROLL_FORWARD_VALUES: readonly RollForward[] = ['Disable', 'LatestPatch', 'Minor', 'LatestMinor', 'Major', 'LatestMajor'];

/** `x64`, `x86`, `arm64`, ... lower case as the host prints them. */
export type Architecture = string;
export const DEFAULT_ARCHITECTURE: Architecture = 'x64';

export interface InstalledFramework {
  readonly name: string;
  readonly version: string;
  /** Assumed `x64` when absent (the usual IIS server). */
  readonly architecture?: Architecture;
  /** The framework's folder (`C:\Program Files\dotnet\shared\Microsoft.AspNetCore.App`), when known. */
  readonly path?: string;
}

/** A framework reference as runtimeconfig.json writes it, with the settings that apply to it from that file. */
export interface FrameworkReference {
  readonly name: string;
  readonly version: string;
  /** Any letter case, as the host reads it; Minor when absent. */
  readonly rollForward?: RollForward | string;
  /** Legacy (obsolete; ignored from .NET 12): false stops the roll to the latest patch. */
  readonly applyPatches?: boolean;
  /** Legacy (obsolete; ignored from .NET 12): 0 = LatestPatch, 1 = Minor, 2 = Major. */
  readonly rollForwardOnNoCandidateFx?: number;
}

/** `runtimeOptions` of a runtimeconfig.json (already parsed JSON; this module reads no files). */
export interface RuntimeOptions {
  readonly framework?: FrameworkReference;
  readonly frameworks?: readonly FrameworkReference[];
  /** Self-contained apps list their frameworks here; nothing to resolve. */
  readonly includedFrameworks?: readonly unknown[];
  readonly rollForward?: RollForward | string;
  readonly applyPatches?: boolean;
  readonly rollForwardOnNoCandidateFx?: number;
  readonly tfm?: string;
}

export interface ResolveOptions {
  /** The architecture of the process that hosts the app: the app pool's bitness for in-process. Default `x64`. */
  readonly architecture?: Architecture;
  /** The server's environment (or the app pool's): DOTNET_ROLL_FORWARD, DOTNET_ROLL_FORWARD_TO_PRERELEASE, ... */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The hostfxr version that will run (on a server, the newest installed runtime's). From 12 on, `applyPatches`,
   * `rollForwardOnNoCandidateFx` and DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX are ignored
   * (framework-version-resolution.md, "Obsolete settings"); when absent they are honoured, as every released host does.
   */
  readonly hostfxrVersion?: string;
  /**
   * The references a resolved framework makes itself (from shared\<name>\<version>\<name>.runtimeconfig.json, read by the
   * caller). When it returns undefined, the built-in rule applies: Microsoft.AspNetCore.App and
   * Microsoft.WindowsDesktop.App reference Microsoft.NETCore.App of their own major.minor.
   */
  readonly frameworkReferencesOf?: (name: string, version: string) => readonly FrameworkReference[] | undefined;
}

export interface ResolvedFramework {
  readonly name: string;
  readonly version: string;
  readonly architecture: Architecture;
  readonly path?: string;
  /** The (effective) version that was asked for. */
  readonly requested: string;
  readonly rollForward: RollForward;
  /** "resolves to Microsoft.AspNetCore.App 8.0.11 (x64)". */
  readonly sentence: string;
}

export interface OtherArchitectureVersions {
  readonly architecture: Architecture;
  readonly versions: readonly string[];
}

export interface FrameworkNotFound {
  readonly name: string;
  readonly version: string;
  readonly rollForward: RollForward;
  readonly architecture: Architecture;
  /** "the .NET 8 Hosting Bundle, 8.0.0 or later (x64)". */
  readonly needs: string;
  /** Versions of this framework installed for this architecture, lowest first. */
  readonly installed: readonly string[];
  /** The closest installed versions below and above the one asked for (up to one each). */
  readonly nearest: readonly string[];
  /** The same framework installed for other architectures (a bitness mismatch, not a missing install). */
  readonly otherArchitectures: readonly OtherArchitectureVersions[];
  /** "needs the .NET 8 Hosting Bundle, 8.0.0 or later (x64)". */
  readonly sentence: string;
  /** "Microsoft.AspNetCore.App 8.0.0 (rollForward Minor) is not installed for x64; installed: 6.0.25; for x86: 8.0.11". */
  readonly detail: string;
}

export type ReferenceProblemKind =
  | 'invalid-version'
  | 'invalid-roll-forward'
  | 'invalid-environment'
  | 'conflicting-settings'
  | 'duplicate-reference'
  | 'missing-name'
  | 'incompatible-references';

export interface ReferenceProblem {
  readonly name: string;
  readonly version: string;
  readonly kind: ReferenceProblemKind;
  readonly sentence: string;
}

export type FrameworkResolution =
  | { readonly resolved: ResolvedFramework; readonly missing?: undefined; readonly invalid?: undefined }
  | { readonly missing: FrameworkNotFound; readonly resolved?: undefined; readonly invalid?: undefined }
  | { readonly invalid: ReferenceProblem; readonly resolved?: undefined; readonly missing?: undefined };

export interface AppResolution {
  /** One result per framework, the app's references first, then the frameworks they reference, in the host's order. */
  readonly frameworks: readonly FrameworkResolution[];
  /** A problem with the runtimeconfig as a whole (conflicting settings, a bad DOTNET_ROLL_FORWARD). */
  readonly problem?: ReferenceProblem;
  /** `includedFrameworks` without `framework(s)`: the app carries its runtime, nothing is resolved. */
  readonly selfContained: boolean;
  /** Every framework resolved (and the app is framework-dependent or self-contained without problems). */
  readonly ok: boolean;
}

// ---------------------------------------------------------------------------------------------------------------------
// Settings

/** The host's internal form of a reference (fx_reference.h): a compatibility range and roll-to-highest. */
const Range = { Exact: 0, Patch: 1, Minor: 2, Major: 3 } as const;
type Range = (typeof Range)[keyof typeof Range];

interface Effective {
  readonly name: string;
  readonly versionText: string;
  readonly version: FrameworkVersion;
  readonly range: Range;
  readonly rollToHighest: boolean;
  /** A release reference prefers release versions unless DOTNET_ROLL_FORWARD_TO_PRERELEASE=1 (runtime_config.cpp). */
  readonly preferRelease: boolean;
  readonly applyPatches: boolean;
}

/** Case-insensitive, as roll_forward_option_from_string; undefined for anything else. */
export function parseRollForward(text: string): RollForward | undefined {
  if (typeof text !== 'string') return undefined;
  const lower = text.toLowerCase();
  return ROLL_FORWARD_VALUES.find((value) => value.toLowerCase() === lower);
}

function rangeOf(rollForward: RollForward): { range: Range; rollToHighest: boolean } {
  switch (rollForward) {
    case 'Disable': return { range: Range.Exact, rollToHighest: false };
    case 'LatestPatch': return { range: Range.Patch, rollToHighest: false };
    case 'Minor': return { range: Range.Minor, rollToHighest: false };
    case 'LatestMinor': return { range: Range.Minor, rollToHighest: true };
    case 'Major': return { range: Range.Major, rollToHighest: false };
    case 'LatestMajor': return { range: Range.Major, rollToHighest: true };
  }
}

/** The policy name for a (possibly merged) reference; a merge can give a pair no option names (patch + highest). */
function rollForwardOf(reference: Effective): RollForward {
  switch (reference.range) {
    case Range.Exact: return 'Disable';
    case Range.Patch: return 'LatestPatch';
    case Range.Minor: return reference.rollToHighest ? 'LatestMinor' : 'Minor';
    case Range.Major: return reference.rollToHighest ? 'LatestMajor' : 'Major';
  }
}

/**
 * rollForwardOnNoCandidateFx to rollForward (roll_fwd_on_no_candidate_fx_option.cpp): 0, 1, 2; any other number reaches
 * the host's `default:` branch, which (in a release build) answers Disable.
 */
function fromNoCandidateFx(value: number): RollForward {
  return value === 0 ? 'LatestPatch' : value === 1 ? 'Minor' : value === 2 ? 'Major' : 'Disable';
}

/** C's atoi, which the host uses (pal::xtoi) for the numeric environment variables: "1", " 1", "1x" are all 1. */
function atoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d{1,10})/.exec(text);
  return match ? Number.parseInt(match[1], 10) : 0;
}

/** Environment variable names are case-insensitive on Windows, where IIS runs. */
function envValue(env: ResolveOptions['env'], name: string): string | undefined {
  if (!env) return undefined;
  const exact = env[name];
  if (exact !== undefined) return exact;
  const upper = name.toUpperCase();
  for (const key of Object.keys(env)) if (key.toUpperCase() === upper && env[key] !== undefined) return env[key];
  return undefined;
}

function honoursLegacySettings(options: ResolveOptions): boolean {
  if (options.hostfxrVersion === undefined) return true;
  const version = parseFrameworkVersion(options.hostfxrVersion);
  return !version || version.major < 12;
}

interface ScopeSettings {
  readonly rollForward?: RollForward | string;
  readonly applyPatches?: boolean;
  readonly rollForwardOnNoCandidateFx?: number;
}

interface Environment {
  readonly rollForward?: RollForward;
  readonly rollForwardText?: string;
  readonly noCandidateDefault?: RollForward;
  readonly toPrerelease: boolean;
  readonly legacy: boolean;
}

function readEnvironment(options: ResolveOptions): Environment {
  const legacy = honoursLegacySettings(options);
  const rollForwardText = envValue(options.env, 'DOTNET_ROLL_FORWARD');
  const noCandidate = legacy ? envValue(options.env, 'DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX') : undefined;
  const toPrerelease = envValue(options.env, 'DOTNET_ROLL_FORWARD_TO_PRERELEASE');
  return {
    rollForward: rollForwardText === undefined ? undefined : parseRollForward(rollForwardText),
    rollForwardText,
    noCandidateDefault: noCandidate === undefined ? undefined : fromNoCandidateFx(atoi(noCandidate)),
    // "By default when it's not set or set to anything but `1` the behavior would be as described above."
    toPrerelease: toPrerelease !== undefined && atoi(toPrerelease) === 1,
    legacy,
  };
}

function problem(name: string, version: string, kind: ReferenceProblemKind, sentence: string): ReferenceProblem {
  return { name, version, kind, sentence };
}

/**
 * Builds the effective reference as runtime_config.cpp does, last wins: the default (Minor, applyPatches) ->
 * DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX -> runtimeOptions -> the framework entry -> DOTNET_ROLL_FORWARD.
 */
function effectiveReference(
  reference: FrameworkReference,
  scopes: readonly ScopeSettings[],
  environment: Environment,
): Effective | ReferenceProblem {
  const name = typeof reference.name === 'string' ? reference.name : '';
  const versionText = typeof reference.version === 'string' ? reference.version : '';
  if (name.length === 0) return problem(name, versionText, 'missing-name', 'a framework reference without a name');
  const version = parseFrameworkVersion(versionText);
  if (!version) {
    return problem(name, versionText, 'invalid-version', `${name} asks for version '${versionText}', which is not a framework version (major.minor.patch)`);
  }
  let rollForward: RollForward = environment.noCandidateDefault ?? 'Minor';
  let applyPatches = true;
  for (const scope of scopes) {
    if (scope.rollForward !== undefined) {
      const parsed = parseRollForward(scope.rollForward);
      if (!parsed) {
        return problem(name, versionText, 'invalid-roll-forward', `rollForward '${String(scope.rollForward)}' is not one of ${ROLL_FORWARD_VALUES.join(', ')}: the host refuses the runtimeconfig.json`);
      }
      rollForward = parsed;
    }
    if (environment.legacy && typeof scope.applyPatches === 'boolean') applyPatches = scope.applyPatches;
    if (environment.legacy && typeof scope.rollForwardOnNoCandidateFx === 'number') rollForward = fromNoCandidateFx(scope.rollForwardOnNoCandidateFx);
  }
  if (environment.rollForwardText !== undefined) {
    if (!environment.rollForward) {
      return problem(name, versionText, 'invalid-environment', `DOTNET_ROLL_FORWARD '${environment.rollForwardText}' is not one of ${ROLL_FORWARD_VALUES.join(', ')}: the host refuses to start the app`);
    }
    rollForward = environment.rollForward;
  }
  return {
    name,
    versionText,
    version,
    ...rangeOf(rollForward),
    preferRelease: !isPrerelease(version) && !environment.toPrerelease,
    applyPatches,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The search (fx_resolver.cpp)

/** fx_reference_t::is_compatible_with_higher_version; `higher` is at least the reference's version. */
function isCompatibleWithHigher(reference: Effective, higher: FrameworkVersion): boolean {
  const lower = reference.version;
  if (compareFrameworkVersions(lower, higher) === 0) return true;
  if (lower.major !== higher.major && reference.range < Range.Major) return false;
  if (lower.minor !== higher.minor && reference.range < Range.Minor) return false;
  // Same major.minor (or the difference is allowed); only patch or prerelease differ: fine unless Disable.
  return reference.range !== Range.Exact;
}

function isAllowed(version: FrameworkVersion, releaseOnly: boolean): boolean {
  return !releaseOnly || !isPrerelease(version);
}

function bestMatchWithoutLatestPatch(versions: readonly FrameworkVersion[], reference: Effective, releaseOnly: boolean): FrameworkVersion | undefined {
  if (reference.range < Range.Patch) return undefined;
  // roll_to_highest_version has no effect on the patch range: release rolls to the latest patch anyway (below), and a
  // prerelease match rolls only to the closest.
  const highest = reference.range !== Range.Patch && reference.rollToHighest;
  let best: FrameworkVersion | undefined;
  for (const version of versions) {
    if (!isAllowed(version, releaseOnly) || compareFrameworkVersions(version, reference.version) < 0) continue;
    if (!isCompatibleWithHigher(reference, version)) continue;
    if (!best) best = version;
    else {
      const order = compareFrameworkVersions(version, best);
      if (highest ? order > 0 : order < 0) best = version;
    }
  }
  return best;
}

function rollToLatestPatch(versions: readonly FrameworkVersion[], reference: Effective, start: FrameworkVersion, releaseOnly: boolean): FrameworkVersion {
  // "If the above rules find a matching pre-release version of a framework, then automatic roll forward to latest patch
  // is not applied." With applyPatches=false only versions of the same patch qualify, which (from a release) is itself.
  if (reference.range < Range.Patch || isPrerelease(start)) return start;
  let best = start;
  for (const version of versions) {
    if (!isAllowed(version, releaseOnly)) continue;
    if (!reference.applyPatches && version.patch !== start.patch) continue;
    if (version.major !== start.major || version.minor !== start.minor) continue;
    if (compareFrameworkVersions(version, best) > 0) best = version;
  }
  return best;
}

function searchBestMatch(versions: readonly FrameworkVersion[], reference: Effective, releaseOnly: boolean): FrameworkVersion | undefined {
  const match = bestMatchWithoutLatestPatch(versions, reference, releaseOnly);
  return match ? rollToLatestPatch(versions, reference, match, releaseOnly) : undefined;
}

/** resolve_framework_reference_from_version_list: release first when the reference prefers it, then everything. */
function resolveFromVersions(versions: readonly FrameworkVersion[], reference: Effective): FrameworkVersion | undefined {
  if (reference.preferRelease) {
    const release = searchBestMatch(versions, reference, true);
    if (release) return release;
  }
  return searchBestMatch(versions, reference, false);
}

interface Candidate {
  readonly version: FrameworkVersion;
  readonly path?: string;
}

/** Installed versions of one framework for one architecture, each version once (several roots count as one hive). */
function candidatesFor(name: string, architecture: Architecture, installed: readonly InstalledFramework[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const entry of installed) {
    if (!entry || entry.name !== name) continue; // framework names are case-sensitive (they are folder names on Linux too)
    if (normalizeArchitecture(entry.architecture ?? DEFAULT_ARCHITECTURE) !== architecture) continue;
    const version = parseFrameworkVersion(entry.version);
    if (!version || seen.has(version.text)) continue;
    seen.add(version.text);
    candidates.push(entry.path === undefined ? { version } : { version, path: entry.path });
  }
  return candidates;
}

/** The "hard" resolution of one effective reference against the installed versions; undefined when none fits. */
function hardResolve(reference: Effective, candidates: readonly Candidate[]): Candidate | undefined {
  // No roll forward at all for Disable, and for LatestPatch with applyPatches=false on a release reference: the host then
  // only checks that the folder named exactly as the reference's version exists (a path compare, case-insensitive on
  // Windows), so "8.0.0+build" does not find a folder "8.0.0".
  if (reference.range === Range.Exact || (reference.range === Range.Patch && !reference.applyPatches && !isPrerelease(reference.version))) {
    const wanted = reference.versionText.toLowerCase();
    return candidates.find((candidate) => candidate.version.text.toLowerCase() === wanted);
  }
  const match = resolveFromVersions(candidates.map((candidate) => candidate.version), reference);
  return match ? candidates.find((candidate) => candidate.version === match) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Sentences

function productOf(name: string, version: FrameworkVersion): string {
  const release = version.major >= 5 ? `.NET ${version.major}` : `.NET Core ${version.major}.${version.minor}`;
  switch (name) {
    // On IIS the Hosting Bundle is what installs both (and ANCM); it also installs the x86 runtimes on an x64 server.
    case 'Microsoft.AspNetCore.App':
    case 'Microsoft.NETCore.App':
      return `the ${release} Hosting Bundle`;
    case 'Microsoft.WindowsDesktop.App':
      return `the ${release} Desktop Runtime`;
    default:
      return name;
  }
}

function needsOf(reference: Effective, architecture: Architecture): string {
  const product = productOf(reference.name, reference.version);
  const version = reference.versionText;
  const exact = reference.range === Range.Exact || (reference.range === Range.Patch && !reference.applyPatches && !isPrerelease(reference.version));
  if (exact) return `${product}, ${version} exactly (${architecture})`;
  if (reference.range === Range.Patch) return `${product}, ${version} or a later ${reference.version.major}.${reference.version.minor} patch (${architecture})`;
  if (reference.range === Range.Major) return `${product} or later, ${version} or later (${architecture})`;
  return `${product}, ${version} or later (${architecture})`;
}

function sortVersionTexts(versions: Iterable<FrameworkVersion>): string[] {
  return [...versions].sort(compareFrameworkVersions).map((version) => version.text);
}

function notFound(reference: Effective, architecture: Architecture, installed: readonly InstalledFramework[]): FrameworkNotFound {
  const here = candidatesFor(reference.name, architecture, installed).map((candidate) => candidate.version).sort(compareFrameworkVersions);
  let below: FrameworkVersion | undefined;
  let above: FrameworkVersion | undefined;
  for (const version of here) {
    if (compareFrameworkVersions(version, reference.version) < 0) below = version;
    else if (!above) above = version;
  }
  const others = new Map<Architecture, FrameworkVersion[]>();
  for (const entry of installed) {
    if (!entry || entry.name !== reference.name) continue;
    const other = normalizeArchitecture(entry.architecture ?? DEFAULT_ARCHITECTURE);
    const version = parseFrameworkVersion(entry.version);
    if (other === architecture || !version) continue;
    const list = others.get(other) ?? [];
    if (!list.some((known) => known.text === version.text)) list.push(version);
    others.set(other, list);
  }
  const otherArchitectures = [...others].map(([arch, versions]) => ({ architecture: arch, versions: sortVersionTexts(versions) }));
  const rollForward = rollForwardOf(reference);
  const needs = needsOf(reference, architecture);
  const installedHere = here.map((version) => version.text);
  const parts = [`${reference.name} ${reference.versionText} (rollForward ${rollForward}) is not installed for ${architecture}`];
  parts.push(installedHere.length > 0 ? `installed: ${installedHere.join(', ')}` : 'no version of it is installed for ' + architecture);
  for (const other of otherArchitectures) parts.push(`for ${other.architecture}: ${other.versions.join(', ')}`);
  return {
    name: reference.name,
    version: reference.versionText,
    rollForward,
    architecture,
    needs,
    installed: installedHere,
    nearest: [below, above].filter((version): version is FrameworkVersion => version !== undefined).map((version) => version.text),
    otherArchitectures,
    sentence: `needs ${needs}`,
    detail: parts.join('; '),
  };
}

function resolvedFramework(reference: Effective, candidate: Candidate, architecture: Architecture): ResolvedFramework {
  return {
    name: reference.name,
    version: candidate.version.text,
    architecture,
    ...(candidate.path === undefined ? {} : { path: candidate.path }),
    requested: reference.versionText,
    rollForward: rollForwardOf(reference),
    sentence: `resolves to ${reference.name} ${candidate.version.text} (${architecture})`,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Public entry points

/** `AMD64`, `x86_64` -> `x64`; `aarch64` -> `arm64`; `win32`/`i386`/`i686` -> `x86`; otherwise lower case. */
export function normalizeArchitecture(architecture: string): Architecture {
  const lower = String(architecture).trim().toLowerCase();
  switch (lower) {
    case 'amd64':
    case 'x86_64':
    case 'x86-64':
      return 'x64';
    case 'aarch64':
      return 'arm64';
    case 'win32':
    case 'i386':
    case 'i686':
      return 'x86';
    default:
      return lower;
  }
}

/**
 * Resolves one framework reference for one architecture. The reference's rollForward/applyPatches are the settings
 * that apply to it from its runtimeconfig.json; DOTNET_ROLL_FORWARD and the other variables come from `options.env`.
 */
export function resolveFramework(reference: FrameworkReference, installed: readonly InstalledFramework[], options: ResolveOptions = {}): FrameworkResolution {
  const architecture = normalizeArchitecture(options.architecture ?? DEFAULT_ARCHITECTURE);
  const effective = effectiveReference(reference, [reference], readEnvironment(options));
  if (!isEffective(effective)) return { invalid: effective };
  const found = hardResolve(effective, candidatesFor(effective.name, architecture, installed));
  return found ? { resolved: resolvedFramework(effective, found, architecture) } : { missing: notFound(effective, architecture, installed) };
}

function isEffective(value: Effective | ReferenceProblem): value is Effective {
  return !('kind' in value);
}

/** The references a resolved framework makes when the caller cannot read its runtimeconfig.json. */
function builtInReferencesOf(name: string, version: FrameworkVersion): FrameworkReference[] {
  // Microsoft.AspNetCore.App and Microsoft.WindowsDesktop.App ship in step with Microsoft.NETCore.App and reference the
  // runtime of their own major.minor (their runtimeconfig.json names the exact patch they were built with; the Hosting
  // Bundle installs matching patches, so major.minor.0 with the default policy is the conservative reading).
  if (name === 'Microsoft.AspNetCore.App' || name === 'Microsoft.WindowsDesktop.App') {
    return [{ name: 'Microsoft.NETCore.App', version: `${version.major}.${version.minor}.0` }];
  }
  return [];
}

function sameEffective(a: Effective, b: Effective): boolean {
  return a.name === b.name && a.versionText === b.versionText && a.range === b.range && a.rollToHighest === b.rollToHighest
    && a.preferRelease === b.preferRelease && a.applyPatches === b.applyPatches;
}

/**
 * "Soft roll forward" (fx_resolver.cpp reconcile_fx_references): the higher version wins; the lower reference must be
 * able to roll to it; the more restrictive range, roll-to-highest if either has it, prefer-release if either has it, and
 * applyPatches=false if either has it.
 */
function reconcile(a: Effective, b: Effective): Effective | ReferenceProblem {
  const [lower, higher] = compareFrameworkVersions(a.version, b.version) >= 0 ? [b, a] : [a, b];
  if (!isCompatibleWithHigher(lower, higher.version)) {
    return problem(lower.name, lower.versionText, 'incompatible-references',
      `${lower.name} ${lower.versionText} (rollForward ${rollForwardOf(lower)}) cannot roll forward to ${higher.versionText}, which another reference asks for: the host stops`);
  }
  return {
    ...higher,
    range: Math.min(lower.range, higher.range) as Range,
    rollToHighest: higher.rollToHighest || lower.rollToHighest,
    preferRelease: higher.preferRelease || lower.preferRelease,
    applyPatches: higher.applyPatches && lower.applyPatches,
  };
}

const MAX_RETRIES = 100; // fx_resolver.cpp Max_Framework_Resolve_Retries

/** The frameworks of a runtimeconfig.json (`runtimeOptions`), or a bare list of references, in the host's order. */
function referencesOfOptions(input: RuntimeOptions | readonly FrameworkReference[]): { references: FrameworkReference[]; global: ScopeSettings; selfContained: boolean } {
  if (Array.isArray(input)) return { references: input.filter(Boolean), global: {}, selfContained: false };
  const options = (input ?? {}) as RuntimeOptions;
  const references: FrameworkReference[] = [];
  if (options.framework && typeof options.framework === 'object') references.push(options.framework);
  if (Array.isArray(options.frameworks)) references.push(...options.frameworks.filter((entry) => entry && typeof entry === 'object'));
  const selfContained = references.length === 0 && Array.isArray(options.includedFrameworks);
  return {
    references,
    global: { rollForward: options.rollForward, applyPatches: options.applyPatches, rollForwardOnNoCandidateFx: options.rollForwardOnNoCandidateFx },
    selfContained,
  };
}

/** "It's invalid to use both `rollForward` and one of `rollForwardOnNoCandidateFx` or `applyPatches` in the same runtime config." */
function conflictingSettings(global: ScopeSettings, references: readonly FrameworkReference[], legacy: boolean): boolean {
  if (!legacy) return false;
  const scopes = [global, ...references];
  const modern = scopes.some((scope) => scope.rollForward !== undefined);
  const old = scopes.some((scope) => scope.applyPatches !== undefined || scope.rollForwardOnNoCandidateFx !== undefined);
  return modern && old;
}

/**
 * Resolves every framework an app needs, as hostfxr does for its runtimeconfig.json: the app's references (the
 * runtimeOptions-wide settings apply to each), then what each resolved framework references in turn, reconciling
 * references to the same framework and restarting when a resolved one must change. Unlike the host, which stops at the
 * first missing framework, this goes on and reports each one.
 */
export function resolveApp(runtimeOptions: RuntimeOptions | readonly FrameworkReference[], installed: readonly InstalledFramework[], options: ResolveOptions = {}): AppResolution {
  const architecture = normalizeArchitecture(options.architecture ?? DEFAULT_ARCHITECTURE);
  const environment = readEnvironment(options);
  const { references, global, selfContained } = referencesOfOptions(runtimeOptions);
  if (selfContained) return { frameworks: [], selfContained: true, ok: true };
  if (conflictingSettings(global, references, environment.legacy)) {
    const sentence = 'the runtimeconfig.json sets both rollForward and applyPatches or rollForwardOnNoCandidateFx: the host refuses it';
    return { frameworks: [], problem: problem('', '', 'conflicting-settings', sentence), selfContained: false, ok: false };
  }
  if (environment.rollForwardText !== undefined && !environment.rollForward) {
    const sentence = `DOTNET_ROLL_FORWARD '${environment.rollForwardText}' is not one of ${ROLL_FORWARD_VALUES.join(', ')}: the host refuses to start the app`;
    return { frameworks: [], problem: problem('', '', 'invalid-environment', sentence), selfContained: false, ok: false };
  }

  type Config = { readonly references: readonly (Effective | ReferenceProblem)[] };
  const toConfig = (refs: readonly FrameworkReference[], scopeGlobal: ScopeSettings): Config => {
    const seen = new Set<string>();
    return {
      references: refs.map((reference) => {
        const effective = effectiveReference(reference, [scopeGlobal, reference], environment);
        if (!isEffective(effective)) return effective;
        if (seen.has(effective.name)) return problem(effective.name, effective.versionText, 'duplicate-reference', `${effective.name} is referenced twice in one runtimeconfig.json: the host refuses it`);
        seen.add(effective.name);
        return effective;
      }),
    };
  };

  const effectiveByName = new Map<string, Effective>();
  let results = new Map<string, FrameworkResolution>();
  const appConfig = toConfig(references, global);

  // One pass of read_framework; 'retry' when an already resolved framework's effective reference changed.
  const readFramework = (config: Config, parent: Effective | undefined): 'ok' | 'retry' | 'stop' => {
    for (const entry of config.references) {
      if (isEffective(entry) && !effectiveByName.has(entry.name)) effectiveByName.set(entry.name, entry);
    }
    for (const entry of config.references) {
      if (!isEffective(entry)) {
        results.set(entry.name || `#${results.size}`, { invalid: entry });
        continue;
      }
      const reference = parent?.rollToHighest ? { ...entry, rollToHighest: true } : entry;
      const current = effectiveByName.get(reference.name) ?? reference;
      const merged = reconcile(reference, current);
      if (!isEffective(merged)) {
        results.set(reference.name, { invalid: merged });
        return 'stop';
      }
      const earlier = results.get(reference.name);
      if (earlier) {
        if (!sameEffective(merged, current)) {
          effectiveByName.set(reference.name, merged);
          return 'retry';
        }
        continue;
      }
      effectiveByName.set(reference.name, merged);
      const found = hardResolve(merged, candidatesFor(merged.name, architecture, installed));
      if (!found) {
        // The host stops here (FrameworkMissingFailure); going on tells about the other frameworks too.
        results.set(merged.name, { missing: notFound(merged, architecture, installed) });
        continue;
      }
      results.set(merged.name, { resolved: resolvedFramework(merged, found, architecture) });
      const own = options.frameworkReferencesOf?.(merged.name, found.version.text) ?? builtInReferencesOf(merged.name, found.version);
      // A framework's own runtimeconfig.json settings apply to its references; the app's do not (no inheritance).
      const outcome = readFramework(toConfig(own, {}), merged);
      if (outcome !== 'ok') return outcome;
    }
    return 'ok';
  };

  let outcome: 'ok' | 'retry' | 'stop' = 'retry';
  for (let attempt = 0; attempt <= MAX_RETRIES && outcome === 'retry'; attempt++) {
    results = new Map();
    outcome = readFramework(appConfig, undefined);
  }
  const frameworks = [...results.values()];
  const ok = outcome === 'ok' && frameworks.length > 0 && frameworks.every((result) => result.resolved !== undefined);
  return { frameworks, selfContained: false, ok };
}
