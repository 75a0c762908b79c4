// The log engine's view of ANCM's failure knowledge (ancm/explainFailure.ts): the causes a log entry shows, and what a
// code a user types means. The command line and the server reach the knowledge through here.

import { explainEntry } from '../ancm/explainFailure';
import { type FailureCause, findFailureCause } from '../ancm/failureCauses';
import type { LogEntry } from './types';

export { explainCode, type CodeExplanation } from '../ancm/explainFailure';
export type { FailureCause } from '../ancm/failureCauses';

/** What is read of an entry (a LogEntry or a LogEntryMessage fits). */
export type ExplainedEntry = Pick<LogEntry, 'message' | 'text'> & { readonly eventId?: number | undefined; readonly origin?: string | undefined };

/** The ids of the causes a log entry shows, most specific first; empty when it shows none. */
export function explainLogEntryIds(entry: ExplainedEntry): readonly string[] {
  return explainEntry(entry);
}

/** The causes a log entry shows, most specific first; empty when it shows none. */
export function explainLogEntry(entry: ExplainedEntry): FailureCause[] {
  return explainLogEntryIds(entry).map((id) => findFailureCause(id)!);
}

/** Every cause of the table, for a client that shows the causes of entries by id. */
export { FAILURE_CAUSES } from '../ancm/failureCauses';
