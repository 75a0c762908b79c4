import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml } from '../../../server/src/service/parse/xmlDocument';
import type { TextEdit } from '../../../server/src/service/types';
import { insertAttributesAfterName, replaceValue } from '../../../server/src/service/xmlEdit/edits';

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('the XML edit toolkit', () => {
  it('escapes a new value for the quotes around it, as the rules and the commands both write values', () => {
    const single = "<a x='old' />";
    const attribute = parseXml(single).elements[0].attributes[0];
    assert.equal(apply(single, replaceValue(attribute, `it's "<&>"`)), `<a x='it&apos;s "&lt;&amp;>"' />`);
    const double = '<a x="old" />';
    assert.equal(apply(double, replaceValue(parseXml(double).elements[0].attributes[0], `it's "q"`)), `<a x="it's &quot;q&quot;" />`);
    const bare = '<a x />';
    assert.equal(apply(bare, replaceValue(parseXml(bare).elements[0].attributes[0], 'v"')), '<a x="v&quot;" />');
  });

  it('writes new attributes with their values escaped', () => {
    const text = '<a />';
    assert.equal(apply(text, insertAttributesAfterName(parseXml(text).elements[0], [['b', '1 < 2 & "3"']])), '<a b="1 &lt; 2 &amp; &quot;3&quot;" />');
  });
});
