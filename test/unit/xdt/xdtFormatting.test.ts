import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyXdtTransform } from '../../../server/src/service/xdt/applyXdtTransform';

const XDT = 'xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"';

function run(source: string, body: string): string {
  const result = applyXdtTransform(source, `<configuration ${XDT}>\n  <connectionStrings>\n${body}\n  </connectionStrings>\n</configuration>`);
  assert.equal(result.applied, true, JSON.stringify(result.problems));
  return result.text;
}

function connectionStrings(...entries: string[]): string {
  return `<?xml version="1.0"?>\n<configuration>\n  <connectionStrings>\n${entries.map((entry) => `    ${entry}`).join('\n')}\n  </connectionStrings>\n</configuration>\n`;
}

// The scenarios of dotnet/xdt tests/Microsoft.Web.XmlTransform.Tests/Resources/AttributeFormatting_*.xml and
// TagFormatting_*.xml (their .bsl baselines are the real engine's output), rewritten with our own data. The rules
// are those of XmlAttributePreservationDict.cs and XmlFormatter.cs.
describe('XDT formatting of changed start tags', () => {
  it('a removed first attribute leaves its leading whitespace to the next one', () => {
    const text = run(connectionStrings('<add  name="one"   connectionString="cs"    providerName="p" />'), '    <add name="one" xdt:Transform="RemoveAttributes(name)" xdt:Locator="Match(name)"/>');
    assert.equal(text, connectionStrings('<add  connectionString="cs"    providerName="p" />'));
  });

  it('a removed later attribute takes its leading whitespace along, keeping a line break for the next one', () => {
    const sameLine = run(connectionStrings('<add  name="one"   connectionString="cs"    providerName="p" />'), '    <add name="one" xdt:Transform="RemoveAttributes(connectionString)" xdt:Locator="Match(name)"/>');
    assert.equal(sameLine, connectionStrings('<add  name="one"    providerName="p" />'));
    const brokenLine = run(connectionStrings('<add  name="one"\n          connectionString="cs"    providerName="p" />'), '    <add name="one" xdt:Transform="RemoveAttributes(connectionString)" xdt:Locator="Match(name)"/>');
    assert.equal(brokenLine, connectionStrings('<add  name="one"\n          providerName="p" />'));
  });

  it('an added attribute goes on its own line when every attribute is, else after one space', () => {
    const perLine = run(connectionStrings('<add  name="one"\n          connectionString="cs" />'), '    <add name="one" foo="bar" xdt:Transform="SetAttributes(foo)" xdt:Locator="Match(name)"/>');
    assert.equal(perLine, connectionStrings('<add  name="one"\n          connectionString="cs"\n          foo="bar" />'));
    const sameLine = run(connectionStrings('<add  name="one"   connectionString="cs" />'), '    <add name="one" foo="bar" xdt:Transform="SetAttributes(foo)" xdt:Locator="Match(name)"/>');
    assert.equal(sameLine, connectionStrings('<add  name="one"   connectionString="cs" foo="bar" />'));
  });

  it('an inserted element with a long attribute list wraps past column 160 with the indent plus one step', () => {
    const long = 'x'.repeat(120);
    const text = run(connectionStrings('<add name="one" />'), `    <add name="two" connectionString="${long}" providerName="p" xdt:Transform="Insert"/>`);
    assert.equal(text, connectionStrings('<add name="one" />', `<add name="two" connectionString="${long}"\n      providerName="p"/>`));
  });
});

describe('XDT formatting of inserted elements', () => {
  it('indents an inserted subtree level by level, from the source, not from the transform', () => {
    const source = '<?xml version="1.0"?>\n<configuration>\n   <location>\n   </location>\n</configuration>';
    const result = applyXdtTransform(source, `<configuration ${XDT}><location><system.webServer xdt:Transform="Insert"><!-- c --><handlers><add name="h"/></handlers></system.webServer></location></configuration>`);
    // XmlFormatter: one step is the difference between the two nearest indents ("\n" after the declaration, then
    // "\n   "); the new element gets its level's indent, its children one step more, its end tag its own indent.
    assert.equal(result.text, '<?xml version="1.0"?>\n<configuration>\n   <location>\n      <system.webServer>\n         <!-- c -->\n         <handlers>\n            <add name="h"/>\n         </handlers>\n      </system.webServer>\n   </location>\n</configuration>');
  });

  it('InsertBefore the first element of a line puts both on their own lines', () => {
    const source = '<?xml version="1.0"?>\n<configuration>\n  <connectionStrings><add name="a"/>   <!-- same line -->\n    <add name="b" />\n  </connectionStrings>\n</configuration>';
    const text = run(source, `    <add name="n" xdt:Transform="InsertBefore(add[@name='a'])"/>`);
    // TagFormatting_destination.bsl, LookAheadInserted: the indent comes from the next whitespace in the parent.
    assert.equal(text, '<?xml version="1.0"?>\n<configuration>\n  <connectionStrings>\n    <add name="n"/>\n    <add name="a"/>   <!-- same line -->\n    <add name="b" />\n  </connectionStrings>\n</configuration>');
  });
});
