// The contract between rules and everything that reports them. A rule returns plain findings in
// document offsets; the validation runner stamps them with the rule id and severity, and one adapter
// turns them into LSP diagnostics and code actions (or CLI output).

import type { WebConfigDocument } from '../webConfig';

/** Severity follows consequence: error = IIS or ANCM refuses to run the app; warning = it runs, but not as
 *  written; information = worth knowing; hint = a nudge. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without review: `source.fixAll.ancm` and `ancm check --fix` apply only these. */
  readonly safe: boolean;
  /**
   * False: never the one-keystroke fix, even as its issue's only fix. A clamp to the nearest limit can turn a value into
   * the opposite of what was meant (`shutdownTimeLimit="-1"` → 0 kills at once), so the user picks it from the list.
   */
  readonly preferred?: false;
}

/** What a rule reports. */
export interface Finding {
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Defaults to the rule's severity; a rule whose findings differ in consequence sets it per finding. */
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  /** The marked text has no effect (editors fade it). */
  readonly unnecessary?: boolean;
  /** The marked text is retired (editors strike it through). */
  readonly deprecated?: boolean;
}

/** A finding stamped by the runner. */
export interface Issue extends Finding {
  readonly rule: string;
  readonly severity: Severity;
}

export interface Rule {
  /** Stable id: the diagnostic `code` and the key in `ancm.diagnostics.rules`. */
  readonly id: string;
  /** One sentence for rule listings and SARIF metadata. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Checks that something required is present: skipped in XDT transforms, which are partial by design. */
  readonly requiresCompleteFile: boolean;
  /** The page that explains the setting the rule is about. */
  readonly docsUrl: string;
  /** An array, or a generator for a rule that may report on every entry: the runner keeps only what it reports. */
  check(document: WebConfigDocument): Iterable<Finding>;
}
