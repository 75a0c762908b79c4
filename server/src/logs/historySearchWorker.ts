// The worker thread of searchLogHistory: searches its byte range of a log and posts each batch of
// entries, then null when done.

import { parentPort, workerData } from 'node:worker_threads';
import { type HistorySearchOptions, searchTextInRange } from './historySearch';

interface WorkerInput {
  readonly file: string;
  readonly options: HistorySearchOptions & { text: string };
  readonly start: number;
  readonly end: number;
}

async function run(input: WorkerInput): Promise<void> {
  for await (const batch of searchTextInRange(input.file, input.options, input.start, input.end)) parentPort!.postMessage(batch);
  parentPort!.postMessage(null);
}

void run(workerData as WorkerInput);
