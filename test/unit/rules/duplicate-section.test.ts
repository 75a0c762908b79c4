import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'duplicate-section';

function config(...lines: string[]): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', ...lines, '</configuration>', ''].join('\n');
}

const FIRST = '    <aspNetCore processPath="dotnet" arguments=".\\A.dll" />';
const SECOND = '    <aspNetCore processPath="dotnet" arguments=".\\B.dll" />';

describe('duplicate-section', () => {
  it('flags the second <aspNetCore> in one system.webServer as an error on its name', () => {
    const text = config('  <system.webServer>', FIRST, SECOND, '  </system.webServer>');
    const issues = check(RULE, text);
    assert.equal(issues.length, 1);
    assert.deepEqual(marked(text, issues), ['aspNetCore']);
    assert.equal(issues[0].start, text.indexOf('aspNetCore processPath="dotnet" arguments=".\\B.dll"'));
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.19/);
  });

  it('removes the later section, unsafely', () => {
    const text = config('  <system.webServer>', FIRST, SECOND, '  </system.webServer>');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), config('  <system.webServer>', FIRST, '  </system.webServer>'));
  });

  it('flags sections in sibling system.webServer elements and in locations with the same path', () => {
    const siblings = config('  <system.webServer>', FIRST, '  </system.webServer>', '  <system.webServer>', SECOND, '  </system.webServer>');
    assert.equal(check(RULE, siblings).length, 1);
    const locations = config(
      '  <location path="." inheritInChildApplications="false"><system.webServer>',
      FIRST,
      '  </system.webServer></location>',
      '  <location><system.webServer>',
      SECOND,
      '  </system.webServer></location>',
    );
    assert.match(check(RULE, locations)[0].message, /<location path="\.">/);
    const third = config('  <system.webServer>', FIRST, SECOND, SECOND, '  </system.webServer>');
    assert.equal(check(RULE, third).length, 2);
  });

  it('accepts one section per path', () => {
    const text = config(
      '  <location path="." inheritInChildApplications="false"><system.webServer>',
      FIRST,
      '  </system.webServer></location>',
      '  <location path="api"><system.webServer>',
      SECOND,
      '  </system.webServer></location>',
      '  <system.webServer><httpProtocol /></system.webServer>',
    );
    assert.deepEqual(check(RULE, text), []);
  });

  it('does not count a section outside <location> and one in <location path="."> as duplicates (unverified in IIS)', () => {
    const text = config('  <location path="."><system.webServer>', FIRST, '  </system.webServer></location>', '  <system.webServer>', SECOND, '  </system.webServer>');
    assert.deepEqual(check(RULE, text), []);
  });

  it('ignores commented-out sections and XDT transforms', () => {
    assert.deepEqual(check(RULE, config('  <system.webServer>', FIRST, `<!--${SECOND}-->`, '  </system.webServer>')), []);
    const transform = [
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <system.webServer>',
      '    <aspNetCore xdt:Transform="Remove" />',
      '    <aspNetCore xdt:Transform="Insert" processPath="dotnet" />',
      '  </system.webServer>',
      '</configuration>',
    ].join('\n');
    assert.deepEqual(check(RULE, transform), []);
  });

  it('does not throw on a half-typed second section', () => {
    const text = config('  <system.webServer>', FIRST, '    <aspNetCore proc');
    assert.deepEqual(marked(text, check(RULE, text)), ['aspNetCore']);
  });
});
