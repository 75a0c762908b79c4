// Starts the bundled language server as an editor would (`ancm-language-server --stdio`) and talks
// JSON-RPC to it. Every request has a timeout and `dispose` always ends the child, so a hung or crashed
// server fails the benchmark instead of stalling it.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type ProtocolConnection,
  type ProtocolRequestType,
  type RequestParam,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.join(__dirname, '..');
const SERVER_BIN = path.join(ROOT, 'bin', 'ancm-language-server.js');

const REQUEST_TIMEOUT_MS = 10_000;

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface ServerStartOptions {
  /** Flags for the server's node (`--cpu-prof` to profile it, `--expose-gc`). */
  readonly nodeArgs?: readonly string[];
  /** Variables added to the server's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** The server's initializationOptions (ServerInitializationOptions in server/src/server.ts). */
  readonly initializationOptions?: object;
}

export class LanguageServerProcess {
  /** What the server wrote to stderr or window/logMessage: shown when something goes wrong. */
  readonly log: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  private readonly exited: Promise<void>;
  /** The latest document version the server published diagnostics for, per URI. */
  private readonly diagnosedVersions = new Map<string, number>();
  private readonly diagnosticsWaiters: { readonly uri: string; readonly version: number; readonly resolve: () => void }[] = [];

  private constructor(options: ServerStartOptions) {
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...options.env } });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.log.push(chunk.toString());
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(params.message);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.diagnosticsPublished(params.uri, params.version));
    this.connection.listen();
  }

  static async start(options: ServerStartOptions = {}): Promise<LanguageServerProcess> {
    const server = new LanguageServerProcess(options);
    try {
      const capabilities = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };
      await server.request(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions: options.initializationOptions ?? null });
      await server.connection.sendNotification(InitializedNotification.type, {});
      return server;
    } catch (error) {
      server.dispose();
      throw error;
    }
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the language server did not start');
    return this.child.pid;
  }

  request<P, R, PR, E, RO>(type: ProtocolRequestType<P, R, PR, E, RO>, params: RequestParam<P>): Promise<R> {
    return withTimeout(this.connection.sendRequest(type, params), type.method);
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version: 1, text } });
  }

  /** Replaces the text from `start` to `end` (one line), as a keystroke does. */
  async change(uri: string, version: number, start: Position, end: Position, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
  }

  /**
   * Resolves once the server has published diagnostics for this version of the document. The server
   * validates after every open and change; until it has, it is busy, and its memory is not settled.
   */
  diagnosed(uri: string, version: number): Promise<void> {
    if ((this.diagnosedVersions.get(uri) ?? 0) >= version) return Promise.resolve();
    return withTimeout(new Promise((resolve) => this.diagnosticsWaiters.push({ uri, version, resolve })), `diagnostics for ${uri} version ${version}`);
  }

  /** A publication without a version is taken to be of the latest one. */
  private diagnosticsPublished(uri: string, version: number | undefined): void {
    const published = version ?? Number.MAX_SAFE_INTEGER;
    this.diagnosedVersions.set(uri, published);
    for (let index = this.diagnosticsWaiters.length - 1; index >= 0; index--) {
      const waiter = this.diagnosticsWaiters[index];
      if (waiter.uri !== uri || waiter.version > published) continue;
      this.diagnosticsWaiters.splice(index, 1);
      waiter.resolve();
    }
  }

  /** The LSP shutdown handshake; the child is killed by `dispose` if it does not exit. */
  async stop(): Promise<void> {
    await withTimeout(this.connection.sendRequest(ShutdownRequest.type), ShutdownRequest.method);
    await this.connection.sendNotification(ExitNotification.type);
    await withTimeout(this.exited, 'exit');
  }

  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Line and character of an offset, as the editor computes them. */
export function positionFinder(text: string): (offset: number) => Position {
  const document = TextDocument.create('file:///web.config', 'xml', 0, text);
  return (offset) => document.positionAt(offset);
}
