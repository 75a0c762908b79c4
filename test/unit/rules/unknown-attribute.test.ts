import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_ATTRIBUTES } from '../../../server/src/ancm/attributes';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'unknown-attribute';

describe('unknown-attribute', () => {
  it('flags a misspelled <aspNetCore> attribute as an error on its name, with a 500.19 message', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" stdoutLogFlie=".\\logs\\stdout" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['stdoutLogFlie']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.19/);
    assert.match(issues[0].message, /Did you mean 'stdoutLogFile'\?/);
  });

  it('treats names as case-sensitive, and a case-only rename is a safe fix', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" stdoutLogFIle=".\\logs\\stdout" />');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, true);
    assert.equal(applyAndRecheck(RULE, text, issue), publishedConfig('<aspNetCore processPath="dotnet" stdoutLogFile=".\\logs\\stdout" />'));
  });

  it('offers a spelling rename only as an unsafe fix', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModle="inprocess" />');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" />'));
  });

  it('offers no rename when nothing is close, or when the element already has the suggested attribute', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" bananas="1" processpath="x" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['bananas', 'processpath']);
    assert.deepEqual(issues.map((issue) => issue.fixes?.length), [0, 0]);
  });

  it('flags unknown attributes on collection entries, <clear> and the collection element', () => {
    const text = publishedConfig(
      '<aspNetCore processPath="dotnet"><environmentVariables foo="1"><clear all="true" />' +
        '<environmentVariable Name="A" value="1" /></environmentVariables>' +
        '<handlerSettings><handlerSetting name="debugLevel" vaule="FILE" /></handlerSettings>' +
        '<recycleOnFileChange><file path="a" name="b" /></recycleOnFileChange></aspNetCore>',
    );
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['foo', 'all', 'Name', 'vaule', 'name']);
    const name = issues.find((issue) => text.slice(issue.start, issue.end) === 'Name');
    assert.ok(name);
    assert.match(applyAndRecheck(RULE, text, name), /<environmentVariable name="A" value="1" \/>/);
  });

  it('accepts every schema attribute and the general attributes IIS allows on any section', () => {
    const all = ASPNETCORE_ATTRIBUTES.map((attribute) => `${attribute.name}="x"`).join(' ');
    const general = 'configSource="a.config" lockAttributes="processPath" lockAllAttributesExcept="x" lockElements="x" lockAllElementsExcept="x" lockItem="true"';
    assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore ${all} ${general} />`)), []);
    const entries = '<environmentVariables lockItem="true"><clear /><environmentVariable name="A" value="" lockItem="true" /></environmentVariables>';
    assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet">${entries}</aspNetCore>`)), []);
  });

  it('never flags namespace declarations or XDT attributes', () => {
    const text = [
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <system.webServer>',
      '    <aspNetCore xmlns="urn:x" xmlns:foo="urn:y" xdt:Transform="SetAttributes" stdoutLogEnabled="true">',
      '      <environmentVariables>',
      '        <environmentVariable name="A" value="1" xdt:Locator="Match(name)" xdt:Transform="Insert" />',
      '      </environmentVariables>',
      '    </aspNetCore>',
      '  </system.webServer>',
      '</configuration>',
    ].join('\n');
    assert.deepEqual(check(RULE, text), []);
  });

  it('leaves elements outside <aspNetCore> and unknown children to other rules', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet"><stuff foo="1" /></aspNetCore>');
    assert.deepEqual(check(RULE, text), []);
  });

  it('does not throw on half-typed attributes', () => {
    for (const body of ['<aspNetCore proc', '<aspNetCore processPath=', '<aspNetCore stdoutLogFIle="', '<aspNetCore x="1"']) {
      const text = publishedConfig(body);
      for (const issue of check(RULE, text)) assert.ok(issue.start >= 0 && issue.end <= text.length);
    }
    assert.deepEqual(marked(publishedConfig('<aspNetCore proc'), check(RULE, publishedConfig('<aspNetCore proc'))), ['proc']);
  });
});
