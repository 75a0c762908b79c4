import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'misplaced-aspnetcore-section';

describe('misplaced-aspnetcore-section', () => {
  it('reports <AspNetCore> under <system.webServer> as HTTP 500.19 and safely renames both tags', () => {
    const text = publishedConfig('<AspNetCore processPath="dotnet" arguments=".\\App.dll">\n      </AspNetCore>');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['AspNetCore']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /case-sensitive.*HTTP 500\.19/);
    assert.equal(issues[0].fixes?.[0].safe, true);
    const fixed = applyAndRecheck(RULE, text, issues[0]);
    assert.match(fixed, /<aspNetCore processPath[\s\S]*<\/aspNetCore>/);
  });

  it('does not call the rename safe when an <aspNetCore> is already there', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />\n      <AspNetCore />');
    assert.equal(check(RULE, text)[0].fixes?.[0].safe, false);
  });

  it('reports <aspNetCore> directly under <configuration> or <system.web>, without a fix', () => {
    const text = '<configuration>\n  <aspNetCore processPath="dotnet" />\n  <system.web><aspNetCore /></system.web>\n</configuration>\n';
    const issues = check(RULE, text);
    assert.equal(issues.length, 2);
    assert.match(issues[0].message, /not a section of <configuration>/);
    assert.match(issues[1].message, /not a section of <system\.web>/);
    assert.ok(issues.every((issue) => (issue.fixes ?? []).length === 0));
  });

  it('is quiet for the section where it belongs and for a fragment whose root is the section', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />')), []);
    assert.deepEqual(check(RULE, '<aspNetCore processPath="dotnet" />'), []);
  });
});
