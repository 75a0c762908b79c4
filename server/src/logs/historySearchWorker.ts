// The worker thread of searchLogHistory: answers each search request with the entries it finds in its
// byte range of the log.

import { parentPort } from 'node:worker_threads';
import { searchRange } from './historySearch';
import type { WorkerRequest, WorkerResponse } from './historySearchWorkerClient';

parentPort!.on('message', (request: WorkerRequest) => {
  searchRange(request.file, request.options, request.start, request.end).then(
    (batches) => parentPort!.postMessage({ id: request.id, batches } satisfies WorkerResponse),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
  );
});
