// `ancm check <publish-folder>`: when a folder given to `ancm check` is a publish output (web.config beside a
// `*.runtimeconfig.json` or `*.deps.json`, or beside the app it starts), the publish checks (publish/publishChecks.ts) run over it too, fed from the
// web.config's <aspNetCore> settings, and their findings are reported on web.config at the setting they belong to.

import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { type RuleSeverityOverride, type Severity, type WebConfigDocument, aspNetCoreStartSettings, parseWebConfig, spanOfStartSetting } from '../service/languageService';
import { PUBLISH_CHECKS, type PublishCheckInput, checkPublishFolder, expectedAppsOf } from '../publish/publishChecks';
import { readRegularTextFile } from '../files/openFile';
import { publishedAppNames, readPublishFolder } from '../publish/publishFolder';
import { type InstalledFramework, runtimeResolver } from '../publish/runtimeMatch';

export interface PublishCheckSettings {
  /** `--runtimes`: the server's installed runtimes; without it the runtime match is skipped. */
  readonly runtimes?: readonly InstalledFramework[];
  /** `--app-pool-32bit`: the app pool's Enable 32-Bit Applications, when known. */
  readonly appPool32Bit?: boolean;
  /** `--rule ID=SEVERITY` overrides, publish check ids among them. */
  readonly rules?: Readonly<Record<string, RuleSeverityOverride>>;
}

/** A publish finding placed in web.config: offsets into its text. */
export interface PublishIssue {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

const PUBLISH_IDS = new Set<string>(PUBLISH_CHECKS.map((check) => check.id));

export function isPublishCheck(id: string): boolean {
  return PUBLISH_IDS.has(id);
}

/** The largest web.config read to learn which app it starts. */
const WEB_CONFIG_SIZE_CAP = 32 * 1024 * 1024;

/**
 * The web.config at the top of `folder` when the folder is a publish output; undefined when it is not one. As in the
 * editor (lsp/publishDiagnostics.ts): a `*.runtimeconfig.json` or `*.deps.json` beside it, or the .exe or .dll its
 * processPath and arguments name (a single-file publish bundles both JSON files into the .exe).
 */
export async function publishOutputWebConfig(folder: string): Promise<string | undefined> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const webConfig = entries.find((entry) => !entry.isDirectory() && entry.name.toLowerCase() === 'web.config');
  if (!webConfig) return undefined;
  const webConfigPath = path.join(folder, webConfig.name);
  const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  // web.config is read only when the JSON files do not decide.
  if (publishedAppNames(files).size > 0) return webConfigPath;
  const text = await readRegularTextFile(webConfigPath, WEB_CONFIG_SIZE_CAP);
  if (text === undefined) return undefined;
  return publishedAppNames(files, expectedAppsOf(aspNetCoreStartSettings(parseWebConfig(text)))).size > 0 ? webConfigPath : undefined;
}

/**
 * The publish checks over `folder`, with web.config's settings from `document` (the file as checked). Never throws: a
 * folder that cannot be read gives no findings (readPublishFolder reports unreadable files as findings itself).
 */
export async function checkPublishOutput(folder: string, document: WebConfigDocument, options: PublishCheckSettings): Promise<PublishIssue[]> {
  const settings = aspNetCoreStartSettings(document);
  const input: PublishCheckInput = options.appPool32Bit === undefined ? settings : { ...settings, appPool32Bit: options.appPool32Bit };
  const facts = await readPublishFolder(folder, { expectedApps: expectedAppsOf(input) });
  if (!facts) return [];
  // web.config's <environmentVariables> reach the .NET host (DOTNET_ROLL_FORWARD and the like).
  const env = Object.fromEntries(settings.environmentVariables.map((variable) => [variable.name, variable.value]));
  const findings = checkPublishFolder(facts, input, options.runtimes ? { resolveRuntimes: runtimeResolver(options.runtimes, { env }) } : {});
  const issues: PublishIssue[] = [];
  for (const finding of findings) {
    const override = options.rules?.[finding.id];
    if (override === 'off') continue;
    const span = spanOfStartSetting(settings, finding.attribute, finding.message);
    issues.push({ rule: finding.id, severity: override ?? finding.severity, message: finding.message, start: span.start, end: span.end });
  }
  return issues;
}
