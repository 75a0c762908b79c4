// `ancm.*` settings, pulled per resource from the client (workspace/configuration) and cached until
// the client says they changed. Unknown keys and values are dropped, never trusted.

import type { Connection } from 'vscode-languageserver';
import { RULE_SEVERITY_OVERRIDES, type RuleSeverityOverride, type ValidationSettings } from '../service/languageService';

/** Reads `{ diagnostics: { rules: { "<rule-id>": "<severity>|off" } } }` from the `ancm` section. */
export function parseValidationSettings(section: unknown): ValidationSettings {
  const rules = (section as { diagnostics?: { rules?: unknown } } | null | undefined)?.diagnostics?.rules;
  if (!rules || typeof rules !== 'object') return {};
  const accepted: Record<string, RuleSeverityOverride> = {};
  for (const [rule, value] of Object.entries(rules)) {
    if (typeof value === 'string' && (RULE_SEVERITY_OVERRIDES as readonly string[]).includes(value)) accepted[rule] = value as RuleSeverityOverride;
  }
  return { rules: accepted };
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<ValidationSettings>>();
  private pushed: ValidationSettings = {};

  constructor(private readonly connection: Connection, private readonly pull: boolean) {}

  get(uri: string): Promise<ValidationSettings> {
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
