// Runs every rule over a parsed web.config, applies the user's severity overrides, and never lets a
// broken rule take the others down.

import { insertsMarkup } from './codeActions';
import { inValidationPass } from './rules/entriesInEffect';
import { ALL_RULES } from './rules/registry';
import type { Finding, Rule } from './rules/types';
import type { Issue, Severity } from './types';
import { isWellFormed } from './rules/xml-not-well-formed';
import type { WebConfigDocument } from './webConfig';

export type RuleSeverityOverride = Severity | 'off';

/** Every value a rule may be given in `ancm.diagnostics.rules`; the manifest's enum must list the same. */
export const RULE_SEVERITY_OVERRIDES: readonly RuleSeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface ValidationSettings {
  /** `ancm.diagnostics.rules`: a rule id to a severity, or `off`. */
  readonly rules?: Readonly<Record<string, RuleSeverityOverride>>;
  /** The most issues one file gets, the last of them saying how many more there are; default `MAX_ISSUES_PER_FILE`. */
  readonly maxIssues?: number;
}

/**
 * A 20 MB file with a problem on every entry gave 300,000 diagnostics: seconds to convert and send, hundreds of
 * megabytes in the server and the editor, and a Problems view nobody reads. Past this many, one last issue says
 * how many more there are.
 */
export const MAX_ISSUES_PER_FILE = 1000;

/** The code of the issue that stands for the problems past the cap; not a rule, so it cannot be turned off. */
export const TOO_MANY_PROBLEMS = 'too-many-problems';

export interface ValidationResult {
  readonly issues: Issue[];
  /** Rules that threw, with the error; reported by the caller, never to the user as a finding. */
  readonly failures: { readonly rule: string; readonly error: unknown }[];
}

export function doValidation(document: WebConfigDocument, settings: ValidationSettings = {}, rules: readonly Rule[] = ALL_RULES): ValidationResult {
  const issues = new CappedIssues(settings.maxIssues ?? MAX_ISSUES_PER_FILE);
  const failures: ValidationResult['failures'] = [];
  inValidationPass(document, () => {
    for (const rule of rules) {
      const override = settings.rules?.[rule.id];
      if (override === 'off') continue;
      if (rule.requiresCompleteFile && document.isTransform) continue;
      try {
        for (const finding of rule.check(document)) issues.add(stamp(finding, rule, override));
      } catch (error) {
        failures.push({ rule: rule.id, error });
      }
    }
  });
  return { issues: withoutInsertionsIntoBrokenXml(document, issues.finish()), failures };
}

/** Written out rather than `{ ...finding, rule, severity }`: V8 builds such a spread as a slow dictionary object. */
function stamp(finding: Finding, rule: Rule, override: Severity | undefined): Issue {
  return {
    rule: rule.id,
    severity: override ?? finding.severity ?? rule.defaultSeverity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    ...(finding.fixes && { fixes: finding.fixes }),
    ...(finding.unnecessary && { unnecessary: true }),
    ...(finding.deprecated && { deprecated: true }),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function byPosition(a: Issue, b: Issue): number {
  return a.start - b.start || a.end - b.end;
}

function bySeverityThenPosition(a: Issue, b: Issue): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byPosition(a, b);
}

/**
 * The issues to report, at most `limit`. Past the limit the most severe are kept (an error at the end of the file
 * outranks the thousandth warning before it), and the last issue, at the first problem left out and as severe as
 * the worst of them, says how many are left out. Issues past the limit are dropped as they come (rules that walk
 * every entry yield their findings one by one), so a file with a problem on each of 300,000 entries never holds
 * them all.
 */
class CappedIssues {
  private kept: Issue[] = [];
  private hidden = 0;
  private firstHidden: Issue | undefined;
  private worstHidden: Issue | undefined;

  constructor(private readonly limit: number) {}

  add(issue: Issue): void {
    this.kept.push(issue);
    if (this.kept.length >= 2 * Math.max(this.limit, 1)) this.keepBest(this.limit);
  }

  /** In document order. */
  finish(): Issue[] {
    if (this.limit <= 0) return [];
    if (this.hidden === 0 && this.kept.length <= this.limit) return this.kept.sort(byPosition);
    this.keepBest(this.limit - 1);
    const summary: Issue = {
      rule: TOO_MANY_PROBLEMS,
      severity: this.worstHidden!.severity,
      message: `${this.hidden} more problems not shown: at most ${this.limit} are reported per file. Fix the ones shown, or turn off the rules that report the most in ancm.diagnostics.rules.`,
      start: this.firstHidden!.start,
      end: this.firstHidden!.end,
    };
    const shown = this.kept.sort(byPosition);
    shown.push(summary);
    return shown;
  }

  private keepBest(count: number): void {
    if (this.kept.length <= count) return;
    this.kept.sort(bySeverityThenPosition);
    for (let index = count; index < this.kept.length; index++) {
      const issue = this.kept[index];
      this.hidden++;
      if (!this.firstHidden || byPosition(issue, this.firstHidden) < 0) this.firstHidden = issue;
      if (!this.worstHidden || SEVERITY_RANK[issue.severity] < SEVERITY_RANK[this.worstHidden.severity]) this.worstHidden = issue;
    }
    this.kept.length = count;
  }
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
