import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { StdoutParser } from '../../server/src/logs/stdoutParser';
import type { AncmLevel } from '../../server/src/protocol/levels';
import type { LogEntry, LogLine } from '../../server/src/logs/types';
import { LOG_FIXTURES as FIXTURES, logFixture as fixture, linesOf, parseInBatches } from './logs/logLines';
import { randomSource as random } from '../seededRandom';



function parse(name: string): LogEntry[] {
  const { file, lines } = fixture(name);
  return StdoutParser.parseAll(lines, { file });
}

/** Level, how it was decided, origin and message start of each entry: the shape a reader of the log sees. */
function summary(entries: readonly LogEntry[], messageLength = 40): [AncmLevel, LogEntry['levelFrom'], string | undefined, string][] {
  return entries.map((entry) => [entry.level, entry.levelFrom, entry.origin, entry.message.slice(0, messageLength)]);
}

describe('stdout parser: Microsoft.Extensions.Logging simple console', () => {
  const entries = parse('stdout_20240101120000_1234.log');

  it('makes one entry per `level: Category[id]` header, with the indented lines as its message', () => {
    assert.deepEqual(summary(entries, 30), [
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Now listening on: http://127.0'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Application started. Press Ctr'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Hosting environment: Productio'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Content root path: C:\\inetpub\\'],
      ['WARNING', 'logger', 'Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository', 'Using an in-memory repository.'],
      ['WARNING', 'logger', 'Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager', 'No XML encryptor configured. K'],
      ['TRACE', 'logger', 'Microsoft.AspNetCore.Routing.Matching.DfaMatcher', "1 candidate(s) found for the r"],
      ['ERROR', 'logger', 'Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware', 'An unhandled exception has occ'],
      ['TRACE', 'logger', 'Microsoft.EntityFrameworkCore.Infrastructure', "Entity Framework Core 8.0.2 in"],
      ['ERROR', 'logger', 'Microsoft.AspNetCore.Hosting.Diagnostics', 'Application startup exception\n'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Application is shutting down..'],
    ]);
  });

  it('keeps the exception and its frames in the entry, without the 6-space message indent', () => {
    const failure = entries[7];
    const lines = failure.message.split('\n');
    assert.equal(lines[1], 'System.InvalidOperationException: Sequence contains no elements');
    assert.equal(lines[2], '   at System.Linq.ThrowHelper.ThrowNoElementsException()');
    assert.equal(lines[5], '--- End of stack trace from previous location ---');
    assert.equal(failure.text.split('\n').length, 8);
    assert.ok(failure.text.startsWith('fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]\n      An unhandled'));
    const startup = entries[9];
    assert.match(startup.message, /\n ---> System\.Net\.Sockets\.SocketException \(10048\)/);
    assert.match(startup.message, /\n   --- End of inner exception stack trace ---\n/);
  });

  it('reads a header with its message on the same line (single-line mode)', () => {
    assert.match(entries[5].message, /^No XML encryptor configured\. Key \{6b1f2c44-/);
    assert.equal(entries[5].text.includes('\n'), false);
  });

  it('drops a trailing blank line and gives byte offsets of the first line', () => {
    assert.equal(entries[8].text.endsWith('None'), true);
    const { bytes } = fixture('stdout_20240101120000_1234.log');
    for (const entry of entries) assert.ok(bytes.subarray(entry.offset).toString('utf8').startsWith(entry.text));
    assert.ok(entries.every((entry) => entry.source === 'stdout' && entry.time === undefined && entry.pid === undefined));
  });
});

describe('stdout parser: .NET 6+ chunk prefix', () => {
  const entries = parse('stdout-net6-prefixed.log');

  it('strips the prefix from the message, keeps it in the text, and times the lines that follow by it', () => {
    assert.deepEqual(
      entries.map((entry) => [entry.time, entry.level, entry.message.slice(0, 24)]),
      [
        ['2024-01-01T12:00:00.101Z', 'INFO', 'Now listening on: http:/'],
        ['2024-01-01T12:00:00.101Z', 'INFO', 'Application started. Pre'],
        ['2024-01-01T12:00:00.130Z', 'INFO', 'Hosting environment: Pro'],
        ['2024-01-01T12:00:05.902Z', 'WARNING', 'Increasing the MaxReques'],
        ['2024-01-01T12:00:09.000Z', 'ERROR', 'Unhandled exception. Sys'],
      ],
    );
    assert.ok(entries[0].text.startsWith('2024-01-01T12:00:00.101Z: info: Microsoft.Hosting.Lifetime[14]'));
  });

  it('continues an entry across a chunk prefix that lands on an indented line', () => {
    assert.equal(entries[3].text.split('\n').length, 2);
    assert.equal(entries[3].origin, 'Microsoft.AspNetCore.Server.IIS.Core.IISHttpServer');
  });

  it('makes the unhandled-exception block one ERROR entry, inner exceptions and frames included', () => {
    const crash = entries[4];
    assert.equal(crash.levelFrom, 'heuristic');
    const lines = crash.message.split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[2], " ---> System.ArgumentException: Keyword not supported: 'server name'.");
    assert.equal(lines[4], '   at Contoso.Program.Main(String[] args) in C:\\src\\Contoso\\Program.cs:line 19');
  });
});

describe('stdout parser: exceptions as .NET writes them', () => {
  function parseText(text: string): LogEntry[] {
    return StdoutParser.parseAll(linesOf(text), { file: 'stdout.log' });
  }

  it("keeps an exception's message lines with it, and the next plain line apart", () => {
    const entries = parseText(
      [
        'Application startup exception: System.ArgumentNullException: Value cannot be null.',
        'Parameter name: connectionString',
        '   at Contoso.Startup.ConfigureServices(IServiceCollection services)',
        '--- End of stack trace from previous location where exception was thrown ---',
        'plain line',
      ].join('\n'),
    );
    assert.deepEqual(summary(entries, 400), [
      ['ERROR', 'heuristic', undefined, 'Application startup exception: System.ArgumentNullException: Value cannot be null.\nParameter name: connectionString\n   at Contoso.Startup.ConfigureServices(IServiceCollection services)\n--- End of stack trace from previous location where exception was thrown ---'],
      ['INFO', 'heuristic', undefined, 'plain line'],
    ]);
  });

  it("ends a logger's exception at its last frame", () => {
    const entries = parseText(['fail: Contoso.Orders[7]', '      Order failed.', 'System.InvalidOperationException: Sequence contains no elements', '   at Contoso.Orders.Latest()', 'plain line'].join('\n'));
    assert.deepEqual(
      entries.map((entry) => [entry.level, entry.message.split('\n').length]),
      [
        ['ERROR', 3],
        ['INFO', 1],
      ],
    );
  });

  it('joins a word cut by a hard wrap, even in a stack flattened onto one line', () => {
    const entries = parseText('System.Exception: boom at Contoso.Web.Startup.Configure(Mic\nrosoft.AspNetCore.Builder.IApplicationBuilder app)\nHosting environment: Production');
    assert.equal(entries.length, 2);
    assert.match(entries[0].message, /\(Mic\nrosoft\.AspNetCore/);
  });

  it('splits two console entries glued onto one line', () => {
    const text = 'dbug: Contoso.Keys[13]\n      Considering key as default key. dbug: Contoso.Activator[0]\n      Forwarded activator type request.';
    const entries = parseText(text);
    assert.deepEqual(
      entries.map((entry) => [entry.origin, entry.message]),
      [
        ['Contoso.Keys', 'Considering key as default key.'],
        ['Contoso.Activator', 'Forwarded activator type request.'],
      ],
    );
    assert.equal(entries[1].offset, Buffer.byteLength(text.slice(0, text.indexOf('dbug: Contoso.Activator'))));
  });
});

describe('stdout parser: other formats', () => {
  it('reads the JSON console formatter, single-line and indented', () => {
    const entries = parse('stdout-json.log');
    assert.deepEqual(summary(entries, 30), [
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Now listening on: http://local'],
      ['ERROR', 'logger', 'Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware', 'An unhandled exception has occ'],
      ['TRACE', 'logger', 'Microsoft.AspNetCore.Routing.Matching.DfaMatcher', "1 candidate(s) found for the r"],
      ['WARNING', 'logger', 'Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository', "Storing keys in a directory 'C"],
      ['ERROR', 'logger', 'Microsoft.Extensions.Hosting.Internal.Host', 'Hosting failed to start\nSystem'],
      ['INFO', 'heuristic', undefined, '{ "note": "this object is not '],
      // A record cut short (the end of a pasted log) still gives the fields written before the cut.
      ['TRACE', 'logger', 'Contoso.Worker', 'Tick 42'],
      ['WARNING', 'logger', 'Contoso.Worker', 'Queue depth 1200 exceeds 1000'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Application is shutting down..'],
    ]);
    assert.equal(entries[1].time, '2024-01-01T12:00:03.412Z');
    assert.match(entries[1].message, /\r\n   at System\.Linq\.ThrowHelper/);
    assert.equal(entries[7].time, '2024-01-01T12:00:09.000Z');
    assert.equal(entries[7].text.split('\n').length, 11);
  });

  it('reads the systemd formatter by syslog priority', () => {
    assert.deepEqual(summary(parse('stdout-systemd.log'), 25), [
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Now listening on: http://'],
      ['INFO', 'logger', 'Microsoft.Hosting.Lifetime', 'Application started. Pres'],
      ['WARNING', 'logger', 'Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware', 'Failed to determine the h'],
      ['ERROR', 'logger', 'Microsoft.AspNetCore.Server.Kestrel', 'Connection id "0HN1GH7KQ2'],
      ['TRACE', 'logger', 'Microsoft.AspNetCore.Routing.EndpointMiddleware', "Executing endpoint 'HTTP:"],
      ['ERROR', 'logger', 'Microsoft.Extensions.Hosting.Internal.Host', 'Hosting failed to start'],
      ['INFO', 'logger', 'Contoso.Audit', 'Configuration reloaded'],
      ['INFO', 'heuristic', undefined, '<9>Not a priority at all'],
    ]);
  });

  it("reads Serilog's console template, the exception lines after an entry included", () => {
    const entries = parse('stdout-serilog.log');
    assert.deepEqual(summary(entries, 25), [
      ['INFO', 'logger', undefined, 'Starting web host'],
      ['INFO', 'logger', undefined, 'Now listening on: http://'],
      ['TRACE', 'logger', undefined, 'Hosting starting'],
      ['WARNING', 'logger', undefined, 'Failed to determine the h'],
      ['ERROR', 'logger', undefined, 'HTTP GET /orders/latest r'],
      ['TRACE', 'logger', undefined, 'Connection id "0HN1GH7KQ2'],
      ['ERROR', 'logger', undefined, 'Host terminated unexpecte'],
      ['INFO', 'heuristic', undefined, '{"SourceContext":"Serilog'],
    ]);
    assert.equal(entries[4].text.split('\n').length, 4);
    assert.equal(entries[6].text.split('\n').length, 5);
  });

  it("reads NLog's default layout next to the console logger", () => {
    const entries = parse('stdout-nlog.log');
    assert.deepEqual(
      entries.map((entry) => [entry.level, entry.time, entry.origin]),
      [
        ['INFO', '2024-01-01T12:00:00.402', 'Microsoft.Hosting.Lifetime'],
        ['INFO', undefined, 'Microsoft.Hosting.Lifetime'],
        ['WARNING', '2024-01-01T12:00:00.403', 'Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager'],
        ['ERROR', '2024-01-01T12:00:04.118', 'Contoso.Web.Startup'],
        ['TRACE', '2024-01-01T12:00:04.200', 'Contoso.Web.Startup'],
        ['ERROR', '2024-01-01T12:00:09.999', 'Contoso.Web.Program'],
      ],
    );
    assert.equal(entries[3].text.split('\n').length, 2);
    assert.equal(entries[0].message, 'Application started. Press Ctrl+C to shut down.');
  });

  it('guesses levels of plain 2.x hosting output, one entry per line unless indented', () => {
    assert.deepEqual(summary(parse('stdout-hosting-2x.log'), 30), [
      ['INFO', 'heuristic', undefined, 'Hosting environment: Productio'],
      ['INFO', 'heuristic', undefined, 'Content root path: C:\\inetpub\\'],
      ['INFO', 'heuristic', undefined, 'Now listening on: http://127.0'],
      ['INFO', 'heuristic', undefined, 'Application started. Press Ctr'],
      ['ERROR', 'heuristic', undefined, 'Application startup exception:'],
      ['WARNING', 'heuristic', undefined, "Warning: could not load option"],
      ['ERROR', 'heuristic', undefined, 'Unhandled Exception: System.Ag'],
      ['INFO', 'heuristic', undefined, 'Application is shutting down..'],
    ]);
    const startup = parse('stdout-hosting-2x.log')[4];
    assert.equal(startup.text.split('\n').length, 4);
  });
});

describe('stdout parser: incremental use', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.startsWith('stdout'));

  it('has a fixture per format', () => assert.ok(names.length >= 7));

  for (const name of names) {
    it(`gives the same entries for any batch split of ${name}`, () => {
      const { file, lines } = fixture(name);
      const whole = StdoutParser.parseAll(lines, { file });
      for (let seed = 1; seed <= 25; seed++) assert.deepEqual(parseInBatches(new StdoutParser({ file }), lines, random(seed)), whole, `seed ${seed}`);
    });
  }

  it('holds a MEL entry until its indented lines have arrived', () => {
    const parser = new StdoutParser({ file: 'x' });
    assert.deepEqual(parser.push([{ text: 'warn: Contoso.Jobs[7]', offset: 0 }]), []);
    assert.deepEqual(parser.push([{ text: '      Job 12 is late', offset: 22 }]), []);
    const [late] = parser.push([{ text: 'info: Contoso.Jobs[8]', offset: 43 }]);
    assert.equal(late.message, 'Job 12 is late');
    assert.equal(parser.flush()[0].message, '');
  });
});

describe('stdout parser: robustness', () => {
  it('reports no entry for blank lines that belong to none', () => {
    const parser = new StdoutParser({ file: 'x' });
    assert.deepEqual(parser.push([{ text: '', offset: 0 }, { text: ' \r', offset: 1 }]), []);
    assert.deepEqual(parser.flush(), []);
    const entries = StdoutParser.parseAll([{ text: '', offset: 0 }, { text: 'Hosting environment: Staging', offset: 1 }], { file: 'x' });
    assert.deepEqual(summary(entries), [['INFO', 'heuristic', undefined, 'Hosting environment: Staging']]);
  });

  it('never throws on garbage, NULs, broken JSON and half-formats', () => {
    const next = random(11);
    const starts = ['info: ', 'crit: x[', '<7>', '<', '[12:00:00 ', '[12:00:00 XYZ] ', '{"LogLevel":', '{', '2024-01-01 12:00:00.1|', '2024-01-01T12:00:00.000Z: ', 'Unhandled exception. ', '---', ''];
    const alphabet = '[]{}<>:|,. \u0000\t\r"\\\u00e9\ud83dabcXYZ0123456789';
    const lines: LogLine[] = [];
    for (let index = 0; index < 5000; index++) {
      let text = starts[Math.floor(next() * starts.length)];
      const length = Math.floor(next() * 80);
      for (let char = 0; char < length; char++) text += alphabet[Math.floor(next() * alphabet.length)];
      lines.push({ text, offset: index * 100 });
    }
    const entries = StdoutParser.parseAll(lines, { file: 'x' });
    let previous = -1;
    for (const entry of entries) {
      assert.ok(entry.offset > previous && entry.offset % 100 === 0);
      previous = entry.offset;
    }
  });

  it('handles a huge line and cuts an endless entry into bounded pieces', () => {
    const [entry] = StdoutParser.parseAll([{ text: `info: X[0] ${'z'.repeat(8 * 1024 * 1024)}`, offset: 0 }], { file: 'x' });
    assert.equal(entry.message.length, 8 * 1024 * 1024);
    const frames = Array.from({ length: 30_000 }, (_, index) => ({ text: `   at Frame${index}() ${'y'.repeat(200)}`, offset: 40 + index * 220 }));
    const pieces = StdoutParser.parseAll([{ text: 'fail: Contoso[1]', offset: 0 }, ...frames], { file: 'x' });
    assert.ok(pieces.length > 1);
    for (const piece of pieces) {
      assert.ok(piece.text.length <= 4 * 1024 * 1024);
      assert.equal(piece.level, 'ERROR');
      assert.equal(piece.origin, 'Contoso');
    }
  });
});
