import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'empty-stdout-log-file';

describe('empty-stdout-log-file', () => {
  it('warns about stdoutLogFile="" with stdout logging on and offers a prefix in a logs folder', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="True" stdoutLogFile="" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['stdoutLogFile=""']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /site root as _<timestamp>_<pid>\.log/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /stdoutLogFile="\.\\logs\\stdout"/);
  });

  it('is quiet with logging off, with a prefix, and without the attribute (the schema default applies)', () => {
    for (const attributes of ['stdoutLogEnabled="false" stdoutLogFile=""', 'stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout"', 'stdoutLogEnabled="true"']) {
      assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\App.dll" ${attributes} />`)), [], attributes);
    }
  });
});
