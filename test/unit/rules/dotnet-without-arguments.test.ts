import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'dotnet-without-arguments';

describe('dotnet-without-arguments', () => {
  it('reports dotnet with empty arguments, quoting ANCM, and offers a placeholder the user must edit', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments="" hostingModel="inprocess" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['arguments=""']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /"Application arguments are empty\."/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /arguments="\.\\MyApp\.dll"/);
  });

  it('reports a missing or blank arguments, and any path ANCM reads as the dotnet host', () => {
    const missing = publishedConfig('<aspNetCore processPath="C:\\Program Files\\dotnet\\DOTNET.EXE" />');
    const issue = check(RULE, missing)[0];
    assert.deepEqual(marked(missing, [issue]), ['processPath="C:\\Program Files\\dotnet\\DOTNET.EXE"']);
    assert.match(applyAndRecheck(RULE, missing, issue), /DOTNET\.EXE" arguments="\.\\MyApp\.dll"/);
    assert.equal(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments="   " />')).length, 1);
  });

  it('is quiet when arguments name the app, for an app exe, and while arguments is typed', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath=".\\App.exe" arguments="" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments="')), []);
  });
});
