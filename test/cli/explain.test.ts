import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ANCM_BIN, runInProcess, runWithInput } from './cliKit';

const DEBUG_LOG = [
  "[2024-03-05T09:14:03.021Z, PID: 6312] [aspnetcorev2.dll] Loading request handler:  'C:\\x\\aspnetcorev2_inprocess.dll'",
  "[2024-03-05T09:14:05.500Z, PID: 6312] [aspnetcorev2_inprocess.dll] InvalidOperationException 'CLR worker thread exited prematurely' caught at D:\\a\\src\\inprocessapplication.cpp:489 ",
  '[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at D:\\a\\src\\dllmain.cpp:131 ',
  "[2024-03-05T09:14:05.600Z, PID: 6312] [aspnetcorev2_inprocess.dll] Starting app_offline monitoring in application 'C:\\site\\'",
].join('\r\n');

const EVENT_TEXT = `Log Name:      Application
Source:        IIS AspNetCore Module V2
Date:          4/5/2019 2:16:33 PM
Event ID:      1027
Level:         Error
Description:
Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.
`;

describe('ancm explain', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ancm-explain-'));
    writeFileSync(path.join(folder, 'aspnetcore-debug.log'), DEBUG_LOG + '\r\n');
    writeFileSync(path.join(folder, 'healthy.log'), 'info: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.\n');
    writeFileSync(path.join(folder, 'escape.log'), "It was not possible to find any compatible framework version\x1b]0;owned\x07\n");
    mkdirSync(path.join(folder, 'logs'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('explains an HRESULT: its name, meaning, causes with fix steps and the docs link', async () => {
    const run = await runInProcess(['explain', '0x8007023E'], folder);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    assert.match(run.stdout[0], /^0x8007023E {2}ERROR_UNHANDLED_EXCEPTION \(574\)$/);
    const text = run.stdout.join('\n');
    assert.match(text, /in-process-start-failed: ANCM failed to start the app/);
    assert.match(text, /Fix:\n {4}- /);
    assert.match(text, /Docs: https:\/\/learn\.microsoft\.com\/aspnet\/core\/test\/troubleshoot-azure-iis#50030-in-process-startup-failure/);
  });

  it('takes the forms users paste: a signed decimal, a status with "HTTP Error", an event id', async () => {
    assert.match((await runInProcess(['explain', '-2147024322'], folder)).stdout[0], /^0x8007023E/);
    const status = await runInProcess(['explain', 'HTTP Error 500.31'], folder);
    assert.equal(status.code, 0);
    assert.match(status.stdout.join('\n'), /500\.31 {2}HTTP Error 500\.31\nANCM Failed to Find Native Dependencies[\s\S]*framework-not-found:/);
    const event = await runInProcess(['explain', '1034'], folder);
    assert.match(event.stdout[0], /^Event 1034 {2}ASPNETCORE_CONFIGURATION_LOAD_ERROR$/);
    assert.match(event.stdout.join('\n'), /unknown-hosting-model: [\s\S]*web\.config rules that find it: invalid-hosting-model/);
  });

  it('writes a code as one JSON object with its causes', async () => {
    const run = await runInProcess(['explain', '500.32', '--format', 'json'], folder);
    assert.equal(run.code, 0);
    const parsed = JSON.parse(run.stdout.join('\n')) as { kind: string; code: string; causes: { id: string; fix: string[]; docs: string; rules: string[] }[] };
    assert.equal(parsed.kind, 'status');
    assert.equal(parsed.code, '500.32');
    assert.equal(parsed.causes[0].id, 'bitness-mismatch');
    assert.ok(parsed.causes[0].fix.length > 0 && parsed.causes[0].docs.startsWith('https://'));
  });

  it('explains the failures of a log file, line by line, then how to fix each cause', async () => {
    const run = await runInProcess(['explain', 'aspnetcore-debug.log'], folder);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    const headlines = run.stdout.filter((line) => /^(ERROR|WARNING|INFO|TRACE) /.test(line));
    assert.equal(headlines.length, 2, run.stdout.join('\n'));
    assert.ok(headlines[0].startsWith("ERROR   2024-03-05T09:14:05.500Z  PID 6312  aspnetcorev2_inprocess.dll  InvalidOperationException 'CLR worker thread exited prematurely'"));
    assert.ok(run.stdout.includes('        → app-crashed-on-startup: The app\'s own code ended or threw before the server started: an exception in Program.cs or Startup, or Main returned.'));
    const fixes = run.stdout.slice(run.stdout.indexOf('How to fix:'));
    assert.ok(fixes.some((line) => line.startsWith('app-crashed-on-startup: ')));
    assert.equal(fixes.filter((line) => /^[a-z-]+: /.test(line)).at(-1)?.split(':')[0], 'module-call-failed', 'the trace of a failed call comes last');
  });

  it("says how each worker process's start went, as the panel does", async () => {
    const run = await runInProcess(['explain', 'aspnetcore-debug.log'], folder);
    const startup = run.stdout.slice(run.stdout.indexOf('Startup:') + 1, run.stdout.indexOf('How to fix:'));
    assert.match(startup.join('\n'), /^ {2}PID 6312 did not start: the app's own code ended or threw before the server started/m, run.stdout.join('\n'));
  });

  it('writes explained entries of a log as JSON lines', async () => {
    const run = await runInProcess(['explain', path.join(folder, 'aspnetcore-debug.log'), '--format', 'json'], folder);
    assert.equal(run.code, 0);
    const all = run.stdout.filter(Boolean).map((line) => JSON.parse(line) as { time: string; pid: number; level: string; source: string; file: string; causes: { id: string }[]; verdict?: { pid: number; outcome: string; summary: string } });
    // After the entries, the worker process's verdict, as the panel shows it.
    const verdicts = all.filter((line) => line.verdict !== undefined).map((line) => line.verdict!);
    assert.deepEqual(verdicts.map((verdict) => [verdict.pid, verdict.outcome]), [[6312, 'failed']]);
    assert.match(verdicts[0].summary, /^PID 6312 did not start/);
    const lines = all.filter((line) => line.verdict === undefined);
    assert.deepEqual(lines.map((line) => [line.time, line.level, line.source, line.causes.map((cause) => cause.id)]), [
      ['2024-03-05T09:14:05.500Z', 'ERROR', 'debug', ['app-crashed-on-startup', 'module-call-failed']],
      ['2024-03-05T09:14:05.519Z', 'ERROR', 'debug', ['in-process-start-failed', 'module-call-failed']],
    ]);
    assert.equal(lines[0].file, path.join(folder, 'aspnetcore-debug.log'));
  });

  it("takes a stdout file's worker process from its name, as ANCM names it", async () => {
    writeFileSync(path.join(folder, 'logs', 'stdout_20240305091403_4752.log'), 'Unhandled exception. System.InvalidOperationException: boom\n   at Program.Main()\n');
    const run = await runInProcess(['explain', path.join('logs', 'stdout_20240305091403_4752.log'), '--format', 'json'], folder);
    const lines = run.stdout.filter(Boolean).map((line) => JSON.parse(line) as { pid?: number; verdict?: { pid: number } });
    assert.ok(lines.length > 0 && lines.every((line) => (line.verdict?.pid ?? line.pid) === 4752), run.stdout.join('\n'));
  });

  it('reads pasted text from standard input, whatever its kind', async () => {
    const run = await runWithInput(['explain', '-'], EVENT_TEXT, folder);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    assert.match(run.stdout[0], /^ERROR {3}.*IIS AspNetCore Module V2 \(1027\) {2}Unable to locate application dependencies/);
    assert.ok(run.stdout.some((line) => line.startsWith('        → framework-not-found: ')));
  });

  it('exits 1 when nothing is explained: an unknown code, a healthy log', async () => {
    const unknown = await runInProcess(['explain', '0x12345678'], folder);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr.join('\n'), /no explanation for 0x12345678/);
    const healthy = await runInProcess(['explain', 'healthy.log'], folder);
    assert.equal(healthy.code, 1);
    assert.deepEqual(healthy.stdout, []);
    assert.match(healthy.stderr.join('\n'), /no known ANCM failure in .*healthy\.log/);
    assert.equal((await runWithInput(['explain', '-'], 'nothing to see\n', folder)).code, 1);
  });

  it('exits 2 on usage errors and missing files', async () => {
    const cases: [string[], RegExp][] = [
      [['explain'], /give a code, a log file, or - for standard input/],
      [['explain', '0x1', '0x2'], /give one code or one log file/],
      [['explain', '500.31', '--format', 'xml'], /--format must be text or json/],
      [['explain', 'missing.log'], /missing\.log: no such file, and not a code/],
      [['explain', 'logs'], /logs: not a regular file/],
      [['explain', '--bogus'], /Unknown option/],
    ];
    for (const [argv, message] of cases) {
      const run = await runInProcess(argv, folder);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr.join('\n'), message, argv.join(' '));
    }
  });

  it('shows control characters of a log as escapes in text, exactly in JSON', async () => {
    const text = await runInProcess(['explain', 'escape.log'], folder);
    assert.ok(text.stdout.every((line) => !line.includes('\x1b') && !line.includes('\x07')));
    assert.ok(text.stdout.some((line) => line.includes('\\x1b]0;owned\\x07')));
    const json = await runInProcess(['explain', 'escape.log', '--format', 'json'], folder);
    assert.equal((JSON.parse(json.stdout[0]) as { message: string }).message, 'It was not possible to find any compatible framework version\x1b]0;owned\x07');
  });

  it('has its own help, and the command list names it', async () => {
    const help = await runInProcess(['explain', '--help'], folder);
    assert.equal(help.code, 0);
    assert.match(help.stdout[0], /^Usage: ancm explain CODE/);
    assert.match((await runInProcess(['--help'], folder)).stdout.join('\n'), /explain <code\|FILE\|->/);
  });

  it('the built binary explains standard input and returns the same exit codes', () => {
    const piped = spawnSync(process.execPath, [ANCM_BIN, 'explain', '-', '--format', 'json'], { input: EVENT_TEXT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(piped.status, 0, piped.stderr);
    assert.deepEqual((JSON.parse(piped.stdout.split('\n')[0]) as { causes: { id: string }[] }).causes.map((cause) => cause.id), ['framework-not-found']);
    assert.equal(spawnSync(process.execPath, [ANCM_BIN, 'explain', '0x12345678'], { encoding: 'utf8' }).status, 1);
    assert.equal(spawnSync(process.execPath, [ANCM_BIN, 'explain'], { encoding: 'utf8' }).status, 2);
  });
});
