// The contract between rules and the runner: a rule returns plain findings in document offsets; the validation
// runner stamps them with the rule id and severity (service/types.ts Issue), and one adapter turns those into LSP
// diagnostics and code actions (or CLI output).

import type { Fix, Severity } from '../types';
import type { WebConfigDocument } from '../webConfig';

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
