// A log writer in its own process, as IIS is to the tail reader: the tests drive it over IPC
// (fork with `--import tsx`). Appends go through a descriptor kept open in append mode, the way ANCM
// keeps its debug log; each command is answered once its writes are done.

import { closeSync, mkdirSync, openSync, renameSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WriterCommand, WriterReply } from './writerProcess';

const descriptors = new Map<string, number>();

function descriptor(file: string): number {
  let fd = descriptors.get(file);
  if (fd === undefined) {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(file, 'a');
    descriptors.set(file, fd);
  }
  return fd;
}

function release(file: string): void {
  const fd = descriptors.get(file);
  if (fd !== undefined) closeSync(fd);
  descriptors.delete(file);
}

async function append(file: string, data: Buffer, pieces: readonly number[] | undefined, pauseEvery: number): Promise<void> {
  const fd = descriptor(file);
  let position = 0;
  for (const [index, size] of (pieces ?? [data.length]).entries()) {
    writeSync(fd, data, position, size);
    position += size;
    // Bursts: a short pause now and then lets the reader catch the file between writes.
    if (pauseEvery > 0 && index % pauseEvery === pauseEvery - 1) await sleep(1);
  }
  if (position !== data.length) throw new Error(`pieces cover ${position} of ${data.length} bytes`);
}

async function run(command: WriterCommand): Promise<void> {
  const data = Buffer.from(command.data ?? '', 'base64');
  switch (command.op) {
    case 'append':
      return append(command.file, data, command.pieces, command.pauseEvery ?? 0);
    case 'truncate':
      truncateSync(command.file, 0);
      return append(command.file, data, undefined, 0);
    case 'replace':
      release(command.file);
      writeFileSync(`${command.file}.new`, data);
      renameSync(`${command.file}.new`, command.file);
      return;
    case 'delete':
      release(command.file);
      unlinkSync(command.file);
      return;
  }
}

process.on('message', (command: WriterCommand) => {
  run(command).then(
    () => process.send!({ id: command.id } satisfies WriterReply),
    (error: unknown) => process.send!({ id: command.id, error: String(error) } satisfies WriterReply),
  );
});
process.on('disconnect', () => process.exit(0));
