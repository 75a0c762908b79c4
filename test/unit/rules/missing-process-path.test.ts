import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'missing-process-path';

const TRANSFORM = [
  '<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">',
  '  <system.webServer>',
  '    <aspNetCore xdt:Transform="SetAttributes" stdoutLogEnabled="true" />',
  '  </system.webServer>',
  '</configuration>',
].join('\n');

describe('missing-process-path', () => {
  it('flags <aspNetCore> without processPath as an error on the element name, quoting ANCM', () => {
    const text = publishedConfig('<aspNetCore arguments=".\\MyApp.dll" hostingModel="inprocess" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['aspNetCore']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.0 \("Attribute 'processPath' is required\."\)/);
  });

  it('inserts the table placeholder after the element name, unsafely', () => {
    const text = publishedConfig('<aspNetCore arguments=".\\MyApp.dll" />');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [['Add processPath="dotnet"', false]]);
    assert.equal(applyAndRecheck(RULE, text, issue), publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" />'));
  });

  it('adds arguments too when they are missing as well', () => {
    const text = publishedConfig('<aspNetCore hostingModel="inprocess">\n      </aspNetCore>');
    const [issue] = check(RULE, text);
    assert.equal(
      applyAndRecheck(RULE, text, issue),
      publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" hostingModel="inprocess">\n      </aspNetCore>'),
    );
    const bare = publishedConfig('<aspNetCore/>');
    assert.equal(applyAndRecheck(RULE, bare, check(RULE, bare)[0]), publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll"/>'));
  });

  it('flags an empty processPath on the attribute and fills it', () => {
    const text = publishedConfig('<aspNetCore processPath="" arguments=".\\MyApp.dll" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['processPath=""']);
    assert.match(issues[0].message, /processPath is empty/);
    assert.equal(applyAndRecheck(RULE, text, issues[0]), publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" />'));
  });

  it('accepts any processPath, a section loaded through configSource, and files without a section', () => {
    for (const value of ['dotnet', '%LAUNCHER_PATH%', '.\\MyApp.exe', 'C:\\Program Files\\dotnet\\dotnet.exe']) {
      assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="${value}" />`)), [], value);
    }
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore configSource="aspnetcore.config" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<httpProtocol />')), []);
  });

  it('is skipped in XDT transforms, which are partial by design', () => {
    assert.deepEqual(check(RULE, TRANSFORM), []);
  });

  it('stays quiet while the start tag or the value is being typed', () => {
    for (const body of ['<aspNetCore', '<aspNetCore hostingModel="inprocess"', '<aspNetCore processPath=', '<aspNetCore processPath="', '<aspNetCore processPath']) {
      assert.deepEqual(check(RULE, publishedConfig(body)), [], body);
    }
  });
});
