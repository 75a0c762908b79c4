import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'process-path-dll';

describe('process-path-dll', () => {
  it('reports a processPath naming a dll as an error, and the safe fix moves the dll to arguments behind dotnet', () => {
    const text = publishedConfig('<aspNetCore processPath=".\\App.dll" hostingModel="inprocess" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\App.dll']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /doesn't have '\.exe' extension.*502\.5/);
    assert.equal(issues[0].fixes?.[0].safe, true);
    const fixed = applyAndRecheck(RULE, text, issues[0]);
    assert.match(fixed, /<aspNetCore processPath="dotnet" arguments="\.\\App\.dll" hostingModel="inprocess" \/>/);
  });

  it('fills an empty arguments, and puts the dll before existing arguments without calling that safe', () => {
    const empty = publishedConfig('<aspNetCore processPath="App.DLL" arguments="" />');
    assert.match(applyAndRecheck(RULE, empty, check(RULE, empty)[0]), /processPath="dotnet" arguments="App\.DLL"/);
    const withArguments = publishedConfig('<aspNetCore processPath="C:\\My Site\\App.dll" arguments="--urls x" />');
    const issue = check(RULE, withArguments)[0];
    assert.equal(issue.fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, withArguments, issue), /processPath="dotnet" arguments="&quot;C:\\My Site\\App\.dll&quot; --urls x"/);
  });

  it('is quiet for dotnet, an exe, a path without extension and a value being typed', () => {
    for (const section of [
      '<aspNetCore processPath="dotnet" arguments=".\\App.dll" />',
      '<aspNetCore processPath=".\\App.exe" />',
      '<aspNetCore processPath=".\\App" />',
      '<aspNetCore processPath=".\\App.dll',
    ]) {
      assert.deepEqual(check(RULE, publishedConfig(section)), [], section);
    }
  });
});
