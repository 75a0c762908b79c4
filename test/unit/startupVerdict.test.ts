// Startup verdicts (logs/startupVerdict.ts) over logs the tests write, one per main cause: a worker that started, one
// that is still starting, and failures the hostfxr text, ANCM's events and the app's own output show. Then the real-world
// corpus: every file whose failure has causes in corpus-expected.json gets a failed verdict that names them.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEBUG_LOG_MESSAGES } from '../../server/src/ancm/debugLogCatalog';
import { explainLogText } from '../../server/src/logs/rawLogText';
import { STARTUP_STEP_MESSAGES, StartupVerdicts, startupTimeLimitOf, startupVerdictsOf } from '../../server/src/logs/startupVerdict';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { parseAllLines } from '../../server/src/logs/entryParser';
import type { LogEntry } from '../../server/src/logs/types';
import { LOG_FIXTURES, linesOf } from './logs/logLines';

const STDOUT_FILE = 'C:\\inetpub\\contoso\\logs\\stdout_20240101120000_4752.log';
const DEBUG_FILE = 'C:\\inetpub\\contoso\\aspnetcore-debug.log';

const debugLine = (time: string, message: string, pid = 4752, dll = 'aspnetcorev2.dll') => `[2024-01-01T12:00:${time}Z, PID: ${pid}] [${dll}] ${message}`;

const HOST_FRAMEWORK_MISSING = [
  'You must install or update .NET to run this application.',
  '',
  'App: C:\\inetpub\\contoso\\Contoso.Web.dll',
  'Architecture: x64',
  "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
  '.NET location: C:\\Program Files\\dotnet\\',
  '',
  'The following frameworks were found:',
  '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  '',
  'Learn more:',
  'https://aka.ms/dotnet/app-launch-failed',
].join('\r\n');

function verdictsOf(text: string, file: string, startupTimeLimit = 120) {
  return explainLogText(text, file, { startupTimeLimit }).verdicts;
}

describe('startup verdicts', () => {
  it('a missing framework, from the host text in the stdout file: the versions and the bundle to install', () => {
    const [verdict, ...more] = verdictsOf(HOST_FRAMEWORK_MISSING, STDOUT_FILE);
    assert.deepEqual(more, []);
    assert.equal(verdict.outcome, 'failed');
    assert.equal(verdict.pid, 4752);
    assert.equal(verdict.summary, 'PID 4752 did not start: framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25) → install the .NET 8 Hosting Bundle (x64)');
    assert.equal(verdict.causes[0], 'framework-not-found');
    assert.equal(verdict.startTime, '2024-01-01T12:00:00.000Z');
  });

  it('a missing framework in the older host text of an event (captured output)', () => {
    const text = [
      'Log Name:      Application',
      'Source:        IIS AspNetCore Module V2',
      'Event ID:      1000',
      'Level:         Error',
      'Description:',
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\contoso\\' failed to start process with commandline 'dotnet .\\Contoso.Web.dll' with multiple retries. Failed to bind to port '39644'. First 30KB characters of captured stdout and stderr logs from multiple retries:",
      'It was not possible to find any compatible framework version',
      "The framework 'Microsoft.NETCore.App', version '3.1.0' (x86) was not found.",
      '  - The following frameworks were found:',
      '      2.2.8 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App]',
      '      5.0.17 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App]',
      '      6.0.0 at [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]',
    ].join('\n');
    const [verdict] = verdictsOf(text, 'C:\\temp\\events.txt');
    assert.equal(verdict.summary, 'The worker process did not start: framework Microsoft.NETCore.App 3.1.0 not found (found 2.2.8, 5.0.17) → install the .NET Core 3.1 Hosting Bundle (x86)');
  });

  it('a healthy in-process start: its steps, and its time against startupTimeLimit', () => {
    const debug = [
      debugLine('00.200', "Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: 4752. File Version: 18.0.24052.0."),
      debugLine('00.300', "hostfxr.dll located at 'C:\\Program Files\\dotnet\\host\\fxr\\8.0.11\\hostfxr.dll'"),
      debugLine('00.400', "Loading request handler:  'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11\\aspnetcorev2_inprocess.dll'"),
      debugLine('00.500', 'Starting in-process worker thread', 4752, 'aspnetcorev2_inprocess.dll'),
      debugLine('02.000', "Event Log: 'Application 'C:\\inetpub\\contoso\\' started successfully.' ", 4752, 'aspnetcorev2_inprocess.dll'),
      'End Event Log Message.',
    ].join('\n');
    const [verdict] = verdictsOf(debug, DEBUG_FILE);
    assert.equal(verdict.outcome, 'started');
    assert.equal(verdict.summary, 'PID 4752 started in 1.8 s (startupTimeLimit 120 s)');
    assert.equal(verdict.startupSeconds, 1.8);
    assert.deepEqual(verdict.steps.map((step) => step.kind), ['hostfxr', 'handler', 'clr', 'listening']);
    assert.deepEqual(verdict.causes, []);
  });

  it('across the stdout file and the debug log of one process, and over the limit', () => {
    const verdicts = new StartupVerdicts({ startupTimeLimit: 60 });
    const stdout = parseAllLines(createEntryParser('stdout', STDOUT_FILE, { pid: 4752, processStart: '2024-01-01T12:00:00.000Z' }), linesOf('info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://127.0.0.1:5000\n'));
    const debug = parseAllLines(createEntryParser('debug', DEBUG_FILE), linesOf(`${debugLine('00.100', "hostfxr.dll located at 'C:\\x\\hostfxr.dll'")}\n`));
    for (const entry of debug) verdicts.add(entry, 'debug');
    // The stdout line carries no time: the debug log's ANCM event does.
    for (const entry of stdout) verdicts.add(entry, 'stdout');
    verdicts.add({ message: "Event Log: 'Application '/LM/W3SVC/2/ROOT' started successfully.'", text: '', time: '2024-01-01T12:01:30.000Z', pid: 4752 }, 'debug');
    const [verdict] = verdicts.verdicts();
    assert.equal(verdict.summary, 'PID 4752 started in 90 s (over its startupTimeLimit of 60 s)');
    assert.equal(verdict.steps.find((step) => step.kind === 'listening')?.text, 'listening on http://127.0.0.1:5000');
  });

  it('a bitness mismatch in a debug log without PID prefixes: the header names the process', () => {
    const debug = [
      "[aspnetcorev2.dll] Initializing logs for 'C:\\Program Files (x86)\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: 6256.. File Version: 12.2.18316.0.",
      "[aspnetcorev2.dll] hostfxr.dll found app local at 'W:\\IIS\\WebApp\\.\\hostfxr.dll', treating application as standalone",
      '[aspnetcorev2.dll] c:\\b\\w\\src\\aspnetcoremodulev2\\aspnetcore\\handlerresolver.cpp:224 Operation failed with LastError: 193 HR: 0x800700c1',
    ].join('\n');
    const [verdict] = verdictsOf(debug, DEBUG_FILE);
    assert.equal(verdict.pid, 6256);
    assert.equal(verdict.outcome, 'failed');
    assert.equal(verdict.causes[0], 'bitness-mismatch');
    assert.match(verdict.summary, /^PID 6256 did not start: the app \(or the dotnet it uses\) is built for a different bitness .* → /);
  });

  it('the app threw at startup (stdout), and the startup timeout (event text)', () => {
    const crash = ['Unhandled exception. System.InvalidOperationException: No connection string named Orders', '   at Program.<Main>$(String[] args) in C:\\src\\Program.cs:line 12'].join('\n');
    const [crashed] = verdictsOf(crash, STDOUT_FILE);
    assert.equal(crashed.outcome, 'failed');
    assert.deepEqual(crashed.causes, ['clr-exception']);
    assert.match(crashed.summary, /^PID 4752 did not start: a \.NET exception nobody caught ended the app/);

    const timeout = debugLine('00.100', "Event Log: 'Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\contoso\\' failed to load coreclr. Exception message:\nManaged server didn't initialize after 120000 ms.' ");
    const [timedOut] = verdictsOf(timeout, DEBUG_FILE);
    assert.equal(timedOut.causes[0], 'startup-timeout');
    assert.match(timedOut.summary, /^PID 4752 did not start: the app did not start within startupTimeLimit/);
  });

  it('a process that is still starting, and one that started then failed', () => {
    const [starting] = verdictsOf(debugLine('00.100', "Loading request handler:  'C:\\x\\aspnetcorev2_inprocess.dll'"), DEBUG_FILE);
    assert.equal(starting.outcome, 'starting');
    assert.equal(starting.summary, 'PID 4752 is starting: request handler loaded, not listening yet (startupTimeLimit 120 s)');

    const later = ['info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.', 'Unhandled exception. System.OutOfMemoryException: Insufficient memory.'].join('\n');
    const [verdict] = verdictsOf(later, STDOUT_FILE);
    assert.equal(verdict.outcome, 'started');
    assert.match(verdict.summary, /^PID 4752 started \(startupTimeLimit 120 s\); later: /);
  });

  it('processes are told apart by PID; a log with nothing about a start gives none', () => {
    const debug = [debugLine('00.100', "hostfxr.dll located at 'C:\\x'", 1), debugLine('00.200', "hostfxr.dll located at 'C:\\x'", 2)].join('\n');
    assert.deepEqual(verdictsOf(debug, DEBUG_FILE).map((verdict) => verdict.pid), [1, 2]);
    assert.deepEqual(verdictsOf('info: Contoso.Orders[1]\n      Order 42 shipped.\n', STDOUT_FILE), []);
  });

  it('startupTimeLimit as web.config writes it', () => {
    assert.equal(startupTimeLimitOf(undefined), 120);
    assert.equal(startupTimeLimitOf('30'), 30);
    assert.equal(startupTimeLimitOf(' '), 120);
    assert.equal(startupTimeLimitOf('abc'), 120);
  });

  it('every step message is the start of a format of ANCM’s debug-log catalog', () => {
    const heads = DEBUG_LOG_MESSAGES.map((message) => message.format.split('%')[0]);
    for (const [prefix] of STARTUP_STEP_MESSAGES) assert.ok(heads.some((head) => head.startsWith(prefix) || prefix.startsWith(head)), prefix);
  });
});

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'logs');
const corpusMissing = existsSync(join(CORPUS, 'MANIFEST.tsv')) ? false : `no corpus at ${CORPUS}`;
const expected: Record<string, { format: string; causes: string[] }> = JSON.parse(readFileSync(join(LOG_FIXTURES, 'corpus-expected.json'), 'utf8'));

describe('startup verdicts over the real-world corpus', { skip: corpusMissing }, () => {
  for (const [name, expectation] of Object.entries(expected).filter(([, value]) => value.causes.length > 0)) {
    it(`${name}: a failed verdict naming ${expectation.causes.join(', ')}`, () => {
      const entries: LogEntry[] = parseAllLines(createEntryParser(expectation.format as LogEntry['source'], name), linesOf(readFileSync(join(CORPUS, name), 'utf8')));
      const verdicts = startupVerdictsOf(entries, { startupTimeLimit: 120 });
      const failed = verdicts.filter((verdict) => verdict.outcome === 'failed');
      assert.ok(failed.length > 0, `${name}: ${verdicts.map((verdict) => verdict.summary).join(' | ') || 'no verdict'}`);
      const named = new Set(failed.flatMap((verdict) => verdict.causes));
      assert.deepEqual(expectation.causes.filter((cause) => !named.has(cause)), [], `${name}: ${[...named].join(', ')}`);
    });
  }
});
