import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'stdout-log-file-folder';

function section(value: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile="${value}" />`);
}

describe('stdout-log-file-folder', () => {
  it('flags a value ending in a path separator as a warning on the value, showing the file name ANCM makes', () => {
    const text = section('.\\logs\\');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\logs\\']);
    assert.equal(issues[0].severity, 'warning');
    assert.ok(issues[0].message.includes("'.\\logs\\_20240101120000_1234.log'"));
    assert.equal(check(RULE, section('logs/')).length, 1);
  });

  it('appends stdout, safely', () => {
    const text = section('.\\logs\\');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, true);
    assert.equal(applyAndRecheck(RULE, text, issue), section('.\\logs\\stdout'));
  });

  it('accepts prefixes, including Azure long paths and odd names', () => {
    for (const value of ['.\\logs\\stdout', '\\\\?\\%home%\\LogFiles\\stdout', 'd:\\home\\logfiles\\stdout', '.\\radzen', '']) {
      assert.deepEqual(check(RULE, section(value)), [], value);
    }
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" />')), []);
  });

  it('stays quiet while the value is being typed', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore stdoutLogFile=".\\logs\\')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore stdoutLogFile=')), []);
  });
});
