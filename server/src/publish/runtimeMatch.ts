// The seam between the publish checks (publishChecks.ts, `resolveRuntimes`) and hostfxr's framework resolution
// (ancm/frameworkResolution.ts): a publish folder's runtimeconfig facts are handed to resolveApp against an inventory of
// the server's runtimes, and each framework's outcome comes back as a RuntimeResolution. The inventory readers are
// re-exposed here for the command line, which reaches the ANCM tables only through publish/ (test/unit/layers.test.ts).

import {
  DEFAULT_ARCHITECTURE,
  type Architecture,
  type FrameworkReference,
  type FrameworkResolution,
  type InstalledFramework,
  type RuntimeOptions,
  resolveApp,
} from '../ancm/frameworkResolution';
import { type InventoryOptions, readRuntimeInventory as readInventory } from '../ancm/runtimeInventory';
import type { RuntimeResolution, RuntimeResolutionRequest, RuntimeResolver } from './publishChecks';
import type { RuntimeConfigFacts } from './publishFolder';

export type { InstalledFramework, InventoryOptions };

export interface RuntimeMatchOptions {
  /**
   * The environment the .NET host sees (the server's, the app pool's, web.config's `<environmentVariables>`):
   * DOTNET_ROLL_FORWARD, DOTNET_ROLL_FORWARD_TO_PRERELEASE, DOTNET_ROLL_FORWARD_ON_NO_CANDIDATE_FX.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The hostfxr version that will run, when known (from .NET 12 the legacy settings are ignored). */
  readonly hostfxrVersion?: string;
  /**
   * The process architecture when the request does not say (an AnyCPU app, the app pool's bitness unknown): the usual
   * IIS worker process, x64, unless given.
   */
  readonly defaultArchitecture?: Architecture;
}

/**
 * Reads an inventory of installed runtimes from any mix of `dotnet --list-runtimes` output, `shared\<name>\<version>`
 * folder paths, a hostfxr "frameworks were found" block and a plain "Name Version [arch]" list.
 */
export function readRuntimeInventory(text: string, options: InventoryOptions = {}): InstalledFramework[] {
  return readInventory(text, options);
}

/** runtimeconfig facts (publishFolder.ts) as the resolution engine's `runtimeOptions`. */
export function runtimeOptionsOf(config: RuntimeConfigFacts): RuntimeOptions {
  const reference = (facts: RuntimeConfigFacts['frameworks'][number]): FrameworkReference => ({
    name: facts.name,
    // A reference without a version is one the host refuses: the engine says so ('invalid-version').
    version: facts.version ?? '',
    ...(facts.rollForward !== undefined ? { rollForward: facts.rollForward } : {}),
    ...(facts.applyPatches !== undefined ? { applyPatches: facts.applyPatches } : {}),
    ...(facts.rollForwardOnNoCandidateFx !== undefined ? { rollForwardOnNoCandidateFx: facts.rollForwardOnNoCandidateFx } : {}),
  });
  return {
    frameworks: config.frameworks.map(reference),
    ...(config.selfContained && config.includedFrameworks.length > 0 ? { includedFrameworks: config.includedFrameworks } : {}),
    ...(config.rollForward !== undefined ? { rollForward: config.rollForward } : {}),
    ...(config.applyPatches !== undefined ? { applyPatches: config.applyPatches } : {}),
    ...(config.rollForwardOnNoCandidateFx !== undefined ? { rollForwardOnNoCandidateFx: config.rollForwardOnNoCandidateFx } : {}),
    ...(config.tfm !== undefined ? { tfm: config.tfm } : {}),
  };
}

/** `any` (AnyCPU) and an unknown architecture run in whatever process hosts them: the default one. */
function processArchitecture(request: RuntimeResolutionRequest, options: RuntimeMatchOptions): Architecture {
  const architecture = request.architecture;
  return architecture === undefined || architecture === 'any' ? options.defaultArchitecture ?? DEFAULT_ARCHITECTURE : architecture;
}

function resolutionOf(result: FrameworkResolution, file: string): RuntimeResolution {
  if (result.resolved) return { framework: result.resolved.name, resolved: result.resolved.version, message: result.resolved.sentence };
  if (result.missing) {
    const missing = result.missing;
    const installed = missing.installed.length > 0 ? `installed for ${missing.architecture}: ${missing.installed.join(', ')}` : `none installed for ${missing.architecture}`;
    const others = missing.otherArchitectures.map((other) => `installed for ${other.architecture}: ${other.versions.join(', ')}`);
    return { framework: missing.name, message: [missing.sentence, installed, ...others].join('; ') };
  }
  return { framework: result.invalid.name || file, message: result.invalid.sentence };
}

/**
 * A RuntimeResolver over `installed`: the app's framework references resolved as hostfxr would (roll-forward policies,
 * DOTNET_ROLL_FORWARD from `options.env`, prerelease rules, one install per architecture), the frameworks they
 * reference in turn included. A problem with the runtimeconfig as a whole comes back as one unresolved entry named
 * after the file.
 */
export function runtimeResolver(installed: readonly InstalledFramework[], options: RuntimeMatchOptions = {}): RuntimeResolver {
  return (request) => {
    const architecture = processArchitecture(request, options);
    const outcome = resolveApp(runtimeOptionsOf(request.runtimeConfig), installed, {
      architecture,
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.hostfxrVersion !== undefined ? { hostfxrVersion: options.hostfxrVersion } : {}),
    });
    if (outcome.selfContained) return [];
    const file = request.runtimeConfig.file;
    const resolutions = outcome.frameworks.map((result) => resolutionOf(result, file));
    if (outcome.problem) resolutions.unshift({ framework: file, message: outcome.problem.sentence });
    return resolutions;
  };
}
