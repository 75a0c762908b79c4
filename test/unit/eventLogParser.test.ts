// Windows Event Log records as users copy them: one event, one entry, with time, event id, provider, level and PID.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLogFormat } from '../../server/src/logs/detectLogFormat';
import { EventLogParser } from '../../server/src/logs/eventLogParser';
import type { LogEntry } from '../../server/src/logs/types';
import { randomSource } from '../seededRandom';
import { linesOf, logFixture, parseInBatches } from './logs/logLines';

function parse(name: string): LogEntry[] {
  const { file, lines } = logFixture(name);
  return EventLogParser.parseAll(lines, { file });
}

function fields(entry: LogEntry) {
  return { time: entry.time, eventId: entry.eventId, provider: entry.origin, level: entry.level, pid: entry.pid, message: entry.message.split('\n')[0] };
}

describe('event log parser', () => {
  it("reads Event Viewer's 'Copy details as text', the record's own Event Xml included", () => {
    const entries = parse('events-viewer.txt');
    assert.deepEqual(entries.map(fields), [
      {
        time: '2025-11-02T21:05:17',
        eventId: 1007,
        provider: 'IIS AspNetCore Module V2',
        level: 'ERROR',
        pid: 4120,
        message: "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\contoso\\' failed to load coreclr. Exception message:",
      },
      // The XML's UTC time is exact where the text's is local and to the second.
      { time: '2025-11-03T05:05:21.441Z', eventId: 1001, provider: 'IIS AspNetCore Module V2', level: 'INFO', pid: 4388, message: "Application '/LM/W3SVC/2/ROOT' started successfully." },
    ]);
    assert.match(entries[0].message, /\nCLR worker thread exited prematurely\n/);
    assert.match(entries[1].text, /Event Xml:\n<Event xmlns/);
    assert.match(entries[1].text, /<\/Event>$/);
  });

  it('reads the short form with Source and EventId in either order, levelled by its words', () => {
    assert.deepEqual(parse('events-short.txt').map(fields), [
      {
        time: '2025-11-02T21:04:58',
        eventId: 5117,
        provider: 'WAS',
        level: 'INFO',
        pid: undefined,
        message: "A worker process with process id of '4120' serving application pool 'contoso' has requested a recycle because it reached its virtual memory limit.",
      },
      {
        time: '2025-11-02T21:05:17',
        eventId: 1034,
        provider: 'IIS AspNetCore Module V2',
        level: 'INFO',
        pid: undefined,
        message: "Unknown hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file.",
      },
    ]);
  });

  it("reads App Service's eventlog.xml: several events on one line, entities decoded, offsets at each event", () => {
    const { bytes } = logFixture('eventlog.xml');
    const entries = parse('eventlog.xml');
    assert.deepEqual(entries.map(fields), [
      {
        time: '2025-11-03T05:10:02Z',
        eventId: 1008,
        provider: 'IIS AspNetCore Module V2',
        level: 'ERROR',
        pid: 8820,
        message: "Application '/LM/W3SVC/77/ROOT' with physical root 'D:\\home\\site\\wwwroot\\' failed to load coreclr. Exception message:\r",
      },
      { time: '2025-11-03T05:10:09Z', eventId: 2303, provider: 'W3SVC-WP', level: 'WARNING', pid: undefined, message: 'Worker process <8820> recycled.' },
      { time: '2025-11-03T05:11:40Z', eventId: 1026, provider: '.NET Runtime', level: 'ERROR', pid: undefined, message: 'Application: w3wp.exe\r' },
    ]);
    for (const entry of entries) assert.ok(bytes.subarray(entry.offset).toString('utf8').startsWith('<Event>'), `offset ${entry.offset}`);
    assert.match(entries[0].message, /\nManaged server didn't initialize after 120000 ms\.\nProcess Id: 8820\.$/);
  });

  it("reads the EventLog logging provider's text: the exception stays with its record", () => {
    const entries = parse('events-provider.txt');
    assert.deepEqual(
      entries.map((entry) => [entry.eventId, entry.level, entry.message.split('\n')[0]]),
      [
        [13, 'ERROR', 'Connection id "0HN8C1E5T3QKA", Request id "0HN8C1E5T3QKA:00000002": An unhandled exception was thrown by the application.'],
        [0, 'INFO', 'Application is shutting down...'],
      ],
    );
    assert.match(entries[0].message, /\n {3}at Contoso\.Web\.Pages\.IndexModel\.OnGet\(\)/);
    // The logger category stands where an Event Viewer record has its source.
    assert.deepEqual(entries.map((entry) => entry.origin), ['Microsoft.AspNetCore.Server.Kestrel', 'Microsoft.Hosting.Lifetime']);
  });

  it('gives the same entries for any batch split', () => {
    for (const name of ['events-viewer.txt', 'events-short.txt', 'eventlog.xml', 'events-provider.txt']) {
      const { file, lines } = logFixture(name);
      const whole = EventLogParser.parseAll(lines, { file });
      for (let seed = 1; seed <= 10; seed++) assert.deepEqual(parseInBatches(new EventLogParser({ file }), lines, randomSource(seed)), whole, `${name} seed ${seed}`);
    }
  });

  it('never throws on half records and stray markup, and keeps every line in some entry', () => {
    const text = ['EventData>', '<Data>cut', 'Level: Warning', 'Event ID: x', 'Description:', '', '</Event>', '<Event><System>', 'Source:'].join('\n');
    const entries = EventLogParser.parseAll(linesOf(text), { file: 'x' });
    assert.ok(entries.length >= 1);
    assert.ok(entries.every((entry) => ['ERROR', 'WARNING', 'INFO', 'TRACE'].includes(entry.level)));
  });
});

describe('log format detection by content', () => {
  it('tells each fixture apart, whatever its name', () => {
    const expected: Record<string, string> = {
      'aspnetcore-debug-legacy.log': 'debug',
      'aspnetcore-debug-modern.log': 'debug',
      'aspnetcore-debug-wrapped.log': 'debug',
      'events-viewer.txt': 'events',
      'events-short.txt': 'events',
      'eventlog.xml': 'events',
      'events-provider.txt': 'events',
      'stdout-hosting-2x.log': 'stdout',
      'stdout-json.log': 'stdout',
      'stdout-net6-prefixed.log': 'stdout',
      'stdout-nlog.log': 'stdout',
      'stdout-serilog.log': 'stdout',
      'stdout-systemd.log': 'stdout',
      'stdout_20240101120000_1234.log': 'stdout',
    };
    for (const [name, format] of Object.entries(expected)) assert.equal(detectLogFormat(logFixture(name).bytes.toString('utf8')), format, name);
  });

  it('does not take one field name in app output for an event', () => {
    assert.equal(detectLogFormat('info: Contoso[0]\n      Source: the nightly import\n'), 'stdout');
    assert.equal(detectLogFormat(''), 'stdout');
  });
});
