// Starts the built language server (`ancm-language-server --stdio`) as a child process and drives it
// with a real JSON-RPC client, as any editor would.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  type ClientCapabilities,
  type ProtocolConnection,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type PublishDiagnosticsParams,
  PublishDiagnosticsNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const SERVER_BIN = path.join(__dirname, '..', '..', 'bin', 'ancm-language-server.js');

/** Every request gets an answer within this time or the test fails: a hang is a bug. */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface ServerUnderTest {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stderr and window/logMessage. */
  readonly log: string[];
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): void;
  stop(): Promise<number | null>;
  /** Resolves with the first diagnostics published for the uri that satisfy the predicate. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Every diagnostics notification received, oldest first. */
  readonly published: PublishDiagnosticsParams[];
}

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const EDITOR_CAPABILITIES: ClientCapabilities = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

export async function startServer(
  capabilities: ClientCapabilities = EDITOR_CAPABILITIES,
  initializationOptions?: object,
  onConnection?: (connection: ProtocolConnection) => void,
  workspaceFolders?: readonly { uri: string; name: string }[],
): Promise<ServerUnderTest> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: 'pipe' });
  const log: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    log.push(params.message);
  });
  onConnection?.(connection);
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.listen();
  await withTimeout(connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions, ...(workspaceFolders && { workspaceFolders: [...workspaceFolders] }) }), 'initialize');
  await connection.sendNotification(InitializedNotification.type, {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    connection,
    child,
    log,
    open(uri, text, version = 1) {
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version, text } });
    },
    change(uri, version, text, range) {
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [range ? { range, text } : { text }] });
    },
    published,
    diagnostics(uri, accept = () => true) {
      const already = published.find((params) => params.uri === uri && accept(params));
      if (already) return Promise.resolve(already);
      return withTimeout(new Promise((resolve) => waiters.push({ uri, accept, resolve })), `diagnostics for ${uri}`);
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown');
      await connection.sendNotification(ExitNotification.type);
      const code = await withTimeout(exited, 'exit');
      connection.dispose();
      return code;
    },
  };
}

/** The line and character of an offset, for a text without surrogate pairs before it. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
