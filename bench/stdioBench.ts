// Completion and hover latency over stdio, as an editor sees it (JSON-RPC both ways, position
// conversion, the server's model cache), and the server's memory once the 1 MB file is open.

import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { type Fixture, editOffset } from './fixtures';
import { type Position, LanguageServerProcess, positionFinder } from './lspClient';
import { processMemoryMb } from './memory';
import { findProbes } from './probes';
import { type Summary, summarizePasses } from './stats';

export interface StdioFileResult {
  readonly completion: Summary;
  readonly hover: Summary;
  /** didChange of one character, then completion: the server re-parses before answering. */
  readonly editAndComplete: Summary;
}

export interface ServerMemory {
  /** Initialized, nothing opened: the baseline. */
  readonly idleMb: number;
  /** The 1 MB file opened, its model built and its diagnostics published. */
  readonly largeOpenMb: number;
  /** Peak RSS over the whole session, after every edit of both files. */
  readonly peakMb: number;
}

export interface StdioResult {
  readonly files: ReadonlyMap<string, StdioFileResult>;
  /** Undefined where the OS does not expose another process's memory. */
  readonly memory: ServerMemory | undefined;
}

export interface StdioOptions {
  readonly warmUpRounds: number;
  /** Completion, hover and edits take turns pass by pass, as in process. */
  readonly passes: number;
  readonly roundsPerPass: number;
  readonly editsPerPass: (fixture: Fixture) => number;
  /** Pause before reading RSS, so the reading is not taken in the middle of a collection. */
  readonly settleMs: number;
}

/** A document the benchmark has opened in the server. */
interface OpenDocument {
  readonly uri: string;
  readonly fixture: Fixture;
  readonly positions: readonly { readonly place: string; readonly position: Position }[];
  readonly edit: Position;
  version: number;
}

export async function benchStdio(typical: Fixture, large: Fixture, options: StdioOptions): Promise<StdioResult> {
  const server = await LanguageServerProcess.start();
  try {
    const idle = await settledRss(server, options.settleMs);
    const largeDocument = await openDocument(server, large, 'large');
    const largeOpen = await settledRss(server, options.settleMs);
    const typicalDocument = await openDocument(server, typical, 'typical');
    const files = new Map<string, StdioFileResult>();
    for (const document of [typicalDocument, largeDocument]) files.set(document.fixture.name, await benchDocument(server, document, options));
    const peak = processMemoryMb(server.pid, 'VmHWM');
    await server.stop();
    const memory = idle !== undefined && largeOpen !== undefined && peak !== undefined ? { idleMb: idle, largeOpenMb: largeOpen, peakMb: peak } : undefined;
    return { files, memory };
  } catch (error) {
    if (server.log.length > 0) console.error(`language server log:\n${server.log.join('\n')}`);
    throw error;
  } finally {
    server.dispose();
  }
}

/**
 * Opens the fixture and waits until the server is done with it: one hover (the model is built when a
 * request first needs it) and the diagnostics of the open (validation runs right after it).
 */
async function openDocument(server: LanguageServerProcess, fixture: Fixture, folder: string): Promise<OpenDocument> {
  const uri = `file:///bench/${folder}/web.config`;
  const positionAt = positionFinder(fixture.text);
  const positions = findProbes(fixture.text).map((probe) => ({ place: probe.place, position: positionAt(probe.offset) }));
  await server.open(uri, fixture.text);
  await server.request(HoverRequest.type, { textDocument: { uri }, position: positions[0].position });
  await server.diagnosed(uri, 1);
  return { uri, fixture, positions, edit: positionAt(editOffset(fixture.text)), version: 1 };
}

async function benchDocument(server: LanguageServerProcess, document: OpenDocument, options: StdioOptions): Promise<StdioFileResult> {
  await checkCompletions(server, document);
  const complete = (position: Position) => server.request(CompletionRequest.type, { textDocument: { uri: document.uri }, position });
  const hover = (position: Position) => server.request(HoverRequest.type, { textDocument: { uri: document.uri }, position });
  await sampleRounds(document, options.warmUpRounds, complete);
  await sampleRounds(document, options.warmUpRounds, hover);
  const passes = { completion: [] as number[][], hover: [] as number[][], editAndComplete: [] as number[][] };
  for (let pass = 0; pass < options.passes; pass++) {
    passes.completion.push(await sampleRounds(document, options.roundsPerPass, complete));
    passes.hover.push(await sampleRounds(document, options.roundsPerPass, hover));
    passes.editAndComplete.push(await sampleEdits(server, document, options.editsPerPass(document.fixture)));
    // The edits came faster than the validation delay: let the one validation they leave run before timing more.
    await server.diagnosed(document.uri, document.version);
  }
  return {
    completion: summarizePasses(passes.completion),
    hover: summarizePasses(passes.hover),
    editAndComplete: summarizePasses(passes.editAndComplete),
  };
}

/** A server that fails answers with an empty list, fast: make sure the timed answers are real ones. */
async function checkCompletions(server: LanguageServerProcess, document: OpenDocument): Promise<void> {
  for (const { place, position } of document.positions) {
    const answer = await server.request(CompletionRequest.type, { textDocument: { uri: document.uri }, position });
    const items = Array.isArray(answer) ? answer : answer?.items ?? [];
    if (items.length === 0) throw new Error(`no completion at ${place} in the ${document.fixture.name} file over stdio`);
  }
}

/** One timed request per probe per round, awaited one at a time as an editor would send them. */
async function sampleRounds(document: OpenDocument, rounds: number, send: (position: Position) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { position } of document.positions) {
      const start = performance.now();
      await send(position);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/**
 * Each sample: a one-character edit far from the cursor, then completion at the next probe. The edits
 * come faster than the server's validation delay, as in steady typing, so no validation runs in between.
 */
async function sampleEdits(server: LanguageServerProcess, document: OpenDocument, count: number): Promise<number[]> {
  const { edit } = document;
  const afterEdit = { line: edit.line, character: edit.character + 1 };
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const { position } = document.positions[index % document.positions.length];
    document.version++;
    const start = performance.now();
    await server.change(document.uri, document.version, edit, afterEdit, document.version % 2 === 0 ? 'A' : 'B');
    await server.request(CompletionRequest.type, { textDocument: { uri: document.uri }, position });
    samples.push(performance.now() - start);
  }
  return samples;
}

async function settledRss(server: LanguageServerProcess, settleMs: number): Promise<number | undefined> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return processMemoryMb(server.pid, 'VmRSS');
}
