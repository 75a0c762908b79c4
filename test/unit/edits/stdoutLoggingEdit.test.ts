import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setStdoutLogging } from '../../../server/src/service/edits/stdoutLoggingEdit';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig, withCursor } from '../cursor';
import { applyResult, lines, reasonOf } from './editKit';

function stdout(text: string, enabled: boolean, cursorOffset?: number): string {
  return applyResult(text, setStdoutLogging(parseWebConfig(text), enabled, cursorOffset));
}

function section(attributes: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" ${attributes}/>`);
}

describe('stdout logging', () => {
  it('turns logging on and suggests a logs folder when stdoutLogFile is absent or empty', () => {
    assert.equal(stdout(section(''), true), section('stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" '));
    assert.equal(stdout(section('stdoutLogEnabled="false" '), true), section('stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" '));
    assert.equal(stdout(section('stdoutLogEnabled="false" stdoutLogFile="" '), true), section('stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" '));
  });

  it('keeps a stdoutLogFile the user set', () => {
    assert.equal(stdout(section('stdoutLogEnabled="false" stdoutLogFile="D:\\Logs\\app" '), true), section('stdoutLogEnabled="true" stdoutLogFile="D:\\Logs\\app" '));
  });

  it('turns logging off, keeping the casing of the value and the single quotes', () => {
    assert.equal(stdout(section("stdoutLogEnabled='True' stdoutLogFile='.\\logs\\stdout' "), false), section("stdoutLogEnabled='False' stdoutLogFile='.\\logs\\stdout' "));
    assert.equal(stdout(section('stdoutLogEnabled="TRUE" '), false), section('stdoutLogEnabled="FALSE" '));
    const singleQuoted = publishedConfig("<aspNetCore processPath='dotnet' stdoutLogFile='x' />");
    assert.equal(stdout(singleQuoted, true), publishedConfig("<aspNetCore processPath='dotnet' stdoutLogFile='x' stdoutLogEnabled='true' />"));
  });

  it('overwrites a value IIS would reject', () => {
    assert.equal(stdout(section('stdoutLogEnabled="yes" stdoutLogFile="x" '), false), section('stdoutLogEnabled="false" stdoutLogFile="x" '));
  });

  it('makes no edit when the setting is already as asked (absent means off)', () => {
    for (const [attributes, enabled] of [['', false], ['stdoutLogEnabled="false" ', false], ['stdoutLogEnabled="true" stdoutLogFile="x" ', true]] as const) {
      assert.deepEqual(setStdoutLogging(parseWebConfig(section(attributes)), enabled, undefined), { edits: [] }, attributes);
    }
  });

  it('follows a one-attribute-per-line layout', () => {
    const fixture = readFileSync('test/fixtures/webconfig/outofprocess-debug.config', 'utf8');
    const text = fixture.replace('stdoutLogEnabled="true"', 'stdoutLogEnabled="false"').replace('                stdoutLogFile="\\\\?\\%home%\\LogFiles\\stdout"\n', '');
    assert.ok(!text.includes('stdoutLogFile'));
    const expected = text.replace('stdoutLogEnabled="false"', 'stdoutLogEnabled="true"').replace('forwardWindowsAuthToken="false">', 'forwardWindowsAuthToken="false"\n                stdoutLogFile=".\\logs\\stdout">');
    assert.equal(stdout(text, true), expected);
  });

  it('edits the section at the cursor, else every section', () => {
    const two = (first: string, second: string) =>
      lines('<configuration>', `  <location path="a"><system.webServer>${first}</system.webServer></location>`, `  <location path="b"><system.webServer>${second}</system.webServer></location>`, '</configuration>');
    const { text, offset } = withCursor(two('<aspNetCore processPath="a" />', '<aspNetCore processPath="b"| />'));
    assert.equal(stdout(text, true, offset), two('<aspNetCore processPath="a" />', '<aspNetCore processPath="b" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />'));
    assert.equal(stdout(text, true), two('<aspNetCore processPath="a" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />', '<aspNetCore processPath="b" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />'));
  });

  it('gives a reason for half-typed markup or a missing section', () => {
    assert.match(reasonOf(setStdoutLogging(parseWebConfig('<configuration><system.webServer><aspNetCore stdoutLogEnabled="fa'), true, undefined)), /not closed/);
    assert.match(reasonOf(setStdoutLogging(parseWebConfig('<configuration><system.webServer><aspNetCore stdoutLogEnabled />'), true, undefined)), /stdoutLogEnabled attribute .* not complete/);
    assert.match(reasonOf(setStdoutLogging(parseWebConfig('<configuration />'), true, undefined)), /no <aspNetCore> section/);
  });
});
