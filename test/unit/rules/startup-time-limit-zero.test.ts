import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'startup-time-limit-zero';

describe('startup-time-limit-zero', () => {
  it('reports startupTimeLimit="0" as an error and offers the default and the longest limit, neither as safe', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" startupTimeLimit="0" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['0']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /not "no limit"/);
    assert.ok(issues[0].fixes?.every((fix) => !fix.safe));
    assert.match(applyAndRecheck(RULE, text, issues[0], 'Set startupTimeLimit to 120 (the default)'), /startupTimeLimit="120"/);
    assert.match(applyAndRecheck(RULE, text, issues[0], 'Set startupTimeLimit to 3600 (the longest)'), /startupTimeLimit="3600"/);
  });

  it('is quiet for other values and a value being typed', () => {
    for (const value of ['"10"', '"3600"', '"100"', '"0']) {
      assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\App.dll" startupTimeLimit=${value} />`)), [], value);
    }
  });
});
