import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'duplicate-handler';
const LINE = '<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />';

function withHandlers(entries: string): string {
  return publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />').replace(/<handlers>[\s\S]*<\/handlers>/, `<handlers>\n        ${entries}\n      </handlers>`);
}

describe('duplicate-handler', () => {
  it('reports the second aspNetCore entry as HTTP 500.19, and an exact copy is removed safely', () => {
    const text = withHandlers(`${LINE}\n        ${LINE}`);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['aspNetCore']);
    assert.ok(issues[0].start > text.indexOf(LINE) + LINE.length);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /already added on line 6.*HTTP 500\.19/);
    assert.equal(issues[0].fixes?.[0].safe, true);
    const fixed = applyAndRecheck(RULE, text, issues[0]);
    assert.equal(fixed.split(LINE).length, 2);
  });

  it('offers removal without calling it safe when the two entries differ', () => {
    const text = withHandlers(`${LINE}\n        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModule" />`);
    const issue = check(RULE, text)[0];
    assert.equal(issue.fixes?.[0].safe, false);
    applyAndRecheck(RULE, text, issue);
  });

  it('accepts remove-then-add, clear, other handlers and separate locations', () => {
    assert.deepEqual(check(RULE, withHandlers(`<remove name="aspNetCore" />\n        ${LINE}`)), []);
    assert.deepEqual(check(RULE, withHandlers(`${LINE}\n        <clear />\n        ${LINE}`)), []);
    assert.deepEqual(check(RULE, withHandlers(`${LINE}\n        <add name="iisnode" path="a.js" verb="*" modules="iisnode" />`)), []);
    const twoLocations = withHandlers(LINE).replace('</configuration>', `  <location path="api"><system.webServer><handlers>${LINE}</handlers></system.webServer></location>\n</configuration>`);
    assert.deepEqual(check(RULE, twoLocations), []);
  });
});
