// `ancm logs --follow` while another process keeps writing: every line written before, during and after
// the history is printed comes out exactly once, in file order.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WriterProcess } from '../unit/logs/writerProcess';
import { publishedConfig } from '../unit/cursor';
import { spawnBinary, watchOutput } from './cliKit';

const WEB_CONFIG = publishedConfig(`<aspNetCore processPath="dotnet">
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`);

/** Enough history that printing it takes many polls of the follower. */
const HISTORY_LINES = 120_000;
const APPENDED_LINES = 2_000;

const debugLine = (text: string) => `[2024-03-05T09:14:03.021Z, PID: 6312] [aspnetcorev2.dll] ${text}\r\n`;
const number = (index: number) => String(index).padStart(6, '0');

describe('ancm logs --follow while the log is written', () => {
  let site: string;
  let log: string;
  let writer: WriterProcess;
  before(() => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-follow-'));
    writeFileSync(path.join(site, 'web.config'), WEB_CONFIG);
    writer = new WriterProcess();
  });
  after(() => {
    writer.stop();
    rmSync(site, { recursive: true, force: true });
  });

  for (const extra of [[], ['--grep', 'ASPNETCOREV2.DLL']]) {
    it(`prints every line once, in order, with --tail covering the whole history ${extra.join(' ')}`, { timeout: 120_000 }, async () => {
      log = path.join(site, 'aspnetcore-debug.log');
      writeFileSync(log, Array.from({ length: HISTORY_LINES }, (_, index) => debugLine(`history ${number(index)}`)).join(''));
      const appended = Array.from({ length: APPENDED_LINES }, (_, index) => debugLine(`appended ${number(index)}`)).join('');
      const child = spawnBinary(['logs', site, '--follow', '--format', 'json', '--tail', '1000000', ...extra], site);
      const { output, waitFor, exited } = watchOutput(child);
      // One line a write, a pause after each: the writing goes on through the start and the history.
      await writer.append(log, appended, { pieces: Array.from({ length: APPENDED_LINES }, () => Buffer.byteLength(debugLine('appended 000000'))), pauseEvery: 1 });
      await waitFor('stdout', new RegExp(`appended ${number(APPENDED_LINES - 1)}`));
      child.kill('SIGINT');
      assert.equal(await exited, 0);
      const texts = output.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text.split('] ').pop());
      const expected = [...Array.from({ length: HISTORY_LINES }, (_, index) => `history ${number(index)}`), ...Array.from({ length: APPENDED_LINES }, (_, index) => `appended ${number(index)}`)];
      const printed = new Set(texts);
      const missing = expected.filter((text) => !printed.has(text));
      assert.deepEqual(missing.slice(0, 5), [], `${missing.length} lines missing`);
      assert.equal(texts.length, expected.length, 'no line printed twice');
      assert.deepEqual(texts, expected);
    });
  }
});
