import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'unknown-webserver-section';
const SECTION = '<aspNetCore processPath="dotnet" arguments=".\\App.dll" />';

describe('unknown-webserver-section', () => {
  it('reports <AppSettings> under <system.webServer> as HTTP 500.19, saying where it belongs', () => {
    const text = publishedConfig(`${SECTION}\n      <AppSettings><add key="a" value="b" /></AppSettings>`);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['AppSettings']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /directly under <configuration>.*HTTP 500\.19/);
  });

  it('reports an IIS section in the wrong case and safely renames it', () => {
    const text = publishedConfig(`${SECTION}\n      <HttpProtocol><customHeaders /></HttpProtocol>`);
    const issue = check(RULE, text)[0];
    assert.equal(issue.fixes?.[0].safe, true);
    assert.match(applyAndRecheck(RULE, text, issue), /<httpProtocol><customHeaders \/><\/httpProtocol>/);
  });

  it('does not call the rename safe when the correctly spelled section is already there', () => {
    const text = publishedConfig(`${SECTION}\n      <HttpProtocol />\n      <httpProtocol />`);
    assert.equal(check(RULE, text)[0].fixes?.[0].safe, false);
  });

  it('never flags sections IIS or a common module knows, names it cannot be sure of, or declared sections', () => {
    const known = ['rewrite', 'iisnode', 'httpPlatform', 'cors', 'applicationInitialization', 'urlCompression', 'webSocket', 'security', 'staticContent', 'myVendorModule']
      .map((name) => `<${name} />`)
      .join('\n      ');
    assert.deepEqual(check(RULE, publishedConfig(`${SECTION}\n      ${known}`)), []);
    const declared = publishedConfig(`${SECTION}\n      <customHeaders />`).replace(
      '<configuration>',
      '<configuration>\n  <configSections><sectionGroup name="system.webServer"><section name="customHeaders" /></sectionGroup></configSections>',
    );
    assert.deepEqual(check(RULE, declared), []);
  });

  it('leaves <AspNetCore> and ANCM collections to their own rules', () => {
    assert.deepEqual(check(RULE, publishedConfig('<AspNetCore processPath="dotnet" />\n      <environmentVariables />')), []);
  });
});
