// The test side of logWriter.ts: starts the writer process and sends it commands, each with a timeout.

import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';

export interface WriterCommand {
  readonly id: number;
  readonly op: 'append' | 'truncate' | 'replace' | 'delete';
  readonly file: string;
  /** Base64 bytes: appended, written after truncating, or the replacement's content. */
  readonly data?: string;
  /** Append only: the sizes of the successive writes (default: one write). */
  readonly pieces?: readonly number[];
  /** Append only: pause 1 ms after every this many writes. */
  readonly pauseEvery?: number;
}

export interface WriterReply {
  readonly id: number;
  readonly error?: string;
}

const COMMAND_TIMEOUT_MS = 10_000;

export class WriterProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: WriterReply) => void>();

  constructor() {
    this.child = fork(path.join(__dirname, 'logWriter.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (reply: WriterReply) => this.waiting.get(reply.id)?.(reply));
  }

  append(file: string, data: Buffer | string, options: { pieces?: readonly number[]; pauseEvery?: number } = {}): Promise<void> {
    return this.send({ op: 'append', file, data: Buffer.from(data).toString('base64'), ...options });
  }

  truncate(file: string, thenWrite: Buffer | string = ''): Promise<void> {
    return this.send({ op: 'truncate', file, data: Buffer.from(thenWrite).toString('base64') });
  }

  /** Writes `file.new` and renames it over `file`: a new file under the same name. */
  replace(file: string, content: Buffer | string): Promise<void> {
    return this.send({ op: 'replace', file, data: Buffer.from(content).toString('base64') });
  }

  delete(file: string): Promise<void> {
    return this.send({ op: 'delete', file });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    this.child.kill();
  }

  private send(command: Omit<WriterCommand, 'id'>): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`writer: no answer to ${command.op} within ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.error) reject(new Error(`writer: ${reply.error}`));
        else resolve();
      });
      this.child.send({ ...command, id });
    });
  }
}
