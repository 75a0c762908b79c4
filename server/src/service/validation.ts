// Runs every rule over a parsed web.config, applies the user's severity overrides, and never lets a
// broken rule take the others down.

import { ALL_RULES } from './rules/registry';
import type { Issue, Rule, Severity } from './rules/types';
import type { WebConfigDocument } from './webConfig';

export type RuleSeverityOverride = Severity | 'off';

/** Every value a rule may be given in `ancm.diagnostics.rules`; the manifest's enum must list the same. */
export const RULE_SEVERITY_OVERRIDES: readonly RuleSeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface ValidationSettings {
  /** `ancm.diagnostics.rules`: a rule id to a severity, or `off`. */
  readonly rules?: Readonly<Record<string, RuleSeverityOverride>>;
}

export interface ValidationResult {
  readonly issues: Issue[];
  /** Rules that threw, with the error; reported by the caller, never to the user as a finding. */
  readonly failures: { readonly rule: string; readonly error: unknown }[];
}

export function doValidation(document: WebConfigDocument, settings: ValidationSettings = {}, rules: readonly Rule[] = ALL_RULES): ValidationResult {
  const issues: Issue[] = [];
  const failures: ValidationResult['failures'] = [];
  for (const rule of rules) {
    const override = settings.rules?.[rule.id];
    if (override === 'off') continue;
    if (rule.requiresCompleteFile && document.isTransform) continue;
    try {
      for (const finding of rule.check(document)) {
        issues.push({ ...finding, rule: rule.id, severity: override ?? finding.severity ?? rule.defaultSeverity });
      }
    } catch (error) {
      failures.push({ rule: rule.id, error });
    }
  }
  issues.sort((a, b) => a.start - b.start || a.end - b.end);
  return { issues, failures };
}
