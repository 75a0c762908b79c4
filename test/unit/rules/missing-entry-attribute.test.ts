import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, planFixAll } from '../../../server/src/service/codeActions';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'missing-entry-attribute';

function section(body: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet">${body}</aspNetCore>`);
}

describe('missing-entry-attribute', () => {
  it('flags entries without a required attribute as errors on the element name', () => {
    const text = section(
      '<environmentVariables><environmentVariable name="A" /></environmentVariables>' +
        '<handlerSettings><handlerSetting value="FILE" /></handlerSettings>' +
        '<recycleOnFileChange><file /></recycleOnFileChange>',
    );
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['environmentVariable', 'handlerSetting', 'file']);
    assert.ok(issues.every((issue) => issue.severity === 'error' && /HTTP 500\.19/.test(issue.message)));
    assert.match(issues[0].message, /needs a value attribute \(it may be empty\)/);
    assert.match(issues[1].message, /needs a name attribute/);
    assert.match(issues[2].message, /needs a path attribute/);
    assert.deepEqual(issues.map((issue) => issue.fixes?.length), [1, 0, 0]);
  });

  it('inserts value="" after the last attribute, unsafely', () => {
    const text = section('<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" /></environmentVariables>');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), section('<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="" /></environmentVariables>'));
  });

  it('renames a wrongly cased Value= or NAME= safely, keeping its value, instead of adding an empty one', () => {
    const text = section('<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" Value="Staging" /></environmentVariables>');
    const [issue] = check(RULE, text);
    assert.match(issue.message, /needs a value attribute, and 'Value' is not it \(attribute names are case-sensitive\)/);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [["Rename 'Value' to 'value', keeping its value", true]]);
    assert.equal(applyAndRecheck(RULE, text, issue), section('<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Staging" /></environmentVariables>'));
    const upper = section('<handlerSettings><handlerSetting NAME="debugLevel" value="FILE" /></handlerSettings>');
    const [upperIssue] = check(RULE, upper);
    assert.deepEqual(upperIssue.fixes?.map((fix) => [fix.title, fix.safe]), [["Rename 'NAME' to 'name', keeping its value", true]]);
    assert.equal(applyAndRecheck(RULE, upper, upperIssue), section('<handlerSettings><handlerSetting name="debugLevel" value="FILE" /></handlerSettings>'));
  });

  it('offers each of two wrongly cased candidates, neither safe, since only the user knows which value to keep', () => {
    const text = section('<environmentVariables><environmentVariable name="A" Value="1" VALUE="2" /></environmentVariables>');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [
      ["Rename 'Value' to 'value', keeping its value", false],
      ["Rename 'VALUE' to 'value', keeping its value", false],
    ]);
    assert.ok(applyAndRecheck(RULE, text, issue, "Rename 'VALUE' to 'value', keeping its value").includes('Value="1" value="2"'));
  });

  it('leaves the rename of Value= to fix-all once, though unknown-attribute offers the same edit', () => {
    const text = section('<environmentVariables><environmentVariable name="A" Value="1" /></environmentVariables>');
    const issues = doValidation(parseWebConfig(text)).issues.filter((issue) => issue.rule === RULE || issue.rule === 'unknown-attribute');
    assert.deepEqual(issues.map((issue) => issue.rule).sort(), ['missing-entry-attribute', 'unknown-attribute']);
    const fixed = applyEdits(text, planFixAll(issues).edits);
    assert.equal(fixed, section('<environmentVariables><environmentVariable name="A" value="1" /></environmentVariables>'));
  });

  it('flags an empty name or path on the attribute, and accepts an empty value', () => {
    const text = section(
      '<environmentVariables><environmentVariable name="" value="x" /><environmentVariable name="A" value="" /></environmentVariables>' +
        '<recycleOnFileChange><file path="" /></recycleOnFileChange>',
    );
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['name=""', 'path=""']);
    assert.match(issues[0].message, /must not be empty/);
  });

  it('accepts complete entries and <clear>', () => {
    const text = section(
      '<environmentVariables><clear /><environmentVariable name="A" value="1" /></environmentVariables>' +
        '<handlerSettings><handlerSetting name="debugLevel" value="FILE" /></handlerSettings>' +
        '<recycleOnFileChange><file path="a.json" /></recycleOnFileChange>',
    );
    assert.deepEqual(check(RULE, text), []);
  });

  it('skips entries that carry XDT attributes, and XDT transforms', () => {
    const remove = section('<environmentVariables><environmentVariable name="A" xdt:Transform="Remove" xdt:Locator="Match(name)" /></environmentVariables>');
    assert.deepEqual(check(RULE, remove), []);
    const transform = [
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <system.webServer><aspNetCore><environmentVariables>',
      '    <environmentVariable name="A" />',
      '  </environmentVariables></aspNetCore></system.webServer>',
      '</configuration>',
    ].join('\n');
    assert.deepEqual(check(RULE, transform), []);
  });

  it('stays quiet while an entry is being typed', () => {
    for (const body of ['<aspNetCore><environmentVariables><environmentVariable', '<aspNetCore><environmentVariables><environmentVariable name="A"', '<aspNetCore><environmentVariables><environmentVariable name= value="1" />']) {
      const text = publishedConfig(body);
      for (const issue of check(RULE, text)) assert.ok(issue.start >= 0 && issue.end <= text.length);
    }
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore><environmentVariables><environmentVariable name="A"')), []);
  });
});
