// The worker thread that searches the second half of a large log for searchLogHistory. One worker is
// started on first use and kept for later searches, so its code is compiled once; it does not keep the
// process alive while idle.

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HistorySearchOptions } from './historySearch';
import type { LogEntry } from './types';

export interface WorkerRequest {
  readonly id: number;
  readonly file: string;
  readonly options: HistorySearchOptions;
  readonly start: number;
  readonly end: number;
}

export type WorkerResponse = { readonly id: number; readonly batches: LogEntry[][] } | { readonly id: number; readonly error: string };

/** The worker script beside this module: the bundle in dist/, or the TypeScript source (tests, benchmarks) run through tsx. */
const FROM_SOURCE = __filename.endsWith('.ts');
const WORKER_SCRIPT = path.join(__dirname, FROM_SOURCE ? 'historySearchWorker.ts' : 'historySearchWorker.js');

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (batches: LogEntry[][]) => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
  worker = undefined;
}

function theWorker(): Worker {
  if (worker) return worker;
  // A worker does not inherit the test runner's TypeScript loader: from source, it registers tsx itself.
  const started = FROM_SOURCE ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER_SCRIPT)});`, { eval: true }) : new Worker(WORKER_SCRIPT);
  started.on('message', (response: WorkerResponse) => {
    const request = pending.get(response.id);
    if (!request) return;
    pending.delete(response.id);
    if ('error' in response) request.reject(new Error(response.error));
    else request.resolve(response.batches);
    if (pending.size === 0) started.unref();
  });
  started.on('error', failAll);
  started.on('exit', (code) => failAll(new Error(`the history search worker exited with code ${code}`)));
  worker = started;
  return started;
}

/** The entries the worker finds in [start, end) of the file. */
export function searchInWorker(file: string, options: HistorySearchOptions, start: number, end: number): Promise<LogEntry[][]> {
  const id = nextId++;
  const target = theWorker();
  target.ref();
  const answer = new Promise<LogEntry[][]>((resolve, reject) => pending.set(id, { resolve, reject }));
  const request: WorkerRequest = { id, file, options, start, end };
  target.postMessage(request);
  return answer;
}
