// Runs every rule over a parsed web.config, applies the user's severity overrides, and never lets a
// broken rule take the others down.

import { insertsMarkup } from './codeActions';
import { ALL_RULES } from './rules/registry';
import type { Issue, Rule, Severity } from './rules/types';
import { isWellFormed } from './rules/xml-not-well-formed';
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
  return { issues: withoutInsertionsIntoBrokenXml(document, issues), failures };
}

/**
 * In a file that is not well-formed the tolerant model's places are best guesses (a value left open swallows
 * the next line, a comment left open the rest of the file), so a fix that inserts an element or an attribute
 * could land inside a comment or a broken tag. Such fixes wait until the XML is repaired; the others stay.
 * This holds whatever the severity of xml-not-well-formed, even when it is off.
 */
function withoutInsertionsIntoBrokenXml(document: WebConfigDocument, issues: Issue[]): Issue[] {
  if (!issues.some((issue) => issue.fixes?.some(insertsMarkup))) return issues;
  let wellFormed = false;
  try {
    wellFormed = isWellFormed(document);
  } catch {
    // The strict check failed (and xml-not-well-formed reports that as a rule failure): keep fixes out.
  }
  if (wellFormed) return issues;
  return issues.map((issue) => (issue.fixes?.some(insertsMarkup) ? { ...issue, fixes: issue.fixes.filter((fix) => !insertsMarkup(fix)) } : issue));
}
