// `ancm.*` settings, pulled per resource from the client (workspace/configuration) and cached until
// the client says they changed. Unknown keys and values are dropped, never trusted.

import type { Connection } from 'vscode-languageserver';
import { type InstalledFramework, readRuntimeInventory } from '../publish/runtimeMatch';
import { RULE_SEVERITY_OVERRIDES, type RuleSeverityOverride, type ValidationSettings } from '../service/languageService';

/** What the publish checks learn from the settings about the server the app goes to. */
export interface PublishServerSettings {
  /** `ancm.publish.runtimes`: the server's runtimes; without them the runtime match is skipped. */
  readonly runtimes?: readonly InstalledFramework[];
  /** `ancm.publish.appPool32Bit`: the app pool's "Enable 32-Bit Applications"; unset: the bitness check only says what the pool needs. */
  readonly appPool32Bit?: boolean;
}

export interface ServerSettings extends ValidationSettings {
  readonly publish?: PublishServerSettings;
}

/** The most inventory lines read from the setting: a `dotnet --list-runtimes` of a busy server has a few dozen. */
const MAX_RUNTIME_LINES = 1000;

/**
 * Reads `{ diagnostics: { rules: { "<rule-id>": "<severity>|off" } }, publish: { runtimes: [...], appPool32Bit } }`
 * from the `ancm` section.
 */
export function parseValidationSettings(section: unknown): ServerSettings {
  const ancm = section as { diagnostics?: { rules?: unknown }; publish?: { runtimes?: unknown; appPool32Bit?: unknown } } | null | undefined;
  const rules = ancm?.diagnostics?.rules;
  const accepted: Record<string, RuleSeverityOverride> = {};
  if (rules && typeof rules === 'object') {
    for (const [rule, value] of Object.entries(rules)) {
      if (typeof value === 'string' && (RULE_SEVERITY_OVERRIDES as readonly string[]).includes(value)) accepted[rule] = value as RuleSeverityOverride;
    }
  }
  const publish = parsePublishSettings(ancm?.publish);
  return { rules: accepted, ...(publish && { publish }) };
}

function parsePublishSettings(section: { runtimes?: unknown; appPool32Bit?: unknown } | undefined): PublishServerSettings | undefined {
  const lines = Array.isArray(section?.runtimes) ? section.runtimes.filter((line): line is string => typeof line === 'string').slice(0, MAX_RUNTIME_LINES) : [];
  const runtimes = lines.length > 0 ? readRuntimeInventory(lines.join('\n')) : [];
  const appPool32Bit = typeof section?.appPool32Bit === 'boolean' ? section.appPool32Bit : undefined;
  if (runtimes.length === 0 && appPool32Bit === undefined) return undefined;
  return { ...(runtimes.length > 0 && { runtimes }), ...(appPool32Bit !== undefined && { appPool32Bit }) };
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings = {};

  constructor(private readonly connection: Connection, private readonly pull: boolean) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'ancm' }).then(parseValidationSettings, () => ({}));
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  /** After workspace/didChangeConfiguration: clients that push settings send them along. */
  changed(pushedSettings: unknown): void {
    this.perResource.clear();
    this.pushed = parseValidationSettings((pushedSettings as { ancm?: unknown } | null | undefined)?.ancm);
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }
}
