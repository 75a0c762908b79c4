// The log engine's view of ANCM's failure knowledge (ancm/explainFailure.ts): the causes a log entry shows, and what a
// code a user types means. The command line and the server reach the knowledge through here.

import { explainEntry } from '../ancm/explainFailure';
import { type FailureCause, findFailureCause } from '../ancm/failureCauses';
import type { LogEntry } from './types';

export { explainCode, type CodeExplanation } from '../ancm/explainFailure';
export type { FailureCause } from '../ancm/failureCauses';

/** The causes a log entry shows, most specific first; empty when it shows none. */
export function explainLogEntry(entry: Pick<LogEntry, 'message' | 'text' | 'eventId' | 'origin'>): FailureCause[] {
  return explainEntry(entry).map((id) => findFailureCause(id)!);
}
