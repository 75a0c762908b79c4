import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const XDT = 'xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"';

describe('xml-not-well-formed', () => {
  it('reports the first well-formedness error at its position, as an error', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll>');
    const [issue, ...rest] = check('xml-not-well-formed', text);
    assert.equal(rest.length, 0);
    assert.equal(issue.severity, 'error');
    assert.match(issue.message, /500\.19/);
    assert.ok(issue.start >= text.indexOf('<aspNetCore') && issue.end <= text.length);
  });

  it('reports text before the XML declaration, mismatched tags and a second root', () => {
    assert.deepEqual(marked('b<?xml version="1.0"?><configuration/>', check('xml-not-well-formed', 'b<?xml version="1.0"?><configuration/>')), ['b']);
    assert.equal(check('xml-not-well-formed', '<configuration><system.webServer></configuration>').length, 1);
    const twoRoots = '<configuration/>\n<system.webServer/>';
    assert.deepEqual(marked(twoRoots, check('xml-not-well-formed', twoRoots)), ['system.webServer']);
  });

  it('still finds an error deep in a large file', () => {
    const rules = '<rule name="r"><match url="x" /></rule>\n'.repeat(10_000);
    const large = publishedConfig(`<aspNetCore processPath="dotnet" /><rewrite><rules>${rules}</rules></rewrite>`);
    assert.ok(large.length > 300_000);
    assert.deepEqual(check('xml-not-well-formed', large), []);
    const broken = large.replace('<match url="x" /></rule>\n<rule', '<match url="x" /></rul>\n<rule');
    assert.equal(check('xml-not-well-formed', broken).length, 1);
  });

  it('accepts well-formed files, an empty file, a BOM and CRLF line breaks', () => {
    assert.deepEqual(check('xml-not-well-formed', publishedConfig('<aspNetCore processPath="dotnet" />')), []);
    assert.deepEqual(check('xml-not-well-formed', ''), []);
    assert.deepEqual(check('xml-not-well-formed', '\uFEFF' + publishedConfig('<aspNetCore processPath="dotnet" />').replace(/\n/g, '\r\n')), []);
  });
});

describe('in-process-v1-module', () => {
  const v1InProcess = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="InProcess" />').replace('AspNetCoreModuleV2', 'AspNetCoreModule');

  it('flags the V1 module when the section asks for in-process, and switches it to V2', () => {
    const issues = check('in-process-v1-module', v1InProcess);
    assert.deepEqual(marked(v1InProcess, issues), ['AspNetCoreModule']);
    assert.equal(issues[0].severity, 'warning');
    const fixed = applyAndRecheck('in-process-v1-module', v1InProcess, issues[0]);
    assert.ok(fixed.includes('modules="AspNetCoreModuleV2"'));
  });

  it('accepts V1 out-of-process, V2 in-process, and a module name in another casing', () => {
    assert.deepEqual(check('in-process-v1-module', v1InProcess.replace('InProcess', 'OutOfProcess')), []);
    assert.deepEqual(check('in-process-v1-module', v1InProcess.replace('hostingModel="InProcess"', '')), []);
    assert.deepEqual(check('in-process-v1-module', publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" />').replace('AspNetCoreModuleV2', 'aspnetcoremodulev2')), []);
  });
});

describe('missing-handler', () => {
  it('flags a section with no handler and adds <handlers> with the SDK line, indented like the file', () => {
    const text = '<configuration>\n  <system.webServer>\n    <aspNetCore processPath="dotnet" />\n  </system.webServer>\n</configuration>\n';
    const [issue] = check('missing-handler', text);
    assert.equal(text.slice(issue.start, issue.end), 'aspNetCore');
    const fixed = applyAndRecheck('missing-handler', text, issue);
    assert.equal(fixed, '<configuration>\n  <system.webServer>\n    <handlers>\n      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />\n    </handlers>\n    <aspNetCore processPath="dotnet" />\n  </system.webServer>\n</configuration>\n');
  });

  it('adds the line into an existing <handlers> element', () => {
    const text = '<configuration>\r\n\t<system.webServer>\r\n\t\t<handlers>\r\n\t\t\t<remove name="WebDAV" />\r\n\t\t</handlers>\r\n\t\t<aspNetCore processPath="dotnet" />\r\n\t</system.webServer>\r\n</configuration>';
    const fixed = applyAndRecheck('missing-handler', text, check('missing-handler', text)[0]);
    assert.ok(fixed.includes('\t\t\t<remove name="WebDAV" />\r\n\t\t\t<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />\r\n\t\t</handlers>'));
  });

  it('is quiet when a handler exists, and in XDT transforms', () => {
    assert.deepEqual(check('missing-handler', publishedConfig('<aspNetCore processPath="dotnet" />')), []);
    assert.deepEqual(check('missing-handler', `<configuration ${XDT}><system.webServer><aspNetCore xdt:Transform="SetAttributes" hostingModel="inprocess" /></system.webServer></configuration>`), []);
  });
});

describe('missing-aspnetcore-section', () => {
  it('flags a handler that maps ANCM in a file with no section', () => {
    const text = '<configuration><system.webServer><handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" /></handlers></system.webServer></configuration>';
    assert.deepEqual(marked(text, check('missing-aspnetcore-section', text)), ['add']);
  });

  it('is quiet with a section, and in transforms', () => {
    assert.deepEqual(check('missing-aspnetcore-section', publishedConfig('<aspNetCore processPath="dotnet" />')), []);
    assert.deepEqual(check('missing-aspnetcore-section', `<configuration ${XDT}><system.webServer><handlers><add name="aspNetCore" modules="AspNetCoreModuleV2" xdt:Transform="Insert" /></handlers></system.webServer></configuration>`), []);
  });
});
