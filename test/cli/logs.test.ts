import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { FIXTURES, runInProcess, spawnBinary } from './cliKit';
import { makeFifo } from '../fifo';

const WEB_CONFIG = publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout">
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`);

const DEBUG_LINES = [
  "[2024-03-05T09:14:03.021Z, PID: 6312] [aspnetcorev2.dll] Loading request handler:  'C:\\x\\aspnetcorev2_inprocess.dll'",
  '[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at dllmain.cpp:131',
  '[2024-03-05T09:14:05.600Z, PID: 6312] [aspnetcorev2_outofprocess.dll] FORWARDING_HANDLER::FORWARDING_HANDLER',
];

describe('ancm logs', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-logs-'));
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'Web.config'), WEB_CONFIG);
    // No debugFile: debugLevel names FILE, so ANCM writes aspnetcore-debug.log in the site root.
    writeFileSync(path.join(site, 'aspnetcore-debug.log'), DEBUG_LINES.join('\r\n') + '\r\n');
    writeFileSync(path.join(site, 'logs', 'stdout_20240101120000_1234.log'), 'info: Microsoft.Hosting.Lifetime[0]\n      Application started.\nwarn: Contoso[1]\n      Slow start.\n');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('prints both logs of a site folder, oldest source first, with a header per file', async () => {
    const run = await runInProcess(['logs', site], site);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    const headers = run.stdout.filter((line) => line.startsWith('==> '));
    assert.deepEqual(headers.map((line) => line.split(':')[0]), ['==> ANCM debug log (aspnetcore-debug.log)', '==> stdout 2024-01-01 12']);
    // The debug log's prefix becomes columns: time, process, dll, then the message.
    assert.ok(run.stdout.includes('ERROR   2024-03-05T09:14:05.519Z  PID 6312  aspnetcorev2_inprocess.dll  Failed HRESULT returned: 0x8007023e at dllmain.cpp:131'));
    assert.ok(run.stdout.some((line) => line.startsWith('TRACE   2024-03-05T09:14:05.600Z')));
    // A console logger's entry shows its category and message, the PID from the file name.
    assert.ok(run.stdout.includes('WARNING PID 1234  Contoso  Slow start.'), run.stdout.join('\n'));
  });

  it('filters by level (cumulative) and text, and writes JSON lines', async () => {
    const warnings = await runInProcess(['logs', path.join(site, 'Web.config'), '--level', 'warning', '--format', 'json'], site);
    const entries = warnings.stdout.filter(Boolean).map((line) => JSON.parse(line) as { source: string; level: string; pid: number | null; text: string });
    assert.deepEqual(entries.map((entry) => [entry.source, entry.level]), [['debug', 'ERROR'], ['stdout', 'WARNING']]);
    assert.equal(entries[0].pid, 6312);
    const grep = await runInProcess(['logs', site, '--grep', 'SLOW START', '--format', 'json'], site);
    assert.equal(grep.stdout.filter(Boolean).length, 1);
    const regex = await runInProcess(['logs', site, '--grep', '0x8007[0-9a-f]{4}', '--regex', '--format', 'json'], site);
    assert.equal(regex.stdout.filter(Boolean).length, 1);
  });

  it('exits 2 with a clear message on unusable arguments or a missing site', async () => {
    const cases: [string[], RegExp][] = [
      [['logs', '--level', 'loud'], /--level must be/],
      [['logs', path.join(site, 'missing')], /missing: no such file/],
      [['logs', site, path.join(site, 'aspnetcore-debug.log')], /one site folder or web\.config, or log files, not both/],
      [['logs', '-', path.join(site, 'aspnetcore-debug.log')], /standard input \(-\) alone/],
      [['logs', path.join(site, 'logs')], /no web\.config in this folder/],
      [['logs', '--grep', '(', '--regex'], /Invalid regular expression/],
      [['logs', '--tail=-1'], /--tail takes a whole number/],
      [['logs', '--tail', '-1'], /argument is ambiguous/],
    ];
    for (const [argv, message] of cases) {
      const run = await runInProcess(argv, site);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr.join('\n'), message);
    }
  });

  it('--follow prints new entries, including a new stdout file, until interrupted', { timeout: 30_000 }, async () => {
    const child = spawnBinary(['logs', site, '--follow', '--format', 'json'], site);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const waitForOutput = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`no ${pattern} in:\n${output}`));
        }, 20_000);
      });
    await waitForOutput(/Slow start/);
    appendFileSync(path.join(site, 'aspnetcore-debug.log'), '[2024-03-05T09:15:00.000Z, PID: 6312] [aspnetcorev2.dll] Event Log: \'Application went offline\' \r\nEnd Event Log Message.\r\n');
    await waitForOutput(/Application went offline/);
    writeFileSync(path.join(site, 'logs', 'stdout_20240101130000_777.log'), 'crit: Contoso[0]\n      Crashed on start.\n');
    await waitForOutput(/Crashed on start/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  });
});

describe('ancm logs FILE... and -', () => {
  const logs = path.join(FIXTURES, 'logs');
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ancm-log-files-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  interface JsonEntry {
    time: string | null;
    pid: number | null;
    level: string;
    text: string;
    message: string;
    source: string;
    file: string;
    offset: number;
    eventId: number | null;
  }

  function json(lines: string[]): JsonEntry[] {
    return lines.filter(Boolean).map((line) => JSON.parse(line) as JsonEntry);
  }

  it('reads log files of any kind, told apart by their content, with the fields a script needs', async () => {
    // An Event Log export named like a log, and a debug log named like anything.
    const events = path.join(folder, 'server-events.log');
    writeFileSync(events, readFileSync(path.join(logs, 'eventlog.xml')));
    const debug = path.join(folder, 'ancm.txt');
    writeFileSync(debug, readFileSync(path.join(logs, 'aspnetcore-debug-modern.log')));
    const run = await runInProcess(['logs', events, debug, '--format', 'json', '--level', 'error'], folder);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    const entries = json(run.stdout);
    const event = entries.find((entry) => entry.source === 'events');
    assert.deepEqual(
      event && { time: event.time, pid: event.pid, eventId: event.eventId, file: event.file, offset: event.offset },
      { time: '2025-11-03T05:10:02Z', pid: 8820, eventId: 1008, file: events, offset: readFileSync(events, 'latin1').indexOf('<Event>') },
    );
    assert.ok(entries.some((entry) => entry.source === 'debug' && entry.level === 'ERROR' && entry.file === debug));
    assert.ok(entries.every((entry) => entry.level === 'ERROR'));
  });

  it('shows the last line of a file that ends without a line break', async () => {
    const file = path.join(folder, 'pasted.log');
    writeFileSync(file, "[aspnetcorev2.dll] Known dotnet.exe location: ''\n[aspnetcorev2.dll] Failed HRESULT returned: 0x800700c1 at handlerresolver.cpp:224 ");
    const run = await runInProcess(['logs', file, '--level', 'error'], folder);
    assert.deepEqual(run.stdout.slice(1), ['ERROR   aspnetcorev2.dll  Failed HRESULT returned: 0x800700c1 at handlerresolver.cpp:224 ']);
  });

  it('says which file is missing, prints the others, and exits 2', async () => {
    const file = path.join(folder, 'present.log');
    writeFileSync(file, 'Hosting environment: Production\n');
    const run = await runInProcess(['logs', path.join(folder, 'absent.log'), file], folder);
    assert.equal(run.code, 2);
    assert.match(run.stderr.join('\n'), /absent\.log: no such file/);
    assert.ok(run.stdout.includes('INFO    Hosting environment: Production'));
  });

  // No writer ever opens these FIFOs: a reader that opened one without care would wait forever (the timeout is a hang guard).
  it('says a FIFO is not a regular file, prints the other file, and exits 2, without hanging', { timeout: 20_000 }, async (test) => {
    const fifo = path.join(folder, 'pipe.log');
    if (!makeFifo(fifo)) return test.skip('mkfifo is not available here');
    const file = path.join(folder, 'beside-the-pipe.log');
    writeFileSync(file, 'Hosting environment: Production\n');
    for (const extra of [[], ['--grep', 'production']]) {
      const run = await runInProcess(['logs', fifo, file, ...extra], folder);
      assert.equal(run.code, 2);
      assert.deepEqual(run.stderr, [`ancm: ${fifo}: not a regular file`]);
      assert.ok(run.stdout.includes('INFO    Hosting environment: Production'), run.stdout.join('\n'));
    }
  });

  it('reports a site whose debug log is a FIFO once, and prints its stdout log, without hanging', { timeout: 20_000 }, async (test) => {
    const site = mkdtempSync(path.join(folder, 'fifo-site-'));
    if (!makeFifo(path.join(site, 'aspnetcore-debug.log'))) return test.skip('mkfifo is not available here');
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'web.config'), WEB_CONFIG);
    writeFileSync(path.join(site, 'logs', 'stdout_20240101120000_1234.log'), 'info: Microsoft.Hosting.Lifetime[0]\n      Application started.\n');
    for (const extra of [[], ['--grep', 'started']]) {
      const run = await runInProcess(['logs', site, ...extra], folder);
      assert.equal(run.code, 0, run.stderr.join('\n'));
      assert.deepEqual(run.stderr, [`ancm: not a regular file: ${path.join(site, 'aspnetcore-debug.log')}`]);
      assert.ok(run.stdout.some((line) => line.includes('Application started.')), run.stdout.join('\n'));
    }
  });

  it('reads standard input with -, its kind told by its content', () => {
    const input = readFileSync(path.join(logs, 'events-short.txt'));
    const result = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'ancm.js'), 'logs', '-', '--format', 'json'], { input, encoding: 'utf8', timeout: 30_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      json(result.stdout.split('\n')).map((entry) => [entry.source, entry.eventId, entry.file]),
      [
        ['events', 5117, '-'],
        ['events', 1034, '-'],
      ],
    );
  });
});
