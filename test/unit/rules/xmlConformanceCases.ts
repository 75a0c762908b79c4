// The conformance table for the strict XML check: each input and whether XML 1.0 with Namespaces in XML 1.0
// accepts it, with the text the first finding marks. xml-not-well-formed.test.ts asserts it against the rule;
// bench/xmlParsers.ts runs it against the candidate parsers.

export const XDT = 'xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform"';

export const CONFORMANCE_CASES: readonly { readonly name: string; readonly text: string; readonly wellFormed: boolean; readonly marks?: string }[] = [
  { name: "bare '&' in a value", text: '<configuration><add value="a=1&b=2" /></configuration>', wellFormed: false, marks: '&' },
  { name: "bare '&' in text", text: '<configuration>Tom & Jerry</configuration>', wellFormed: false, marks: '&' },
  { name: "'&nbsp;' (HTML, not XML)", text: '<configuration><add value="a&nbsp;b" /></configuration>', wellFormed: false, marks: '&nbsp;' },
  { name: "'--' in a comment", text: '<configuration><!-- arguments="--environment Staging" --></configuration>', wellFormed: false, marks: '--' },
  { name: "a comment ending in '--->'", text: '<configuration><!-- old ---></configuration>', wellFormed: false, marks: '--' },
  { name: 'a blank line before the declaration', text: '\n<?xml version="1.0"?><configuration/>', wellFormed: false, marks: '<?xml' },
  { name: 'text before the declaration', text: 'b<?xml version="1.0"?><configuration/>', wellFormed: false, marks: 'b' },
  { name: 'a declaration inside the root', text: '<configuration><?xml version="1.0"?></configuration>', wellFormed: false, marks: '<?xml' },
  { name: 'a repeated attribute', text: '<configuration><add name="a" name="b" /></configuration>', wellFormed: false, marks: 'name' },
  { name: "'<' in a value", text: '<configuration><add value="a<b" /></configuration>', wellFormed: false, marks: '<' },
  { name: 'mismatched end tag', text: '<configuration><a></b></configuration>', wellFormed: false, marks: 'b' },
  { name: 'unclosed element', text: '<configuration><a>', wellFormed: false, marks: 'a' },
  { name: 'unquoted value', text: '<configuration><add value=x /></configuration>', wellFormed: false, marks: 'x' },
  { name: "']]>' in text", text: '<configuration>a ]]> b</configuration>', wellFormed: false, marks: ']]>' },
  { name: 'a control character', text: '<configuration>\u0001</configuration>', wellFormed: false, marks: '\u0001' },
  { name: 'a reference to a control character', text: '<configuration>&#1;</configuration>', wellFormed: false, marks: '&#1;' },
  { name: 'an undeclared namespace prefix', text: '<configuration><add xdt:Transform="Insert" /></configuration>', wellFormed: false, marks: 'xdt:Transform' },
  { name: 'a prefix used after the element that declares it', text: '<configuration><a xmlns:x="urn:x"/><x:b/></configuration>', wellFormed: false, marks: 'x:b' },
  { name: 'a prefix unbound with xmlns:x=""', text: '<configuration xmlns:x="urn:x"><a xmlns:x=""/></configuration>', wellFormed: false, marks: 'xmlns:x' },
  { name: 'two root elements', text: '<configuration/><configuration/>', wellFormed: false, marks: 'configuration' },
  { name: 'an unclosed comment', text: '<configuration><!-- a </configuration>', wellFormed: false, marks: '<!--' },
  { name: 'the five predefined entities', text: '<configuration><add value="a&amp;b&lt;&gt;&quot;&apos;" /></configuration>', wellFormed: true },
  { name: 'character references', text: '<configuration><add value="a&#x20;b&#160;&#65;" /></configuration>', wellFormed: true },
  { name: 'CDATA', text: '<configuration><![CDATA[ a & b < c -- ]]></configuration>', wellFormed: true },
  { name: 'comments with single hyphens', text: '<!-- lead --><configuration><!-- a - b --></configuration><!-- tail -->', wellFormed: true },
  { name: 'processing instructions', text: '<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="a"?><configuration><?app x?></configuration>', wellFormed: true },
  { name: 'a BOM and CRLF', text: '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n</configuration>\r\n', wellFormed: true },
  { name: 'a declared prefix', text: `<configuration ${XDT}><add xdt:Transform="Insert" /></configuration>`, wellFormed: true },
  { name: 'a prefix declared on an ancestor, and the xml prefix', text: '<configuration xmlns:x="urn:x" xml:lang="en"><a><x:b x:c="1"/></a><x:d/></configuration>', wellFormed: true },
  { name: "'>' and quotes in values", text: `<configuration><add value="a>b'c" other='d"e' /></configuration>`, wellFormed: true },
  { name: 'a DOCTYPE', text: '<!DOCTYPE configuration><configuration/>', wellFormed: true },
];

