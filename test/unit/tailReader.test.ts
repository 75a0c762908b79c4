import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, rmdirSync, writeFileSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LineDecoder, type LogEncoding, detectByteOrderMark } from '../../server/src/logs/lineDecoder';
import { TailReader, type TailReaderOptions, type TailResetReason } from '../../server/src/logs/tailReader';
import type { LogLine } from '../../server/src/logs/types';
import { WriterProcess } from './logs/writerProcess';
import { randomSource as random } from '../seededRandom';

/** Every wait for the reader has this bound: a hang is a failure, not a stuck test run. */
const WAIT_TIMEOUT_MS = 10_000;
/** Short polls keep the tests fast; the production default is 250 ms. */
const FAST: TailReaderOptions = { pollIntervalMs: 20, watch: false };

/** Records what a reader delivers, in order, and resolves waits when a condition becomes true. */
class Recorder {
  readonly lines: LogLine[] = [];
  /** Line texts and `<reason>` markers for resets, in delivery order. */
  readonly timeline: string[] = [];
  readonly batches: LogLine[][] = [];
  readonly errors: Error[] = [];
  private readonly waits = new Set<() => void>();

  constructor(readonly reader: TailReader) {
    reader.onLines((lines) => {
      this.batches.push(lines);
      for (const line of lines) {
        this.lines.push(line);
        this.timeline.push(line.text);
      }
      this.check();
    });
    reader.onReset(({ reason }) => {
      this.timeline.push(`<${reason}>`);
      this.check();
    });
    reader.onError((error) => {
      this.errors.push(error);
      this.check();
    });
  }

  /** Resolves when `condition` holds (checked now and after every delivery); rejects after the timeout. */
  until(condition: () => boolean, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waits.delete(check);
        reject(new Error(`timed out waiting for ${what}; last delivered: ${JSON.stringify(this.timeline.slice(-5))}`));
      }, WAIT_TIMEOUT_MS);
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waits.delete(check);
        resolve();
      };
      this.waits.add(check);
    });
  }

  untilLine(text: string): Promise<void> {
    return this.until(() => this.timeline.includes(text), `line ${JSON.stringify(text)}`);
  }

  untilReset(reason: TailResetReason): Promise<void> {
    return this.until(() => this.timeline.includes(`<${reason}>`), `reset ${reason}`);
  }

  private check(): void {
    for (const wait of [...this.waits]) wait();
  }
}

/** Write sizes covering `total` bytes: many tiny ones (they split characters) among large ones. */
function randomPieces(total: number, next: () => number): number[] {
  const pieces: number[] = [];
  for (let left = total; left > 0; ) {
    const size = Math.min(left, next() < 0.4 ? 1 + Math.floor(next() * 5) : 1 + Math.floor(next() * 3000));
    pieces.push(size);
    left -= size;
  }
  return pieces;
}

/** The lines of `content` with their byte offsets, as the reader must report them (LF or CR LF breaks). */
function expectedLines(content: string): LogLine[] {
  const lines: LogLine[] = [];
  let offset = 0;
  const parts = content.split('\n');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part === '') break;
    lines.push({ text: part.endsWith('\r') ? part.slice(0, -1) : part, offset });
    offset += Buffer.byteLength(part, 'utf8') + 1;
  }
  return lines;
}

function numbered(prefix: string, from: number, to: number): string {
  let text = '';
  for (let index = from; index <= to; index++) text += `${prefix}${index}\n`;
  return text;
}

function texts(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);
}

let folder: string;
let writer: WriterProcess;
const readers: TailReader[] = [];

function follow(file: string, options: TailReaderOptions = FAST): Recorder {
  const reader = new TailReader(file, options);
  readers.push(reader);
  return new Recorder(reader);
}

function fileNamed(name: string): string {
  return path.join(folder, name);
}

before(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ancm-tail-'));
  writer = new WriterProcess();
});

after(async () => {
  await Promise.all(readers.map((reader) => reader.stop()));
  writer.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('LineDecoder: bytes to lines with offsets', () => {
  const sample = 'first é\r\nsecond € and 😀\nthird\r still third\n\nlast 😀';
  const encodings: LogEncoding[] = ['utf8', 'utf16le', 'utf16be'];

  function encode(text: string, encoding: LogEncoding): Buffer {
    if (encoding === 'utf8') return Buffer.from(text, 'utf8');
    const bytes = Buffer.from(text, 'utf16le');
    return encoding === 'utf16le' ? bytes : bytes.swap16();
  }

  for (const encoding of encodings) {
    it(`${encoding}: every split point gives the same lines and offsets as one read`, () => {
      const bytes = encode(sample, encoding);
      const whole = new LineDecoder(encoding, 0);
      const expected = [...whole.push(bytes), whole.finish()];
      assert.deepEqual(
        expected.map((line) => line?.text),
        ['first é', 'second € and 😀', 'third\r still third', '', 'last 😀'],
      );
      let offset = 0;
      const offsets = sample.split('\n').map((part) => {
        const start = offset;
        offset += encode(`${part}\n`, encoding).length;
        return start;
      });
      assert.deepEqual(
        expected.map((line) => line?.offset),
        offsets,
      );
      for (let split = 1; split < bytes.length; split++) {
        const decoder = new LineDecoder(encoding, 0);
        const lines = [...decoder.push(bytes.subarray(0, split)), ...decoder.push(bytes.subarray(split)), decoder.finish()];
        assert.deepEqual(lines, expected, `split at ${split}`);
      }
    });
  }

  it('a flushed partial line is continued, never repeated; an incomplete character and a CR wait', () => {
    const decoder = new LineDecoder('utf8', 100);
    const euro = Buffer.from('€');
    assert.deepEqual(decoder.push(Buffer.concat([Buffer.from('abc'), euro.subarray(0, 2)])), []);
    assert.deepEqual(decoder.flushPartial(), { text: 'abc', offset: 100 });
    assert.equal(decoder.partialOffset, 103);
    assert.deepEqual(decoder.push(Buffer.concat([euro.subarray(2), Buffer.from('d\r')])), []);
    assert.deepEqual(decoder.flushPartial(), { text: '€d', offset: 103 });
    assert.deepEqual(decoder.push(Buffer.from('\nnext\n')), [{ text: 'next', offset: 109 }], 'the CR LF split by the flush is one break, no empty line');
    assert.equal(decoder.partialOffset, undefined);
    assert.equal(decoder.nextOffset, 114);
  });

  it('a line longer than maxLineBytes comes in pieces, so memory stays bounded', () => {
    const decoder = new LineDecoder('utf8', 0, 10);
    const lines = decoder.push(Buffer.from(`${'a'.repeat(25)}\nb\n`));
    assert.deepEqual(lines, [
      { text: 'a'.repeat(10), offset: 0 },
      { text: 'a'.repeat(10), offset: 10 },
      { text: 'a'.repeat(5), offset: 20 },
      { text: 'b', offset: 26 },
    ]);
  });

  it('detects byte order marks, and waits while the file is too short to tell', () => {
    assert.deepEqual(detectByteOrderMark(Buffer.from([0xef, 0xbb, 0xbf])), { encoding: 'utf8', length: 3 });
    assert.deepEqual(detectByteOrderMark(Buffer.from([0xff, 0xfe, 0x41])), { encoding: 'utf16le', length: 2 });
    assert.deepEqual(detectByteOrderMark(Buffer.from([0xfe, 0xff, 0x00])), { encoding: 'utf16be', length: 2 });
    assert.deepEqual(detectByteOrderMark(Buffer.from('[20')), { encoding: 'utf8', length: 0 });
    assert.equal(detectByteOrderMark(Buffer.from([0xff])), undefined);
    assert.equal(detectByteOrderMark(Buffer.from([0xef, 0xbb])), undefined);
    assert.equal(detectByteOrderMark(Buffer.alloc(0)), undefined);
  });
});

describe('TailReader follows a file written by another process', () => {
  it('20,000 lines in bursts, split at random inside lines and characters, arrive once each, in order, with their offsets', async () => {
    const file = fileNamed('fast.log');
    writeFileSync(file, 'start\n');
    // No idle flush here: a pause in the middle of a line on a loaded machine must not cut it.
    const recorder = follow(file, { pollIntervalMs: 20, partialLineIdleMs: 60_000, watch: true });
    await recorder.reader.start();
    assert.deepEqual(recorder.timeline, ['start']);

    let content = '';
    for (let index = 1; index <= 20_000; index++) content += `line ${index} é€😀 ${'x'.repeat(index % 37)}\n`;
    const bytes = Buffer.from(content);
    await writer.append(file, bytes, { pieces: randomPieces(bytes.length, random(7)), pauseEvery: 5 });
    await recorder.untilLine(`line 20000 é€😀 ${'x'.repeat(20_000 % 37)}`);

    const expected = expectedLines(`start\n${content}`);
    assert.deepEqual(
      recorder.lines.map((line) => line.text),
      expected.map((line) => line.text),
    );
    assert.deepEqual(recorder.lines, expected);
    assert.deepEqual(recorder.errors, []);
  });

  it('a file renamed over the log is reported as replaced and read from its first byte', async () => {
    const file = fileNamed('replaced.log');
    writeFileSync(file, numbered('a', 1, 3));
    const recorder = follow(file, { pollIntervalMs: 20 });
    await recorder.reader.start();
    await writer.append(file, numbered('a', 4, 100));
    await recorder.untilLine('a100');
    await writer.replace(file, numbered('b', 1, 50));
    await recorder.untilLine('b50');
    await writer.append(file, numbered('b', 51, 60));
    await recorder.untilLine('b60');

    assert.deepEqual(recorder.timeline, [...texts('a', 1, 100), '<replaced>', ...texts('b', 1, 60)]);
    assert.deepEqual(recorder.lines.slice(100), expectedLines(numbered('b', 1, 60)));
  });

  it('truncation is reported and reading restarts at 0, whether the new content is shorter or already longer', async () => {
    const file = fileNamed('truncated.log');
    writeFileSync(file, '');
    const recorder = follow(file);
    await recorder.reader.start();
    await writer.append(file, numbered('a', 1, 100));
    await recorder.untilLine('a100');
    await writer.truncate(file, numbered('b', 1, 5));
    await recorder.untilLine('b5');
    // Truncated and written past the old size at once: only the bytes before the offset tell.
    await writer.truncate(file, numbered('c', 1, 200));
    await recorder.untilLine('c200');

    assert.deepEqual(recorder.timeline, [...texts('a', 1, 100), '<truncated>', ...texts('b', 1, 5), '<truncated>', ...texts('c', 1, 200)]);
    assert.deepEqual(recorder.lines.slice(105), expectedLines(numbered('c', 1, 200)));
  });

  it('a file truncated and written past its old size between two polls is seen by the bytes before the offset', async () => {
    const file = fileNamed('rewritten.log');
    writeFileSync(file, '');
    // Polls only when asked, so nothing can read between the truncation and the new writes.
    const recorder = follow(file, { pollIntervalMs: 60_000, watch: false });
    await recorder.reader.start();
    await writer.append(file, numbered('old', 1, 10));
    await recorder.reader.poll();
    await writer.truncate(file, numbered('new', 1, 30));
    await recorder.reader.poll();
    assert.deepEqual(recorder.timeline, [...texts('old', 1, 10), '<truncated>', ...texts('new', 1, 30)]);
  });

  it('deletion is reported after the last partial line; re-creation is reported and read from 0', async () => {
    const file = fileNamed('deleted.log');
    writeFileSync(file, 'one\n');
    const recorder = follow(file, { pollIntervalMs: 20, partialLineIdleMs: 60_000 });
    await recorder.reader.start();
    await writer.append(file, 'two\nthree without a break');
    await recorder.untilLine('two');
    await writer.delete(file);
    await recorder.untilReset('deleted');
    await writer.append(file, 'new one\nnew two\n');
    await recorder.untilLine('new two');

    assert.deepEqual(recorder.timeline, ['one', 'two', 'three without a break', '<deleted>', '<created>', 'new one', 'new two']);
    assert.deepEqual(recorder.lines.slice(3), expectedLines('new one\nnew two\n'));
  });

  it('a missing folder is waited for, and the file is created in it later', async () => {
    const file = path.join(folder, 'not-yet', 'logs', 'stdout_20240101000000_42.log');
    const recorder = follow(file, { pollIntervalMs: 20 });
    await recorder.reader.start();
    assert.deepEqual(recorder.timeline, []);
    await writer.append(file, 'hello\n');
    await recorder.untilLine('hello');
    assert.deepEqual(recorder.timeline, ['<created>', 'hello']);
    assert.deepEqual(recorder.errors, []);
  });

  it('a partial line is delivered after the idle time; what follows it is a continuation, never a repeat', async () => {
    const file = fileNamed('partial.log');
    writeFileSync(file, '');
    const recorder = follow(file, { pollIntervalMs: 20, partialLineIdleMs: 100, watch: false });
    await recorder.reader.start();
    await writer.append(file, 'alpha\npartial');
    await recorder.untilLine('partial');
    await writer.append(file, ' rest\nnext\n');
    await recorder.untilLine('next');
    const euro = Buffer.from('€');
    await writer.append(file, Buffer.concat([Buffer.from('abc'), euro.subarray(0, 2)]));
    await recorder.untilLine('abc');
    await writer.append(file, Buffer.concat([euro.subarray(2), Buffer.from('\n')]));
    await recorder.untilLine('€');
    await writer.append(file, 'xyz\r');
    await recorder.untilLine('xyz');
    await writer.append(file, '\n\nend\n');
    await recorder.untilLine('end');

    assert.deepEqual(recorder.timeline, ['alpha', 'partial', ' rest', 'next', 'abc', '€', 'xyz', '', 'end']);
    assert.deepEqual(
      recorder.lines.map((line) => line.offset),
      [0, 6, 13, 19, 24, 27, 31, 36, 37],
    );
  });

  it('CR LF and LF end lines; a lone CR stays in the text', async () => {
    const file = fileNamed('crlf.log');
    writeFileSync(file, '');
    const recorder = follow(file, { pollIntervalMs: 20, partialLineIdleMs: 60_000 });
    await recorder.reader.start();
    const content = 'one\r\ntwo\r\nthree\rstill three\r\n\r\nfive\n';
    // One byte per write: every CR LF is split between two writes.
    await writer.append(file, content, { pieces: Array.from({ length: content.length }, () => 1), pauseEvery: 3 });
    await recorder.untilLine('five');
    assert.deepEqual(recorder.lines, expectedLines(content));
    assert.deepEqual(recorder.timeline, ['one', 'two', 'three\rstill three', '', 'five']);
  });

  it('UTF-16 LE with a byte order mark is decoded; the mark is not part of the first line', async () => {
    const file = fileNamed('utf16.log');
    writeFileSync(file, '');
    const recorder = follow(file, { pollIntervalMs: 20, partialLineIdleMs: 60_000 });
    await recorder.reader.start();
    const text = 'first é\r\nsecond 😀\r\nthird €\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await writer.append(file, bytes, { pieces: randomPieces(bytes.length, random(3)).flatMap((size) => (size > 3 ? [1, 2, size - 3] : [size])), pauseEvery: 2 });
    await recorder.untilLine('third €');
    assert.deepEqual(recorder.lines, [
      { text: 'first é', offset: 2 },
      { text: 'second 😀', offset: 2 + 18 },
      { text: 'third €', offset: 2 + 18 + 22 },
    ]);
  });

  it('reports an unexpected I/O error once, keeps trying, and recovers; a throwing listener is reported too', async () => {
    const file = fileNamed('is-a-folder.log');
    mkdirSync(file);
    const recorder = follow(file, { pollIntervalMs: 60_000, watch: false });
    await recorder.reader.start();
    await recorder.reader.poll();
    await recorder.reader.poll();
    assert.equal(recorder.errors.length, 1, recorder.errors.map(String).join('; '));
    // A folder is refused before it is opened, as any path that is not a regular file is.
    assert.equal(recorder.errors[0].message, `not a regular file: ${file}`);

    rmdirSync(file);
    await recorder.reader.poll();
    recorder.reader.onLines(() => {
      throw new Error('listener failed');
    });
    writeFileSync(file, 'readable now\n');
    await recorder.reader.poll();
    assert.ok(recorder.timeline.includes('readable now'), JSON.stringify(recorder.timeline));
    assert.ok(recorder.errors.some((error) => error.message === 'listener failed'));
  });
});

describe('TailReader on a large file', () => {
  const LINE_COUNT = 900_000;
  let file: string;
  let lines: string[];
  let offsets: number[];
  let size: number;

  before(() => {
    file = fileNamed('large.log');
    lines = [];
    offsets = [];
    const fd = openSync(file, 'w');
    let chunk = '';
    size = 0;
    for (let index = 0; index < LINE_COUNT; index++) {
      const line = `[2024-11-23T03:40:41.554Z, PID: ${index}] [aspnetcorev2.dll] entry ${'é'.repeat(index % 5)} ${'payload'.repeat(index % 7)}`;
      lines.push(line);
      offsets.push(size);
      size += Buffer.byteLength(line) + 2;
      chunk += `${line}\r\n`;
      if (chunk.length > 1_000_000) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  });

  it('opens at its tail (the last 1 MiB, from a line start) and pages earlier history back in', async () => {
    assert.ok(size > 50_000_000, `${size} bytes`);
    const recorder = follow(file, { pollIntervalMs: 20, watch: false });
    await recorder.reader.start();

    const first = recorder.lines[0];
    const firstIndex = offsets.indexOf(first.offset);
    assert.equal(firstIndex, offsets.findIndex((offset) => offset >= size - 1024 * 1024), 'the first line start inside the window');
    assert.deepEqual(
      recorder.lines.map((line) => line.text),
      lines.slice(firstIndex),
    );

    const pages: LogLine[][] = [];
    for (let page = await recorder.reader.readEarlier(4 * 1024 * 1024); page.length > 0; page = await recorder.reader.readEarlier(4 * 1024 * 1024)) {
      assert.ok(page.length < 100_000, 'a page is bounded by its byte budget');
      pages.unshift(page);
    }
    assert.equal(recorder.reader.hasEarlier, false);
    const all = [...pages.flat(), ...recorder.lines];
    assert.equal(all.length, LINE_COUNT);
    assert.ok(
      all.every((line, index) => line.text === lines[index] && line.offset === offsets[index]),
      'pages and tail together are the file, line for line',
    );
  });

  it('a burst larger than maxBytesPerPoll is read over several polls, each bounded', async () => {
    const burstFile = fileNamed('burst.log');
    writeFileSync(burstFile, '');
    const recorder = follow(burstFile, { pollIntervalMs: 20, maxBytesPerPoll: 1024 * 1024, readChunkBytes: 64 * 1024, watch: false });
    await recorder.reader.start();
    const content = `${lines.slice(0, 100_000).join('\r\n')}\r\n`;
    writeFileSync(burstFile, content);
    await recorder.untilLine(lines[99_999]);
    assert.deepEqual(
      recorder.lines.map((line) => line.text),
      lines.slice(0, 100_000),
    );
    assert.ok(recorder.batches.length >= Math.floor(Buffer.byteLength(content) / (1024 * 1024)), `${recorder.batches.length} batches`);
    for (const batch of recorder.batches) assert.ok(batch[batch.length - 1].offset - batch[0].offset <= 1024 * 1024);
  });
});
