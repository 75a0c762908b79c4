import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_ATTRIBUTES } from '../../../server/src/ancm/attributes';
import { HANDLER_SETTINGS } from '../../../server/src/ancm/handlerSettings';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'not-for-hosting-model';

const OUT_OF_PROCESS_ONLY = ASPNETCORE_ATTRIBUTES.filter((attribute) => attribute.appliesTo === 'outofprocess');

function v1Config(sectionBody: string): string {
  return publishedConfig(sectionBody).replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModule"');
}

describe('not-for-hosting-model', () => {
  it('leaves forwardWindowsAuthToken alone in-process: templates wrote it there and it is harmless', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" hostingModel="InProcess" forwardWindowsAuthToken="false" />')), []);
  });

  it('flags out-of-process-only attributes of an in-process app as a warning, faded', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="InProcess" requestTimeout="23:00:00" rapidFailsPerMinute="5" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['requestTimeout="23:00:00"', 'rapidFailsPerMinute="5"']);
    assert.ok(issues.every((issue) => issue.severity === 'warning' && issue.unnecessary === true));
    assert.match(issues[0].message, /ANCM ignores requestTimeout for in-process apps \(it is out-of-process only\)/);
  });

  it('follows the table: every out-of-process-only attribute but forwardWindowsAuthToken is flagged in-process', () => {
    const attributes = OUT_OF_PROCESS_ONLY.map((attribute) => `${attribute.name}="${attribute.name === 'processesPerApplication' ? '2' : 'x'}"`).join(' ');
    const text = publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="inprocess" ${attributes} />`);
    const flagged = check(RULE, text).map((issue) => text.slice(issue.start, issue.end).split('=')[0]);
    assert.deepEqual(flagged, OUT_OF_PROCESS_ONLY.map((attribute) => attribute.name).filter((name) => name !== 'forwardWindowsAuthToken'));
  });

  it('flags processesPerApplication in-process only above 1', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" processesPerApplication="1" />')), []);
    assert.equal(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" processesPerApplication="4" />')).length, 1);
  });

  it('offers an unsafe removal of the attribute', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" requestTimeout="00:10:00" hostingModel="inprocess" />');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" />'));
    const multiLine = publishedConfig('<aspNetCore processPath="dotnet"\n        hostingModel="inprocess"\n        rapidFailsPerMinute="5" />');
    assert.equal(applyAndRecheck(RULE, multiLine, check(RULE, multiLine)[0]), publishedConfig('<aspNetCore processPath="dotnet"\n        hostingModel="inprocess" />'));
  });

  it('flags handler settings of the other model, matching names case-insensitively', () => {
    const settings = (model: string) =>
      publishedConfig(
        `<aspNetCore processPath="dotnet" hostingModel="${model}"><handlerSettings>` +
          '<handlerSetting name="STACKSIZE" value="0x200000" /><handlerSetting name="handlerVersion" value="19.0.24303" />' +
          '<handlerSetting name="debugLevel" value="FILE,TRACE" /></handlerSettings></aspNetCore>',
      );
    const inProcess = settings('inprocess');
    const inIssues = check(RULE, inProcess);
    assert.deepEqual(marked(inProcess, inIssues), ['<handlerSetting name="handlerVersion" value="19.0.24303" />']);
    assert.match(inIssues[0].message, /handler setting handlerVersion for in-process apps/);
    const outOfProcess = settings('');
    const outIssues = check(RULE, outOfProcess);
    assert.deepEqual(marked(outOfProcess, outIssues), ['<handlerSetting name="STACKSIZE" value="0x200000" />']);
    assert.match(outIssues[0].message, /handler setting stackSize for out-of-process apps/);
    applyAndRecheck(RULE, outOfProcess, outIssues[0]);
  });

  it('treats an absent or empty hostingModel as out-of-process, and stays out of the way when it is invalid', () => {
    const inProcessOnly = HANDLER_SETTINGS.find((setting) => setting.appliesTo === 'inprocess')?.name;
    const body = `<handlerSettings><handlerSetting name="${inProcessOnly}" value="x" /></handlerSettings>`;
    assert.equal(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet">${body}</aspNetCore>`)).length, 1);
    assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="in-process" requestTimeout="00:10:00">${body}</aspNetCore>`)), []);
  });

  it('accepts out-of-process attributes out of process', () => {
    const attributes = OUT_OF_PROCESS_ONLY.map((attribute) => `${attribute.name}="2"`).join(' ');
    assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="OutOfProcess" ${attributes} />`)), []);
    assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" ${attributes} />`)), []);
  });

  it('stays quiet for hostingModel="inprocess" under ANCM V1, which runs every app out of process', () => {
    assert.deepEqual(check(RULE, v1Config('<aspNetCore processPath="dotnet" hostingModel="inprocess" forwardWindowsAuthToken="false" />')), []);
  });

  it('is skipped in XDT transforms, where the base file decides the hosting model', () => {
    const transform = [
      '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
      '  <system.webServer>',
      '    <aspNetCore xdt:Transform="SetAttributes" hostingModel="inprocess" requestTimeout="00:10:00" />',
      '  </system.webServer>',
      '</configuration>',
    ].join('\n');
    assert.deepEqual(check(RULE, transform), []);
  });

  it('does not throw on half-typed input', () => {
    for (const body of ['<aspNetCore hostingModel="inprocess" requestTimeout=', '<aspNetCore hostingModel="inprocess"><handlerSettings><handlerSetting name="', '<aspNetCore hostingModel="inprocess" processesPerApplication="']) {
      const text = publishedConfig(body);
      for (const issue of check(RULE, text)) assert.ok(issue.start >= 0 && issue.end <= text.length);
    }
  });
});
