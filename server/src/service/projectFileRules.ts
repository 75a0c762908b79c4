// The rules of the files around web.config (project files, launchSettings.json, applicationHost.config) and the
// web.config side of the project cross-check, as metadata: the manifest's `ancm.diagnostics.rules`, SARIF and the
// diagnostics' links read them here. Their runners live with each file kind; severity overrides apply here.

import { APPLICATION_HOST_RULES } from './applicationHost/rules/registry';
import { hostingModelCrossCheckRule } from './project/hostingModelCrossCheck';
import { LAUNCH_SETTINGS_RULES } from './project/launchSettingsValidation';
import { PROJECT_RULES } from './project/projectValidation';
import type { Issue, Severity } from './types';
import type { RuleSeverityOverride } from './validation';

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
}

export const PROJECT_FILE_RULES: readonly RuleInfo[] = [...PROJECT_RULES, ...LAUNCH_SETTINGS_RULES, ...APPLICATION_HOST_RULES, hostingModelCrossCheckRule];

export function findProjectFileRule(id: string): RuleInfo | undefined {
  return PROJECT_FILE_RULES.find((rule) => rule.id === id);
}

/** The issues with `ancm.diagnostics.rules` applied: a rule set to `off` reports nothing, another severity replaces the rule's. */
export function withSeverityOverrides(issues: readonly Issue[], overrides: Readonly<Record<string, RuleSeverityOverride>> | undefined): Issue[] {
  if (!overrides) return [...issues];
  const kept: Issue[] = [];
  for (const issue of issues) {
    const override = overrides[issue.rule];
    if (override === 'off') continue;
    kept.push(override ? { ...issue, severity: override } : issue);
  }
  return kept;
}
