// "web.config as it will be published": the project's web.config run through what `dotnet publish` does to it, for a
// chosen configuration, publish profile and environment. First the Web SDK's TransformWebConfig task (sdkWebConfig.ts),
// then the XDT transforms in the SDK's order (transformOrder.ts), each applied only when its file exists, as the
// `_TransformWebConfig` and `_TransformXml` targets do (dotnet/sdk src/WebSdk/Publish/Targets/TransformTargets/
// Microsoft.NET.Sdk.Publish.TransformFiles.targets).
//
// The MSBuild properties come from the project's files as written (Directory.Build.props, the project, the profile's
// .pubxml), evaluated for the configuration; what SDK targets or other imports would set is not seen, except the
// Web SDK's own defaults named below. The caller reads the files; this stays pure.

import { defaultsToInProcess } from '../../ancm/projectProperties';
import { evaluateProperties, evaluatedValue, type ProjectFile, readProjectFile } from '../project/msbuildProject';
import { applyXdtTransform, type XdtProblem } from '../xdt/applyXdtTransform';
import { generatePublishedWebConfig, type SdkWebConfigInputs } from './sdkWebConfig';
import { publishTransformOrder } from './transformOrder';

export interface PublishedWebConfigOptions {
  /** $(Configuration), e.g. "Release". */
  readonly configuration: string;
  /** The publish profile's name (Properties/PublishProfiles/<name>.pubxml); none for a plain `dotnet publish`. */
  readonly publishProfile?: string;
  /** $(EnvironmentName) given on the command line; else the project's own. */
  readonly environmentName?: string;
}

export interface PublishedWebConfigInput {
  /** The project file's name, e.g. "MyApp.csproj": its base name is the default assembly name. */
  readonly projectFileName: string;
  readonly projectText: string;
  /** Directory.Build.props files, outermost first: MSBuild imports them before the project body. */
  readonly buildPropsTexts?: readonly string[];
  /** A file of the project folder by its relative path (`/`-separated, as the SDK names it); undefined when absent. */
  readonly readProjectRelative: (relativePath: string) => Promise<string | undefined>;
}

export type PublishStepOutcome = 'applied' | 'absent' | 'failed' | 'skipped';

export interface PublishStep {
  /** `web.config` for the SDK's own rewrite, else the transform file's relative path. */
  readonly fileName: string;
  readonly reason: string;
  readonly outcome: PublishStepOutcome;
  readonly problems: readonly XdtProblem[];
}

export interface PublishProblem {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** The file the problem is in, relative to the project folder. */
  readonly fileName: string;
}

export interface PublishedWebConfig {
  /** The published web.config; empty when the project has none and the SDK writes none. */
  readonly text: string;
  /** The project's own web.config, undefined when it has none. */
  readonly sourceText: string | undefined;
  readonly steps: readonly PublishStep[];
  /** Problems that fail the publish (errors) or that MSBuild warns about. */
  readonly problems: readonly PublishProblem[];
  /** The configuration, profile and environment the result is for, as evaluated. */
  readonly configuration: string;
  readonly publishProfile: string | undefined;
  readonly environmentName: string | undefined;
}

const WEB_SDKS = /^Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly|Worker)$/i;

export async function publishedWebConfig(input: PublishedWebConfigInput, options: PublishedWebConfigOptions): Promise<PublishedWebConfig> {
  const project = readProjectFile(input.projectText);
  const files: ProjectFile[] = [...(input.buildPropsTexts ?? []).map(readProjectFile), project];
  const profileFile = options.publishProfile ? `Properties/PublishProfiles/${options.publishProfile}.pubxml` : undefined;
  const problems: PublishProblem[] = [];
  if (profileFile) {
    const profileText = await input.readProjectRelative(profileFile);
    // The Web SDK imports the profile after the project body (Microsoft.NET.Sdk.Publish.targets), so it wins.
    if (profileText === undefined) problems.push({ message: `The publish profile ${profileFile} does not exist.`, severity: 'error', fileName: profileFile });
    else files.push(readProjectFile(profileText));
  }
  const values = evaluateProperties(files, { Configuration: options.configuration });
  const property = (name: string) => {
    const value = evaluatedValue(values, name)?.trim();
    return value === '' ? undefined : value;
  };
  const environmentName = options.environmentName || property('EnvironmentName');
  const sourceText = await input.readProjectRelative('web.config');
  const steps: PublishStep[] = [];
  const result = (text: string): PublishedWebConfig => ({
    text, sourceText, steps, problems, configuration: options.configuration, publishProfile: options.publishProfile, environmentName,
  });

  // The TransformWebConfig task runs for AspNetCore projects unless switched off (the `_TransformWebConfig` target).
  const isAspNetCore = project.sdk !== undefined && WEB_SDKS.test(project.sdk);
  const runtimeIdentifier = property('RuntimeIdentifier') ?? '';
  const transformDisabled = property('IsTransformWebConfigDisabled') === 'true' || property('IsWebConfigTransformDisabled') === 'true' || publishIisAssets(property, runtimeIdentifier) === false;
  const transformRuns = isAspNetCore && !transformDisabled;
  let text = sourceText ?? '';
  if (transformRuns) {
    const generated = generatePublishedWebConfig(sourceText, sdkInputs(input.projectFileName, property, runtimeIdentifier, environmentName));
    steps.push({ fileName: 'web.config', reason: 'The Web SDK\'s TransformWebConfig task rewrites the project\'s web.config', outcome: 'applied', problems: [] });
    for (const problem of generated.problems) problems.push({ message: problem.message, severity: problem.severity, fileName: 'web.config' });
    text = generated.text;
    if (generated.problems.some((problem) => problem.severity === 'error')) return result(text);
  } else {
    const why = isAspNetCore ? 'switched off by IsTransformWebConfigDisabled, IsWebConfigTransformDisabled or PublishIISAssets' : `the project's SDK (${project.sdk ?? 'none'}) is not the Web SDK`;
    steps.push({ fileName: 'web.config', reason: `Published as it is: the TransformWebConfig task does not run (${why})`, outcome: 'skipped', problems: [] });
  }

  // RunXdt defaults to whether the web.config transform ran; transforms need a published web.config to work on.
  const runXdt = (property('RunXdt') ?? String(transformRuns)).toLowerCase() === 'true';
  const customTransforms = property('CustomTransformFileName');
  for (const step of publishTransformOrder({
    configuration: options.configuration,
    ...(options.publishProfile && { publishProfile: options.publishProfile }),
    ...(environmentName && { environmentName }),
    ...(customTransforms && { customTransforms: [customTransforms] }),
  })) {
    const fileName = step.fileName.replace(/\\/g, '/');
    const transformText = await input.readProjectRelative(fileName);
    if (transformText === undefined) {
      steps.push({ fileName, reason: step.reason, outcome: 'absent', problems: [] });
    } else if (!runXdt || text === '') {
      const why = text === '' ? 'there is no web.config to transform' : 'RunXdt is false';
      steps.push({ fileName, reason: `${step.reason}; not applied: ${why}`, outcome: 'skipped', problems: [] });
    } else {
      const transformed = applyXdtTransform(text, transformText);
      steps.push({ fileName, reason: step.reason, outcome: transformed.applied ? 'applied' : 'failed', problems: transformed.problems });
      for (const problem of transformed.problems) problems.push({ message: problem.message, severity: problem.severity, fileName });
      // A failed transform fails the publish (TransformXml returns false): nothing after it runs.
      if (!transformed.applied) return result(text);
      text = transformed.text;
    }
  }
  return result(text);
}

/**
 * PublishIISAssets defaults to false for net5.0 and later with a RuntimeIdentifier that is not Windows
 * (Microsoft.NET.Sdk.Publish.targets); undefined means the SDK leaves it unset (assets published).
 */
function publishIisAssets(property: (name: string) => string | undefined, runtimeIdentifier: string): boolean | undefined {
  const written = property('PublishIISAssets');
  if (written !== undefined) return written.toLowerCase() !== 'false';
  const modernFramework = defaultsToInProcess(property('TargetFramework') ?? property('TargetFrameworks') ?? '');
  if (modernFramework && runtimeIdentifier !== '' && !runtimeIdentifier.toLowerCase().startsWith('win')) return false;
  return undefined;
}

/** The task's inputs as the `_TransformWebConfig` target computes them. */
function sdkInputs(projectFileName: string, property: (name: string) => string | undefined, runtimeIdentifier: string, environmentName: string | undefined): SdkWebConfigInputs {
  const assemblyName = property('AssemblyName') ?? projectFileName.replace(/\.[^.]+$/, '');
  // _UseAppHost: $(UseAppHost), else $(SelfContained), and false without a RuntimeIdentifier. By then the .NET SDK has
  // set UseAppHost to true for .NET Core 3.0 and later unless the project said no (dotnet/sdk src/Tasks/
  // Microsoft.NET.Build.Tasks/targets/Microsoft.NET.RuntimeIdentifierInference.targets), so SelfContained rarely decides.
  const targetFramework = property('TargetFramework') ?? property('TargetFrameworks') ?? '';
  const sdkUseAppHost = defaultsToInProcess(targetFramework) ? 'true' : undefined;
  const useAppHost = (property('UseAppHost') ?? sdkUseAppHost ?? property('SelfContained') ?? '').toLowerCase() === 'true';
  // Microsoft.NET.Sdk.Web.ProjectSystem.targets: inprocess and AspNetCoreModuleV2 unless the project says otherwise.
  const hostingModel = property('AspNetCoreHostingModel') ?? (defaultsToInProcess(targetFramework) ? 'inprocess' : undefined);
  const moduleName = property('AspNetCoreModuleName') ?? 'AspNetCoreModuleV2';
  return {
    targetFileName: `${assemblyName}.dll`,
    useAppHost: useAppHost && runtimeIdentifier !== '',
    executableExtension: runtimeIdentifier.toLowerCase().startsWith('win') ? '.exe' : '',
    ...(hostingModel && { hostingModel }),
    moduleName,
    ...(environmentName && { environmentName }),
    configureForAzure: property('PublishProvider')?.toLowerCase() === 'azurewebsite',
    ...(property('ProjectGuid') && { projectGuid: property('ProjectGuid') }),
    ignoreProjectGuid: property('IgnoreProjectGuid')?.toLowerCase() === 'true',
  };
}
