// The contract between applicationHost.config rules and their runner (validation.ts): like the web.config rules
// (../../rules/types.ts), a rule returns plain findings in document offsets and the runner stamps id and severity.

import type { Finding } from '../../rules/types';
import type { Severity } from '../../types';
import type { AppHostApplication, ApplicationHostModel } from '../model';

/** What the shell knows about one application's own web.config/publish folder, looked up by the application */
export interface AppFacts {
  readonly hostingModel?: 'inprocess' | 'outofprocess';
  readonly bitness?: 'x86' | 'x64' | 'arm64' | 'any';
  readonly webConfigUri?: string;
}

/** The facts of one application; undefined when the shell knows nothing about it. */
export type AppFactsLookup = (application: AppHostApplication) => AppFacts | undefined;

export interface AppHostRule {
  /** Stable id: the diagnostic `code` and the key in `ancm.diagnostics.rules`. */
  readonly id: string;
  /** One sentence for rule listings and SARIF metadata. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
  check(model: ApplicationHostModel, facts: AppFactsLookup): Iterable<Finding>;
}
