import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementAt, getAttribute, parseXml } from '../../server/src/service/parse/xmlDocument';

function slice(text: string, start: number | undefined, end: number | undefined): string | undefined {
  return start === undefined || end === undefined ? undefined : text.slice(start, end);
}

describe('parseXml on well-formed XML', () => {
  const text = '<?xml version="1.0"?>\n<configuration>\n  <!-- <aspNetCore/> in a comment -->\n  <system.webServer>\n    <aspNetCore processPath="dotnet" arguments=\'.\\app.dll\' hostingModel = "InProcess" />\n  </system.webServer>\n</configuration>\n';
  const document = parseXml(text);

  it('builds the element tree and skips comments and the declaration', () => {
    assert.deepEqual(document.elements.map((element) => element.name), ['configuration', 'system.webServer', 'aspNetCore']);
    assert.equal(document.roots.length, 1);
    assert.equal(document.comments.length, 1);
    const section = document.elements[2];
    assert.equal(section.parent?.name, 'system.webServer');
    assert.equal(section.selfClosing, true);
    assert.equal(slice(text, section.start, section.end), '<aspNetCore processPath="dotnet" arguments=\'.\\app.dll\' hostingModel = "InProcess" />');
  });

  it('gives exact name and value ranges for each attribute, either quote, with spaces around =', () => {
    const section = document.elements[2];
    assert.deepEqual(section.attributes.map((attribute) => [slice(text, attribute.nameStart, attribute.nameEnd), slice(text, attribute.valueStart, attribute.valueEnd), attribute.quote, attribute.valueClosed]), [
      ['processPath', 'dotnet', '"', true],
      ['arguments', '.\\app.dll', "'", true],
      ['hostingModel', 'InProcess', '"', true],
    ]);
  });

  it('records end tags', () => {
    const configuration = document.elements[0];
    assert.equal(slice(text, configuration.endTag?.start, configuration.endTag?.end), '</configuration>');
    assert.equal(configuration.end, text.lastIndexOf('>') + 1);
  });
});

describe('parseXml on half-typed XML', () => {
  it('keeps an unclosed start tag at the end of the text, with a name-only attribute', () => {
    const text = '<configuration><system.webServer><aspNetCore proc';
    const section = parseXml(text).elements[2];
    assert.equal(section.name, 'aspNetCore');
    assert.equal(section.startTagEnd, undefined);
    assert.equal(section.end, text.length);
    const [attribute] = section.attributes;
    assert.equal(attribute.name, 'proc');
    assert.equal(attribute.equalsAt, undefined);
    assert.equal(attribute.value, undefined);
  });

  it('cuts a value with a missing closing quote at the line break, and reads the next attribute', () => {
    const text = '<aspNetCore processPath="dotnet\n            arguments=".\\app.dll" />';
    const section = parseXml(text).elements[0];
    const processPath = getAttribute(section, 'processPath')!;
    assert.equal(processPath.value, 'dotnet');
    assert.equal(processPath.valueClosed, false);
    assert.equal(getAttribute(section, 'arguments')?.value, '.\\app.dll');
    assert.equal(section.selfClosing, true);
  });

  it('stops an unclosed value at the next tag rather than swallowing it', () => {
    const text = '<system.webServer>\n<aspNetCore hostingModel="in\n<handlers><add name="x"/></handlers>\n</system.webServer>';
    const document = parseXml(text);
    const section = document.elements[1];
    assert.equal(getAttribute(section, 'hostingModel')?.value, 'in');
    assert.equal(section.startTagEnd, undefined);
    assert.ok(document.elements.some((element) => element.name === 'handlers'));
    assert.equal(document.elements[0].endTag?.closed, true);
  });

  it('closes elements left open when an outer end tag arrives, and ignores stray end tags', () => {
    const text = '<a><b><c></a></zzz><d/>';
    const document = parseXml(text);
    const [a, b, c] = document.elements;
    assert.equal(a.endTag?.closed, true);
    assert.equal(b.endTag, undefined);
    assert.equal(c.end, text.indexOf('</a>'));
    assert.deepEqual(document.roots.map((root) => root.name), ['a', 'd']);
  });

  it('treats a lone < as text and an unclosed comment as running to the end', () => {
    const document = parseXml('<a>\n  <\n  <!-- <b/>');
    assert.deepEqual(document.elements.map((element) => element.name), ['a']);
    assert.equal(document.comments.length, 1);
  });

  it('decodes entities in values and skips CDATA and a BOM', () => {
    const document = parseXml('\uFEFF<a v="&quot;x&quot; &amp; &#65;&#x42; &unknown;"><![CDATA[<b/>]]></a>');
    assert.deepEqual(document.elements.map((element) => element.name), ['a']);
    assert.equal(getAttribute(document.elements[0], 'v')?.value, '"x" & AB &unknown;');
  });

  it('reads an unquoted value up to the next delimiter', () => {
    const attribute = parseXml('<a v=true w="x">').elements[0].attributes[0];
    assert.equal(attribute.value, 'true');
    assert.equal(attribute.quote, undefined);
  });
});

describe('elementAt', () => {
  const text = '<a><b x="1"></b><c></c></a>';
  const document = parseXml(text);

  it('finds the deepest element covering an offset', () => {
    assert.equal(elementAt(document, text.indexOf('x='))?.name, 'b');
    assert.equal(elementAt(document, text.indexOf('<c>') + 3)?.name, 'c');
    assert.equal(elementAt(document, text.indexOf('<c>'))?.name, 'a');
    assert.equal(elementAt(document, text.length), undefined);
  });

  it('covers the end of text for an element never closed', () => {
    const open = parseXml('<a><b');
    assert.equal(elementAt(open, 5)?.name, 'b');
  });
});

describe('parseXml on hostile input', () => {
  it('handles 100,000 nested unclosed elements without recursion', () => {
    const text = '<a>'.repeat(100_000);
    const document = parseXml(text);
    assert.equal(document.elements.length, 100_000);
    assert.equal(elementAt(document, text.length)?.name, 'a');
  });

  // The timeout is a hang guard: a quadratic scan of 10 MB would take hours.
  it('parses a 10 MB single line', { timeout: 30_000 }, () => {
    const text = '<a ' + 'x="1" '.repeat(1_700_000) + '>';
    const document = parseXml(text);
    assert.equal(document.elements[0].attributes.length, 1_700_000);
  });

  it('parses a 10 MB single line with an unclosed quote and no tags', { timeout: 30_000 }, () => {
    const text = '<a x="' + 'y'.repeat(10_000_000);
    const attribute = parseXml(text).elements[0].attributes[0];
    assert.equal(attribute.valueEnd, text.length);
    assert.equal(attribute.valueClosed, false);
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '<>/="\' \n\tabc!?-[]&;#x';
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const document = parseXml(text);
      for (const element of document.elements) {
        assert.ok(element.start >= 0 && element.end <= text.length && element.nameEnd <= text.length, text);
        for (const attribute of element.attributes) assert.ok(attribute.end <= text.length, text);
      }
    }
  });
});

describe('the scan flags what a strict XML parser rejects', () => {
  const clean = [
    '<?xml version="1.0"?>\n<configuration a="1" b=\'2\'><!-- < --><x><![CDATA[ < ]]></x>&amp;&#65;&#x41;</configuration>\n',
    '\uFEFF<?xml version="1.0"?><a/>',
    '<a><?xml-stylesheet href="x"?></a>',
  ];
  const broken = [
    '<a><b></a>', '<a>', '<a></b></a>', '<a x="1>', '<a x=1/>', '<a x/>', '<a x="1" x="2"/>', '<a/><b/>', 'text<a/>', '<a/>text',
    '<a>&</a>', '<a>&nbsp;</a>', '<1a/>', '<a><!-- unclosed </a>', '<a>\n<\n</a>', ' <?xml version="1.0"?><a/>', '<a><?xml version="1.0"?></a>', '<a></a',
  ];

  it('is quiet on well-formed XML', () => {
    for (const text of clean) assert.equal(parseXml(text).suspect, false, text);
  });

  it('is raised by each kind of well-formedness error', () => {
    for (const text of broken) assert.equal(parseXml(text).suspect, true, text);
  });
});
