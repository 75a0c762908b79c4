import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DebugLogParser } from '../../server/src/logs/debugLogParser';
import type { LogEntry, LogLine } from '../../server/src/logs/types';
import { linesOf, logFixture as fixture, parseInBatches } from './logs/logLines';
import { randomSource as random } from '../seededRandom';

function parse(name: string): LogEntry[] {
  const { file, lines } = fixture(name);
  return DebugLogParser.parseAll(lines, { file });
}

function find(entries: readonly LogEntry[], start: string): LogEntry {
  const entry = entries.find((candidate) => candidate.message.startsWith(start));
  assert.ok(entry, `no entry starting with ${start}`);
  return entry;
}


describe('debug log parser: .NET 6+ format', () => {
  const entries = parse('aspnetcore-debug-modern.log');
  const { bytes } = fixture('aspnetcore-debug-modern.log');

  it('makes one entry per prefixed line', () => {
    assert.equal(entries.length, 59);
    assert.ok(entries.every((entry) => entry.source === 'debug' && entry.origin !== undefined && entry.pid !== undefined));
  });

  it('takes time, pid and dll label from the prefix, and the message after it', () => {
    const header = entries[0];
    assert.equal(header.time, '2024-03-05T09:14:02.117Z');
    assert.equal(header.pid, 6312);
    assert.equal(header.origin, 'aspnetcorev2.dll');
    assert.equal(header.level, 'INFO');
    assert.equal(header.levelFrom, 'catalog');
    assert.match(header.message, /^Initializing logs for 'C:\\Program Files\\IIS\\Asp\.Net Core Module\\V2\\aspnetcorev2\.dll'\. Process Id: 6312\./);
    assert.equal(header.offset, 0);
    const handler = find(entries, 'FORWARDING_HANDLER::FORWARDING_HANDLER');
    assert.equal(handler.pid, 7020);
    assert.equal(handler.origin, 'aspnetcorev2_outofprocess.dll');
    assert.equal(handler.level, 'TRACE');
  });

  it('gives each entry the byte offset of its first line', () => {
    for (const entry of entries) assert.ok(bytes.subarray(entry.offset).toString('utf8').startsWith(entry.text), entry.message);
  });

  it('keeps where.exe output, whose value spans lines, in one entry', () => {
    const where = find(entries, 'where.exe invocation returned:');
    assert.deepEqual(where.message.split('\n'), ["where.exe invocation returned: 'C:\\Program Files\\dotnet\\dotnet.exe", 'C:\\Program Files (x86)\\dotnet\\dotnet.exe', "'"]);
    assert.equal(where.level, 'INFO');
    assert.equal(where.levelFrom, 'catalog');
  });

  it('keeps an Event Log block in one entry, at the level of its event type', () => {
    const started = find(entries, "Event Log: 'Application 'C:\\inetpub\\contoso\\' started successfully.'");
    assert.equal(started.text.split('\n')[1], 'End Event Log Message.');
    assert.equal(started.level, 'INFO');
    const exited = find(entries, "Event Log: 'Application '/LM/W3SVC/2/ROOT' with physical root");
    assert.equal(exited.text.split('\n').length, 6);
    assert.match(exited.message, /\nUnhandled exception\. System\.InvalidOperationException/);
    assert.equal(exited.level, 'ERROR');
    assert.equal(exited.levelFrom, 'catalog');
  });

  it('reads the failure lines of exceptions.h as ERROR', () => {
    const errors = entries.filter((entry) => entry.level === 'ERROR').map((entry) => entry.message.slice(0, 30));
    assert.deepEqual(errors, ["InvalidOperationException 'CLR", 'Failed HRESULT returned: 0x800', "Event Log: 'Application '/LM/W", 'D:\\a\\_work\\1\\s\\src\\Servers\\IIS']);
    assert.equal(find(entries, 'Thread reading stdout/err').level, 'WARNING');
  });

  it('drops the empty line a format ending in \\n leaves behind', () => {
    const completion = find(entries, 'FORWARDING_HANDLER::OnWinHttpCompletionInternal');
    assert.equal(completion.text.includes('\n'), false);
    assert.equal(completion.level, 'TRACE');
  });

  it('guesses the level of messages the catalog does not know, and says so', () => {
    const unknown = find(entries, 'Resolved the request pipeline');
    assert.equal(unknown.level, 'INFO');
    assert.equal(unknown.levelFrom, 'heuristic');
    const callTrace = find(entries, 'REQUEST_RECORDER::Flush');
    assert.equal(callTrace.level, 'TRACE');
    assert.equal(callTrace.levelFrom, 'heuristic');
  });
});

describe('debug log parser: format before .NET 6', () => {
  const entries = parse('aspnetcore-debug-legacy.log');

  it('reads `[dll] message` lines, which carry no time or pid', () => {
    assert.equal(entries.length, 27);
    assert.ok(entries.every((entry) => entry.time === undefined && entry.pid === undefined && entry.origin === 'aspnetcorev2.dll'));
    assert.equal(entries[0].levelFrom, 'catalog');
    assert.match(entries[0].message, /Process Id: 3880\.\. File Version: 13\.1\.20169\.6/);
  });

  it('keeps a blank line inside an Event Log block', () => {
    const block = find(entries, "Event Log: 'Could not find 'aspnetcorev2_inprocess.dll'");
    const lines = block.text.split('\n');
    assert.equal(lines.length, 9);
    assert.equal(lines[5], '');
    assert.equal(lines[8], 'End Event Log Message.');
    assert.equal(block.level, 'ERROR');
  });

  it('reads the failed start as ERROR and the shutdown as INFO', () => {
    assert.equal(find(entries, "Event Log: 'Failed to start application").level, 'ERROR');
    assert.equal(find(entries, 'Failed HRESULT returned').level, 'ERROR');
    assert.equal(find(entries, "Stopping application '/LM/W3SVC/3/ROOT'").level, 'INFO');
  });
});

describe('debug log parser: lines pasted with wrappers', () => {
  const entries = parse('aspnetcore-debug-wrapped.log');

  it('accepts a first line that lost its opening bracket', () => {
    assert.equal(entries[0].origin, 'aspnetcorev2_inprocess.dll');
    assert.match(entries[0].message, /^Exception 'InvalidOperationException' caught at /);
    assert.equal(entries[0].level, 'ERROR');
  });

  it('accepts quote marks and CI prefixes before the bracket, and keeps the line as written', () => {
    assert.equal(entries.length, 9);
    assert.equal(entries[2].origin, 'aspnetcorev2.dll');
    assert.ok(entries[2].text.startsWith('> [aspnetcorev2.dll] Initializing logs'));
    assert.equal(entries[4].message, 'In-process callbacks set');
    const event = entries[5];
    assert.equal(event.level, 'INFO');
    assert.match(event.text.split('\n')[1], /iisexpress stdout: End Event Log Message\.$/);
  });

  it('reads time and pid after a wrapper', () => {
    const stopping = find(entries, 'Stopping file watching.');
    assert.equal(stopping.pid, 9136);
    assert.equal(stopping.time, '2023-11-29T17:02:06.415Z');
    assert.equal(stopping.message, 'Stopping file watching.');
  });

  it("makes a wrapped line that is not ANCM's an entry of its own, with the wrapper's time where it has one", () => {
    const waiting = find(entries, 'Waiting for all LISTENER_CHANNELS to stop');
    assert.equal(waiting.origin, undefined);
    assert.equal(waiting.level, 'INFO');
    assert.equal(waiting.text, '[1.876s] [Logger] [Information] iisexpress stdout: Waiting for all LISTENER_CHANNELS to stop');
    const callbacks = find(entries, 'In-process callbacks set');
    assert.equal(callbacks.time, '2022-06-14T08:03:11.512Z');
  });

  it('does not take another dll in brackets for a prefix', () => {
    const last = entries[entries.length - 1];
    assert.equal(last.pid, 5512);
    assert.equal(last.message, 'Shutdown starting.\nFound: [hostpolicy.dll] in the probe list');
  });
});

describe('debug log parser: incremental use', () => {
  for (const name of ['aspnetcore-debug-modern.log', 'aspnetcore-debug-legacy.log', 'aspnetcore-debug-wrapped.log']) {
    it(`gives the same entries for any batch split of ${name}`, () => {
      const { file, lines } = fixture(name);
      const whole = DebugLogParser.parseAll(lines, { file });
      for (let seed = 1; seed <= 25; seed++) assert.deepEqual(parseInBatches(new DebugLogParser({ file }), lines, random(seed)), whole, `seed ${seed}`);
    });
  }

  it('holds the last entry until more lines or a flush come', () => {
    const { file, lines } = fixture('aspnetcore-debug-modern.log');
    const parser = new DebugLogParser({ file });
    const whereLine = lines.findIndex((line) => line.text.includes('where.exe invocation returned'));
    const done = parser.push(lines.slice(0, whereLine + 1));
    assert.equal(done.length, whereLine);
    assert.deepEqual(parser.push(lines.slice(whereLine + 1, whereLine + 3)), []);
    const [where] = parser.push(lines.slice(whereLine + 3, whereLine + 4));
    assert.equal(where.text.split('\n').length, 3);
    assert.equal(parser.flush().length, 1);
    assert.deepEqual(parser.flush(), []);
  });
});

describe('debug log parser: robustness', () => {
  it('starts an entry without origin when the file begins mid-entry', () => {
    const entries = DebugLogParser.parseAll(linesOf("\n  \nC:\\Program Files (x86)\\dotnet\\dotnet.exe\n'\n[aspnetcorev2.dll] Binary type 6\n"), { file: 'x' });
    assert.equal(entries.length, 2);
    assert.equal(entries[0].origin, undefined);
    assert.equal(entries[0].levelFrom, 'heuristic');
    assert.equal(entries[0].text, "C:\\Program Files (x86)\\dotnet\\dotnet.exe\n'");
    assert.equal(entries[0].offset, 4);
  });

  it('never throws on garbage, NULs or brackets in odd places', () => {
    const next = random(7);
    const alphabet = '[]{}<>:,. \u0000\t\rPIDaspnetcorev2.dll0123456789TZ-\'"\\\u00e9\ud83d';
    const lines: LogLine[] = [];
    for (let index = 0; index < 5000; index++) {
      let text = '';
      const length = Math.floor(next() * 120);
      for (let char = 0; char < length; char++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (next() < 0.2) text = `[2024-01-01T00:00:00.000Z, PID: ${index}] [aspnetcorev2.dll] ${text}`;
      lines.push({ text, offset: index * 200 });
    }
    const entries = DebugLogParser.parseAll(lines, { file: 'x' });
    const offsets = new Set(lines.map((line) => line.offset));
    let previous = -1;
    for (const entry of entries) {
      assert.ok(offsets.has(entry.offset) && entry.offset > previous);
      previous = entry.offset;
    }
  });

  it('handles a huge line and cuts an endless entry into bounded pieces', () => {
    const huge = `[aspnetcorev2.dll] Event Log: 'Application '${'x'.repeat(8 * 1024 * 1024)}`;
    const [entry] = DebugLogParser.parseAll([{ text: huge, offset: 0 }], { file: 'x' });
    assert.equal(entry.message.length, huge.length - '[aspnetcorev2.dll] '.length);
    const lines = Array.from({ length: 30_000 }, (_, index) => ({ text: `   at Frame${index}() ${'y'.repeat(200)}`, offset: index * 220 }));
    const pieces = DebugLogParser.parseAll([{ text: '[aspnetcorev2.dll] Stopping CLR', offset: -1 }, ...lines], { file: 'x' });
    assert.ok(pieces.length > 1);
    for (const piece of pieces) {
      assert.ok(piece.text.length <= 4 * 1024 * 1024);
      assert.equal(piece.level, 'INFO');
      assert.equal(piece.origin, 'aspnetcorev2.dll');
    }
  });
});
