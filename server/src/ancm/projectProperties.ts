// The MSBuild properties of a project file (.csproj, Directory.Build.props, a .pubxml publish profile) that decide
// what `dotnet publish` writes into web.config, or how ANCM can host the app. Completion, hover and the project rules
// read this one table.
//
// Sources: dotnet/sdk src/WebSdk/Publish/Targets/TransformTargets/Microsoft.NET.Sdk.Publish.TransformFiles.targets
// (_TransformWebConfig: which properties reach the TransformWebConfig task, and when it is skipped),
// src/WebSdk/Publish/Tasks/WebConfigTransform.cs (what the task writes), src/WebSdk/ProjectSystem/Targets/
// Microsoft.NET.Sdk.Web.ProjectSystem.targets (the Web SDK's defaults for netcoreapp3.0 and later).

export interface ProjectPropertySpec {
  /** As the SDK spells it; MSBuild compares property names case-insensitively. */
  readonly name: string;
  /** Values offered in completion, in the casing the templates and Visual Studio write. */
  readonly values?: readonly string[];
  /** What the SDK uses when the property is not set; undefined when it has no default. */
  readonly defaultValue?: string;
  /** One sentence: what the property does. The completion detail. */
  readonly summary: string;
  /** What it means for web.config and ANCM. Markdown. */
  readonly ancmEffect: string;
  readonly docsUrl: string;
  /** Completion order: lower comes first. */
  readonly rank: number;
}

const IN_PROCESS_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/in-process-hosting';
const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
const MSBUILD_PROPS_DOCS = 'https://learn.microsoft.com/dotnet/core/project-sdk/msbuild-props';

export const ASPNETCORE_HOSTING_MODEL = 'AspNetCoreHostingModel';
export const ASPNETCORE_MODULE_NAME = 'AspNetCoreModuleName';
export const PUBLISH_SINGLE_FILE = 'PublishSingleFile';
export const USE_APP_HOST = 'UseAppHost';
export const SELF_CONTAINED = 'SelfContained';
export const RUNTIME_IDENTIFIER = 'RuntimeIdentifier';
export const PLATFORM_TARGET = 'PlatformTarget';
export const ENVIRONMENT_NAME = 'EnvironmentName';
export const TARGET_FRAMEWORK = 'TargetFramework';
/** Both spellings are honoured by _TransformWebConfig, as is PublishIISAssets=false. */
export const WEB_CONFIG_TRANSFORM_SWITCHES = ['IsTransformWebConfigDisabled', 'IsWebConfigTransformDisabled'] as const;
export const PUBLISH_IIS_ASSETS = 'PublishIISAssets';

/** The hosting models as MSBuild writes them; the SDK compares them case-insensitively (ToUpperInvariant). */
export const MSBUILD_HOSTING_MODELS = ['InProcess', 'OutOfProcess'] as const;

export const PROJECT_PROPERTIES: readonly ProjectPropertySpec[] = [
  {
    name: ASPNETCORE_HOSTING_MODEL,
    values: MSBUILD_HOSTING_MODELS,
    defaultValue: 'InProcess',
    summary: 'The hosting model publish writes into web.config\'s `hostingModel`.',
    ancmEffect:
      'Publish copies the value as written into `<aspNetCore hostingModel>`, unless the project\'s own web.config already has a ' +
      '`hostingModel` attribute: then web.config wins and the property is ignored. Any value other than InProcess or ' +
      'OutOfProcess (any casing) fails the publish. The Web SDK defaults it to `inprocess` for .NET Core 3.0 and later.',
    docsUrl: IN_PROCESS_DOCS,
    rank: 0,
  },
  {
    name: ASPNETCORE_MODULE_NAME,
    values: ['AspNetCoreModuleV2', 'AspNetCoreModule'],
    defaultValue: 'AspNetCoreModuleV2',
    summary: 'The IIS module publish names in web.config\'s `aspNetCore` handler (`modules`).',
    ancmEffect:
      'Written into `<add name="aspNetCore" modules="…">` only when the handler has no `modules` yet. `AspNetCoreModule` is ' +
      'ANCM V1, which cannot host in-process: publish fails when the hosting model is InProcess.',
    docsUrl: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    rank: 1,
  },
  {
    name: PUBLISH_SINGLE_FILE,
    values: ['true', 'false'],
    defaultValue: 'false',
    summary: 'Bundles the app and its dependencies into one executable.',
    ancmEffect:
      'In-process hosting needs the app\'s .dll beside its .exe; a single-file bundle has none, so ANCM answers ' +
      'HTTP 500.38 "ANCM Application DLL Not Found". Host out-of-process, or publish without it.',
    docsUrl: 'https://learn.microsoft.com/dotnet/core/deploying/single-file/overview',
    rank: 2,
  },
  {
    name: USE_APP_HOST,
    values: ['true', 'false'],
    defaultValue: 'true',
    summary: 'Builds a native executable (the apphost) that starts the app.',
    ancmEffect:
      'With an apphost and a RuntimeIdentifier, publish writes `processPath=".\\App.exe"`; with `false`, it writes ' +
      '`processPath="dotnet" arguments=".\\App.dll"`, so the app runs on the machine\'s shared runtime. A self-contained ' +
      'app requires the apphost (NETSDK1067).',
    docsUrl: `${MSBUILD_PROPS_DOCS}#useapphost`,
    rank: 5,
  },
  {
    name: SELF_CONTAINED,
    values: ['true', 'false'],
    defaultValue: 'false',
    summary: 'Publishes the .NET runtime with the app.',
    ancmEffect: 'A self-contained app is started through its own .exe (processPath), never through `dotnet`; it needs `UseAppHost` left on.',
    docsUrl: `${MSBUILD_PROPS_DOCS}#selfcontained`,
    rank: 4,
  },
  {
    name: RUNTIME_IDENTIFIER,
    values: ['win-x64', 'win-x86', 'win-arm64'],
    summary: 'The platform the app is built for (RID).',
    ancmEffect:
      'Decides the bitness of the apphost and of a self-contained runtime: a `win-x86` app needs an application pool with ' +
      '"Enable 32-Bit Applications" (otherwise HTTP 500.32 in-process). A `win-*` RID makes publish write the `.exe` as processPath.',
    docsUrl: `${MSBUILD_PROPS_DOCS}#runtimeidentifier`,
    rank: 3,
  },
  {
    name: PLATFORM_TARGET,
    values: ['AnyCPU', 'x64', 'x86', 'ARM64'],
    defaultValue: 'AnyCPU',
    summary: 'The processor architecture the assembly is compiled for.',
    ancmEffect: '`x86` makes the app 32-bit only: its application pool needs "Enable 32-Bit Applications", and IIS Express must run 32-bit (`use64Bit: false`).',
    docsUrl: 'https://learn.microsoft.com/dotnet/csharp/language-reference/compiler-options/output#platformtarget',
    rank: 6,
  },
  {
    name: ENVIRONMENT_NAME,
    values: ['Production', 'Staging', 'Development'],
    summary: 'The ASP.NET Core environment publish writes into web.config.',
    ancmEffect:
      'Publish sets `<environmentVariable name="ASPNETCORE_ENVIRONMENT" value="…">` in web.config (replacing one already there) ' +
      'and applies a `web.<EnvironmentName>.config` transform when the project has one.',
    docsUrl: `${WEB_CONFIG_DOCS}#set-environment-variables`,
    rank: 7,
  },
  {
    name: WEB_CONFIG_TRANSFORM_SWITCHES[0],
    values: ['true', 'false'],
    defaultValue: 'false',
    summary: 'Set to `true` to publish web.config exactly as the project has it.',
    ancmEffect:
      'Publish then writes no processPath, arguments, hostingModel or ASPNETCORE_ENVIRONMENT: the project\'s web.config must ' +
      'already be complete, and the XDT transforms (web.Release.config…) are skipped too.',
    docsUrl: WEB_CONFIG_DOCS,
    rank: 8,
  },
  {
    name: WEB_CONFIG_TRANSFORM_SWITCHES[1],
    values: ['true', 'false'],
    defaultValue: 'false',
    summary: 'The other spelling of `IsTransformWebConfigDisabled`; the SDK honours both.',
    ancmEffect: 'Same as `IsTransformWebConfigDisabled`: web.config is published as is.',
    docsUrl: WEB_CONFIG_DOCS,
    rank: 9,
  },
  {
    name: PUBLISH_IIS_ASSETS,
    values: ['true', 'false'],
    defaultValue: 'true',
    summary: 'Set to `false` to skip the IIS steps of publish.',
    ancmEffect: 'With `false`, publish neither generates nor transforms web.config, like `IsTransformWebConfigDisabled`.',
    docsUrl: WEB_CONFIG_DOCS,
    rank: 10,
  },
];

const BY_NAME = new Map(PROJECT_PROPERTIES.map((spec) => [spec.name.toLowerCase(), spec]));

/** MSBuild property names are case-insensitive. */
export function findProjectProperty(name: string): ProjectPropertySpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export type Bitness = 32 | 64;

/** The bitness a RuntimeIdentifier fixes (`win-x86`, `win10-x64`, `win-arm64`); undefined for a portable or unknown RID. */
export function bitnessOfRuntimeIdentifier(rid: string): Bitness | undefined {
  const architecture = rid.trim().toLowerCase().split('-').at(-1);
  if (architecture === 'x86' || architecture === 'arm') return 32;
  if (architecture === 'x64' || architecture === 'arm64') return 64;
  return undefined;
}

/** The bitness a PlatformTarget fixes; AnyCPU (and anycpu32bitpreferred, a .NET Framework exe setting) fixes none. */
export function bitnessOfPlatformTarget(platform: string): Bitness | undefined {
  const value = platform.trim().toLowerCase();
  if (value === 'x86' || value === 'arm') return 32;
  if (value === 'x64' || value === 'arm64') return 64;
  return undefined;
}

/**
 * Whether the Web SDK defaults AspNetCoreHostingModel to inprocess for this TargetFramework(s): netcoreapp3.0 and later,
 * and every `netN.M` from net5.0 (Microsoft.NET.Sdk.Web.ProjectSystem.targets). net4x (.NET Framework) gets no default.
 */
export function defaultsToInProcess(targetFramework: string): boolean {
  return targetFramework.split(';').some((framework) => {
    const value = framework.trim().toLowerCase();
    const core = /^netcoreapp(\d+)\.\d+$/.exec(value);
    if (core) return Number(core[1]) >= 3;
    const modern = /^net(\d+)\.\d+(-.*)?$/.exec(value);
    return modern !== null && Number(modern[1]) >= 5;
  });
}
