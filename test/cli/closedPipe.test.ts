// `ancm … | head -1`: when the reader of stdout goes away early, ancm ends quietly with its own exit
// status, without an EPIPE stack trace, and `--follow` stops instead of waiting for the next write.
// Any other failing output is reported in one line and gives exit status 2.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { ANCM_BIN, spawnBinary, watchOutput } from './cliKit';

/** Runs the built `ancm`, reads its first line of output, then closes the pipe as `head -1` does. */
async function runIntoClosingReader(argv: string[], cwd: string): Promise<{ code: number | null; firstLine: string; stderr: string }> {
  const child = spawnBinary(argv, cwd);
  const { output, exited } = watchOutput(child);
  const firstLine = await new Promise<string>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes('\n')) return;
      child.stdout.destroy();
      resolve(text.slice(0, text.indexOf('\n')));
    });
  });
  return { code: await exited, firstLine, stderr: output.stderr };
}

describe('an output that goes away or fails', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-pipe-'));
    mkdirSync(path.join(site, 'logs'));
    writeFileSync(path.join(site, 'web.config'), publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />'));
    // Far more output than a pipe holds, so ancm is still writing when the reader goes.
    const lines = Array.from({ length: 50_000 }, (_, index) => `info: Contoso.Orders[0]\n      Order ${index} shipped.\n`);
    writeFileSync(path.join(site, 'logs', 'stdout_20240101120000_1234.log'), lines.join(''));
    const variables = Array.from({ length: 3_000 }, () => '<environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />').join('');
    mkdirSync(path.join(site, 'checked'));
    writeFileSync(path.join(site, 'checked', 'web.config'), publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\app.dll"><environmentVariables>${variables}</environmentVariables></aspNetCore>`));
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('ancm logs | head -1 ends with 0 and prints no error', { timeout: 60_000 }, async () => {
    const run = await runIntoClosingReader(['logs', site, '--tail', '100000'], site);
    assert.match(run.firstLine, /^==> stdout /);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  });

  it('ancm logs --follow | head -1 stops following and ends with 0', { timeout: 60_000 }, async () => {
    const run = await runIntoClosingReader(['logs', site, '--tail', '100000', '--follow'], site);
    // The pipe may still have taken the whole history, so the status line can come before the reader is seen to go;
    // nothing else may be said.
    assert.match(run.stderr, /^(?:ancm: following 1 file; Ctrl\+C to stop\n)?$/);
    assert.equal(run.code, 0);
  });

  it('ancm check | head -1 ends with the check\'s own status (0: warnings only) and prints no error', { timeout: 60_000 }, async () => {
    const run = await runIntoClosingReader(['check', path.join(site, 'checked')], site);
    assert.match(run.firstLine, /warning duplicate-entry/);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  });

  it('an output that fails otherwise (a full disk) is reported once, without a stack trace, and gives 2', { skip: !existsSync('/dev/full') }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const argv of [['logs', site, '--tail', '10'], ['check', path.join(site, 'checked')]]) {
        const run = spawnSync(process.execPath, [ANCM_BIN, ...argv], { cwd: site, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
        assert.equal(run.stderr, 'ancm: cannot write the output (ENOSPC)\n', argv[0]);
        assert.equal(run.status, 2, argv[0]);
      }
    } finally {
      closeSync(full);
    }
  });
});
