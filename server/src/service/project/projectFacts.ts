// What a project's evaluated properties say about how ANCM will run it: the hosting model it publishes with and the
// bitness it is built for. The launchSettings.json rules and the editor's applicationHost.config facts read them.

import {
  ASPNETCORE_HOSTING_MODEL, type Bitness, PLATFORM_TARGET, RUNTIME_IDENTIFIER, TARGET_FRAMEWORK,
  bitnessOfPlatformTarget, bitnessOfRuntimeIdentifier, defaultsToInProcess,
} from '../../ancm/projectProperties';
import { evaluatedValue } from './msbuildProject';
import { knownHostingModel } from './projectRules/project-hosting-model-mismatch';

export type ProjectValues = ReadonlyMap<string, { readonly value: string }>;

/** The hosting model the project publishes with: its AspNetCoreHostingModel, else the Web SDK's InProcess default for .NET Core 3.0+. */
export function projectHostingModel(project: ProjectValues | undefined): 'InProcess' | 'OutOfProcess' | undefined {
  if (!project) return undefined;
  const written = evaluatedValue(project, ASPNETCORE_HOSTING_MODEL);
  if (written !== undefined && written.trim() !== '') return knownHostingModel(written);
  const framework = evaluatedValue(project, TARGET_FRAMEWORK) ?? evaluatedValue(project, 'TargetFrameworks');
  return framework !== undefined && defaultsToInProcess(framework) ? 'InProcess' : undefined;
}

/** The bitness the project fixes (RuntimeIdentifier before PlatformTarget); undefined for a portable app. */
export function projectBitness(project: ProjectValues | undefined): { bitness: Bitness; because: string } | undefined {
  if (!project) return undefined;
  const rid = evaluatedValue(project, RUNTIME_IDENTIFIER);
  const ridBitness = rid === undefined ? undefined : bitnessOfRuntimeIdentifier(rid);
  if (rid !== undefined && ridBitness) return { bitness: ridBitness, because: `RuntimeIdentifier ${rid.trim()}` };
  const platform = evaluatedValue(project, PLATFORM_TARGET);
  const platformBitness = platform === undefined ? undefined : bitnessOfPlatformTarget(platform);
  return platform !== undefined && platformBitness ? { bitness: platformBitness, because: `PlatformTarget ${platform.trim()}` } : undefined;
}
