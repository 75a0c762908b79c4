import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectNodes } from '../../../server/src/service/xdt/xpathEvaluator';
import { XPathError } from '../../../server/src/service/xdt/xpathParser';
import { readXml } from '../../../server/src/service/xdt/xdtReader';
import type { XPathNode } from '../../../server/src/service/xdt/xdtTree';

const document = readXml(`<configuration>
  <appSettings>
    <add key="a" value="1" />
    <add key="b" value="x'y" />
    <add key="c" value='say "hi"' />
  </appSettings>
  <location path=".">
    <system.webServer><aspNetCore processPath="dotnet" /></system.webServer>
  </location>
</configuration>`)!;

function describeNode(node: XPathNode): string {
  if (node.kind === 'attribute') return `@${node.qname}=${node.value}`;
  if (node.kind === 'element') return node.attribute('key') ? `${node.qname}[${node.attribute('key')!.value}]` : node.qname;
  return node.kind;
}

function select(xpath: string, context: XPathNode = document): string[] {
  return selectNodes(xpath, context).map(describeNode);
}

// XPath 1.0 (W3C) semantics as System.Xml's XmlNode.SelectNodes applies them to the paths XDT builds
// (dotnet/xdt XmlLocator.cs: /parent/name[predicate]) and the ones people write in Condition and XPath locators.
describe('XPath subset', () => {
  it('absolute and relative paths, *, .. and //', () => {
    assert.deepEqual(select('/configuration/appSettings/add'), ['add[a]', 'add[b]', 'add[c]']);
    assert.deepEqual(select('/configuration/*'), ['appSettings', 'location']);
    assert.deepEqual(select('//aspNetCore/../..'), ['location']);
    const appSettings = selectNodes('/configuration/appSettings', document)[0];
    assert.deepEqual(select('add[2]', appSettings), ['add[b]']);
    assert.deepEqual(select('./add[last()]/@key', appSettings), ['@key=c']);
  });

  it('attribute predicates with =, !=, and, or, not() and both quote styles', () => {
    assert.deepEqual(select(`/configuration/appSettings/add[@key='a' or @key="c"]`), ['add[a]', 'add[c]']);
    assert.deepEqual(select(`//add[@key!='a' and not(@value='1')]`), ['add[b]', 'add[c]']);
    assert.deepEqual(select(`//add[@value="x'y"]`), ['add[b]']);
    assert.deepEqual(select(`//add[@value='say "hi"']`), ['add[c]']);
    assert.deepEqual(select('//add[@missing]'), []);
  });

  it('position, contains(), starts-with() and numbers', () => {
    assert.deepEqual(select('//add[position() > 1]'), ['add[b]', 'add[c]']);
    assert.deepEqual(select(`//add[contains(@value, 'hi')]`), ['add[c]']);
    assert.deepEqual(select(`//*[starts-with(name(), 'system.')]`), ['system.webServer']);
    assert.deepEqual(select('//add[@value = 1]'), ['add[a]']);
    assert.deepEqual(select('//add[@key][1]'), ['add[a]']);
  });

  it('unions come back in document order', () => {
    const add = selectNodes('//add[2]', document)[0];
    assert.deepEqual(select('@value|@key', add), ['@key=b', "@value=x'y"]);
  });

  it('throws XPathError with System.Xml texts for what it cannot compile or run', () => {
    assert.throws(() => selectNodes('/configuration/add[@key=]', document), new XPathError("'/configuration/add[@key=]' has an invalid token."));
    assert.throws(() => selectNodes(`//add[@key='a]`, document), new XPathError('This is an unclosed string.'));
    assert.throws(() => selectNodes('//add[frobnicate()]', document), new XPathError('XsltContext is needed for this query because of an unknown function.'));
    assert.throws(() => selectNodes('count(//add)', document), new XPathError('Expression must evaluate to a node-set.'));
    assert.throws(() => selectNodes('//x:add', document), XPathError);
    assert.throws(() => selectNodes('//add[contains(@key)]', document), XPathError);
  });
});
