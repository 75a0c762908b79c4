import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { runInProcess, spawnBinary } from './cliKit';

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
    assert.ok(run.stdout.some((line) => line.startsWith('ERROR   [2024-03-05T09:14:05.519Z')));
    assert.ok(run.stdout.some((line) => line.startsWith('TRACE   [2024-03-05T09:14:05.600Z')));
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
      [['logs', path.join(site, 'missing')], /no such file or folder/],
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
