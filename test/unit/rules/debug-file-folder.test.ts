import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'debug-file-folder';

describe('debug-file-folder', () => {
  it('warns about a debugFile ending in a separator and offers a file in that folder', () => {
    const text = withHandlerSettings([setting('debugLevel', 'FILE,TRACE'), setting('debugFile', '.\\logs\\')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\logs\\']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /names a folder/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /value="\.\\logs\\aspnetcore-debug\.log"/);
  });

  it('warns about a debugFile that is the folder of the stdout log prefix', () => {
    const text = withHandlerSettings([setting('debugFile', 'logs')], 'processPath="dotnet" arguments=".\\app.dll" stdoutLogFile=".\\Logs\\stdout"');
    const issues = check(RULE, text);
    assert.equal(issues.length, 1);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /value="logs\\aspnetcore-debug\.log"/);
  });

  it('is quiet for a file name', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugFile', '.\\logs\\aspnetcore-debug.log')], 'processPath="dotnet" stdoutLogFile=".\\logs\\stdout"')), []);
  });
});
