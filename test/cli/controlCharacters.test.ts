// Control characters from a log or a web.config value never reach the terminal (or a CI log) raw from
// text output: they are shown as escapes. JSON output keeps them, as JSON escapes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { runInProcess } from './cliKit';

/** Raw control characters a terminal acts on: all but the line feed and tab the formats use. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'red \x1b[31mALERT\x1b[0m title \x1b]0;owned\x07 back\b\b cr\rover del\x7f csi\x9b2J bidi \u202eevil\u202c iso\u2066x\u2069 mark\u200f';

/** The values' own findings only: the file's control character references also make it ill-formed XML. */
const CHECK_VALUES = ['--rule', 'xml-not-well-formed=off'];

describe('control characters in what ancm prints', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(path.join(tmpdir(), 'ancm-controls-'));
    writeFileSync(path.join(site, 'web.config'), publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\app.dll">
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
        </handlerSettings>
      </aspNetCore>`));
    writeFileSync(path.join(site, 'aspnetcore-debug.log'), `[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2.dll] ${HOSTILE}\r\n`);
    mkdirSync(path.join(site, 'checked'));
    // Character references put a line break, CR, ESC, CSI and a bidi override into attribute values. ESC (&#x1b;)
    // and BEL (&#7;) are outside XML 1.0's characters, so the check runs with xml-not-well-formed off (CHECK_VALUES).
    writeFileSync(path.join(site, 'checked', 'web.config'), publishedConfig(
      '<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="x&#10;::error::injected&#13;&#x202E;&#x9B;31m" stdoutLogEnabled="yes&#x1b;]0;t&#7;">' +
      '<environmentVariables><environmentVariable name="ASPNETCORE_PORT" value="9&#10;::add-mask::secret" /></environmentVariables></aspNetCore>'));
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('ancm logs shows them as escapes in text', async () => {
    const run = await runInProcess(['logs', site], site);
    const output = run.stdout.join('\n');
    assert.doesNotMatch(output, RAW_CONTROL);
    assert.ok(output.includes('red \\x1b[31mALERT\\x1b[0m title \\x1b]0;owned\\x07 back\\x08\\x08 cr\\rover del\\x7f csi\\x9b2J bidi \\u202eevil\\u202c iso\\u2066x\\u2069 mark\\u200f'), output);
  });

  it('ancm logs --format json keeps them exactly, written as JSON escapes', async () => {
    const run = await runInProcess(['logs', site, '--format', 'json'], site);
    const lines = run.stdout.filter(Boolean);
    for (const line of lines) assert.doesNotMatch(line, RAW_CONTROL);
    const entry = JSON.parse(lines[0]) as { text: string };
    assert.ok(entry.text.endsWith(HOSTILE), JSON.stringify(entry.text));
  });

  it('ancm check shows attribute values with escapes, one line a finding', async () => {
    const run = await runInProcess(['check', path.join(site, 'checked'), ...CHECK_VALUES], site);
    assert.doesNotMatch(run.stdout.join('\n'), RAW_CONTROL);
    const findings = run.stdout.filter((line) => line.startsWith('checked'));
    // Each hostile value is also a hidden-character finding, its characters named as <U+XXXX>.
    assert.equal(findings.length, 6, run.stdout.join('\n'));
    assert.ok(findings.some((line) => line.includes('hostingModel holds <U+000A>, <U+000D>, <U+202E>, <U+009B>')), findings.join('\n'));
    assert.ok(run.stdout.every((line) => !line.startsWith('::')), 'no line a CI runner would read as a command');
    assert.ok(findings.some((line) => line.includes("'x\\n::error::injected\\r\\u202e\\x9b31m'")), findings.join('\n'));
    assert.ok(findings.some((line) => line.includes("'yes\\x1b]0;t\\x07'")), findings.join('\n'));
  });

  it('GitHub annotations stay one workflow command each: no value starts a command of its own', async () => {
    const run = await runInProcess(['check', path.join(site, 'checked'), ...CHECK_VALUES], site, { GITHUB_ACTIONS: 'true' });
    assert.doesNotMatch(run.stdout.join('\n'), RAW_CONTROL);
    const commands = run.stdout.filter((line) => line.startsWith('::'));
    assert.deepEqual(commands.map((line) => line.slice(0, line.indexOf(' '))), ['::error', '::warning', '::error', '::warning', '::warning', '::notice']);
    assert.ok(commands.some((line) => line.includes("'x%0A::error::injected\\r\\u202e\\x9b31m'")), commands.join('\n'));
    assert.ok(commands.some((line) => line.includes("'9%0A::add-mask::secret'")), commands.join('\n'));
  });

  it('ancm check --format json and sarif keep the values, written as JSON escapes', async () => {
    for (const format of ['json', 'sarif']) {
      const run = await runInProcess(['check', path.join(site, 'checked'), '--format', format], site);
      const output = run.stdout.join('\n');
      assert.doesNotMatch(output, RAW_CONTROL);
      assert.ok(output.includes('\\u202e\\u009b31m'), format);
      assert.ok(JSON.stringify(JSON.parse(output)).includes('\u202e\u009b31m'), format);
    }
  });
});
