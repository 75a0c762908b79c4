import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'dotnet-runs-exe';

describe('dotnet-runs-exe', () => {
  it('reports an exe handed to dotnet, and safely makes it the processPath when nothing else is in arguments', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.exe" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\App.exe']);
    assert.equal(issues[0].severity, 'error');
    assert.equal(issues[0].fixes?.[0].safe, true);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /processPath="\.\\App\.exe" arguments=""/);
  });

  it('keeps the remaining arguments, without calling the fix safe', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet.exe" arguments="App.exe --urls x" />');
    const issue = check(RULE, text)[0];
    assert.equal(issue.fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issue), /processPath="App\.exe" arguments="--urls x"/);
  });

  it('is quiet for a dll, and for an exe that is the processPath', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath=".\\App.exe" arguments="--x y.exe" />')), []);
  });
});
