// The XDT transforms the Web SDK applies to the published web.config, in order, after the TransformWebConfig task
// (sdkWebConfig.ts) wrote it. Source: the `_TransformXml` target of dotnet/sdk src/WebSdk/Publish/Targets/
// TransformTargets/Microsoft.NET.Sdk.Publish.TransformFiles.targets.
//
// Every step runs only when its file exists, the publish folder has a web.config and $(RunXdt) is true. RunXdt
// defaults to whether the web.config transform itself ran (AspNetCore capability, and none of
// IsTransformWebConfigDisabled=true, IsWebConfigTransformDisabled=true, PublishIISAssets=false): disabling the
// transform also disables these XDT steps unless the project sets RunXdt=true.
//
// Within one step MSBuild batches on the item's Identity, so a file named twice (e.g. Configuration and
// EnvironmentName both "Release") is applied once, at its first place; identities compare case-insensitively.

export interface TransformStep {
  /** The transform file, relative to the project directory unless a directory was given. */
  readonly fileName: string;
  /** Which MSBuild property names it and at which stage it runs. */
  readonly reason: string;
}

export interface PublishTransformOptions {
  /** $(Configuration), e.g. "Release". */
  readonly configuration: string;
  /**
   * $(PublishProfileName): the publish profile's file name without extension (from $(WebPublishProfileFile) when set).
   * Its profile-level transform is looked for in the default profile folder, Properties\PublishProfiles.
   */
  readonly publishProfile?: string;
  /** $(EnvironmentName), e.g. "Staging". */
  readonly environmentName?: string;
  /**
   * $(CustomTransformFileName): each entry is looked for in the project directory, then (when
   * customTransformDirectory is given) in $(CustomTransformDirectory). The SDK takes one name; a `;` list in the
   * property is a list here.
   */
  readonly customTransforms?: readonly string[];
  /** $(CustomTransformDirectory). */
  readonly customTransformDirectory?: string;
  /** $(WebConfigEnvironmentVariables): when set, a generated environment-variable transform runs last. */
  readonly webConfigEnvironmentVariables?: string;
}

export function publishTransformOrder(options: PublishTransformOptions): TransformStep[] {
  const projectLevel: TransformStep[] = [];
  if (options.configuration !== '') {
    projectLevel.push({ fileName: `web.${options.configuration}.config`, reason: '$(Configuration): project-level transform, applied first' });
  }
  if (isSet(options.publishProfile)) {
    projectLevel.push({ fileName: `web.${options.publishProfile}.config`, reason: '$(PublishProfileName): project-level transform, after the configuration one' });
  }
  if (isSet(options.environmentName)) {
    projectLevel.push({ fileName: `web.${options.environmentName}.config`, reason: '$(EnvironmentName): project-level transform, after the profile one' });
  }

  const profileLevel: TransformStep[] = isSet(options.publishProfile)
    ? [{ fileName: `Properties\\PublishProfiles\\${options.publishProfile}.transform`, reason: '$(PublishProfileName): profile-level transform in $(PublishProfileDirectory), after the project-level ones' }]
    : [];

  const custom: TransformStep[] = [];
  for (const name of options.customTransforms ?? []) {
    if (name === '') continue;
    custom.push({ fileName: name, reason: '$(CustomTransformFileName) in the project directory: custom transform, after the profile-level one' });
  }
  if (isSet(options.customTransformDirectory)) {
    const directory = options.customTransformDirectory.replace(/[\\/]+$/, '');
    for (const name of options.customTransforms ?? []) {
      if (name === '') continue;
      custom.push({ fileName: `${directory}\\${name}`, reason: '$(CustomTransformDirectory)\\$(CustomTransformFileName): custom transform, after the one in the project directory' });
    }
  }

  // GenerateEnvTransform.cs fills two templates (aspNetCore inside and outside <location>) with one
  // environmentVariable per name=value, xdt:Locator="Match(name)" xdt:Transform="InsertIfMissing": a variable the
  // web.config already has keeps its value. The targets apply them with IgnoreError="true".
  const environmentReason = '$(WebConfigEnvironmentVariables): generated into $(PublishIntermediateTempPath), applied last, inserts only missing variables, errors ignored';
  const environment: TransformStep[] = isSet(options.webConfigEnvironmentVariables)
    ? ['EnvironmentWithLocation.transform', 'EnvironmentNoLocation.transform'].map((fileName) => ({ fileName, reason: environmentReason }))
    : [];

  return [...firstOfEachName(projectLevel), ...profileLevel, ...firstOfEachName(custom), ...environment];
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** MSBuild task batching over %(Identity): one run per distinct file, in order of first appearance. */
function firstOfEachName(steps: readonly TransformStep[]): TransformStep[] {
  const seen = new Set<string>();
  return steps.filter((step) => {
    const key = step.fileName.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
