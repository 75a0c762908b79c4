import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'dll-named-twice';

describe('dll-named-twice', () => {
  it('warns at the second naming of the dll and offers to keep the first, not as safe', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll exec .\\App.dll --urls x" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\App.dll']);
    assert.ok(issues[0].start > text.indexOf('exec'));
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /'exec \.\\App\.dll' reaches the app/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /arguments="\.\\App\.dll --urls x"/);
  });

  it('treats App.dll and .\\app.dll as the same dll', () => {
    assert.equal(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments="App.dll .\\app.dll" />')).length, 1);
  });

  it('is quiet for one dll, or two different ones', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll --plugin .\\Other.dll" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />')), []);
  });
});
