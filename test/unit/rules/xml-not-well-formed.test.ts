import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, insertsMarkup, planFixAll } from '../../../server/src/service/codeActions';
import { htmlEntityCodePoint } from '../../../server/src/service/parse/htmlEntities';
import { isWellFormedXml } from '../../../server/src/service/parse/strictXml';
import { doValidation } from '../../../server/src/service/validation';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';
import { CONFORMANCE_CASES } from './xmlConformanceCases';

const RULE = 'xml-not-well-formed';

function section(attributes: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" ${attributes} />`);
}

/** The one issue the rule reports on the text. */
function only(text: string) {
  const issues = check(RULE, text);
  assert.equal(issues.length, 1, `expected one issue, got: ${issues.map((issue) => issue.message).join(' | ')}`);
  return issues[0];
}

describe('xml-not-well-formed: the conformance table', () => {
  for (const testCase of CONFORMANCE_CASES) {
    it(`${testCase.wellFormed ? 'accepts' : 'rejects'} ${testCase.name}`, () => {
      assert.equal(isWellFormedXml(testCase.text), testCase.wellFormed);
      const issues = check(RULE, testCase.text);
      if (testCase.wellFormed) assert.deepEqual(issues, []);
      else assert.equal(marked(testCase.text, issues)[0], testCase.marks);
      for (const issue of issues) assert.equal(issue.severity, 'error');
    });
  }
});

describe('xml-not-well-formed: bare ampersand', () => {
  it("flags each bare '&' of a connection string or URL at its place, and escapes it", () => {
    const text = section('arguments="--urls http://x/?a=1&amp;b=2&c=3"');
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['&']);
    assert.equal(issue.start, text.indexOf('&c=3'));
    assert.equal(issue.message, "Bare '&' in a value: write '&amp;'. IIS rejects the file (HTTP 500.19).");
    assert.equal(issue.fixes?.[0].safe, true);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.ok(fixed.includes('b=2&amp;c=3'));
    assert.ok(isWellFormedXml(fixed));
  });

  it('reports every bare ampersand, and fix-all repairs them all', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="CS" value="Server=a;Password=p&1x;User=b&c" /></environmentVariables></aspNetCore>');
    const { issues } = doValidation(parseWebConfig(text));
    const ampersands = issues.filter((issue) => issue.rule === RULE);
    assert.equal(ampersands.length, 2);
    const fixed = applyEdits(text, planFixAll(ampersands).edits);
    assert.ok(fixed.includes('Password=p&amp;1x;User=b&amp;c'));
    assert.ok(isWellFormedXml(fixed));
  });

  it("treats '&#12 ' (no ';') as a bare '&'", () => {
    assert.deepEqual(marked(section('arguments="&#12 x"'), check(RULE, section('arguments="&#12 x"'))), ['&']);
  });

  it('leaves ampersands in comments and CDATA alone', () => {
    assert.deepEqual(check(RULE, publishedConfig('<!-- a & b --><aspNetCore processPath="dotnet" />')), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" /><x><![CDATA[a & b]]></x>')), []);
  });
});

describe('xml-not-well-formed: undefined entity', () => {
  it("writes an HTML entity as its numeric reference: '&nbsp;' -> '&#160;'", () => {
    const text = section('arguments="a&nbsp;b"');
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['&nbsp;']);
    assert.match(issue.message, /^HTML entity '&nbsp;' is not XML: write '&#160;'/);
    assert.equal(issue.fixes?.[0].safe, true);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('a&#160;b'));
  });

  it('knows the HTML 4 names by their code points', () => {
    assert.equal(htmlEntityCodePoint('nbsp'), 160);
    assert.equal(htmlEntityCodePoint('eacute'), 233);
    assert.equal(htmlEntityCodePoint('yuml'), 255);
    assert.equal(htmlEntityCodePoint('mdash'), 8212);
    assert.equal(htmlEntityCodePoint('euro'), 8364);
    assert.equal(htmlEntityCodePoint('NBSP'), undefined);
  });

  it("reports a name HTML does not know either, and offers (never applies) escaping its '&'", () => {
    const text = section('arguments="Password=p&ss;"');
    const issue = only(text);
    assert.match(issue.message, /^Entity '&ss;' is not defined in XML/);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('Password=p&amp;ss;'));
  });
});

describe("xml-not-well-formed: '--' in a comment", () => {
  it('flags the hyphens of commented-out arguments and offers to separate them, never automatically', () => {
    const text = publishedConfig('<!-- <aspNetCore processPath="dotnet" arguments="app.dll --environment Staging" /> -->\n<aspNetCore processPath="dotnet" />');
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['--']);
    assert.equal(issue.message, "'--' inside a comment: XML forbids it. IIS rejects the file (HTTP 500.19).");
    assert.equal(issue.fixes?.[0].safe, false);
    assert.deepEqual(planFixAll([issue]).edits, []);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.ok(fixed.includes('app.dll - -environment Staging'));
    assert.ok(isWellFormedXml(fixed));
  });

  it("reports a comment that ends in '--->' and puts a space before its end", () => {
    const text = publishedConfig('<!-- old ---><aspNetCore processPath="dotnet" />');
    const issue = only(text);
    assert.match(issue.message, /^Comment ends in '--->'/);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('<!-- old - -->'));
  });

  it('reports a run of hyphens once, and separates all of it', () => {
    const text = publishedConfig('<!-- ------ --><aspNetCore processPath="dotnet" />');
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['------']);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.ok(isWellFormedXml(fixed));
  });
});

describe('xml-not-well-formed: the XML declaration', () => {
  it('removes a blank line before the declaration', () => {
    const text = `\n${section('')}`;
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['<?xml']);
    assert.match(issue.message, /^Whitespace before the XML declaration/);
    assert.equal(issue.fixes?.[0].safe, true);
    assert.equal(applyAndRecheck(RULE, text, issue), section(''));
  });

  it('removes stray text before the declaration, keeping a BOM', () => {
    const text = `\uFEFFb${section('')}`;
    const issue = only(text);
    assert.deepEqual(marked(text, [issue]), ['b']);
    assert.equal(applyAndRecheck(RULE, text, issue), `\uFEFF${section('')}`);
  });

  it('offers to remove a declaration that follows a comment', () => {
    const text = `<!-- published -->\n${section('')}`;
    const issue = only(text);
    assert.match(issue.message, /^XML declaration after other content/);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.ok(isWellFormedXml(applyAndRecheck(RULE, text, issue)));
  });
});

describe('xml-not-well-formed: repeated attribute', () => {
  it('marks the second attribute and offers to remove it, never automatically', () => {
    const text = section('hostingModel="inprocess" stdoutLogEnabled="false" hostingModel="outofprocess"');
    const issue = only(text);
    assert.equal(issue.start, text.lastIndexOf('hostingModel'));
    assert.match(issue.message, /^Attribute 'hostingModel' repeated/);
    assert.equal(issue.fixes?.[0].safe, false);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.equal(fixed, section('hostingModel="inprocess" stdoutLogEnabled="false"'));
  });
});

describe('xml-not-well-formed: several errors', () => {
  it('reports every error it can place, and the first structural one', () => {
    const text = `\n${publishedConfig('<aspNetCore processPath="dotnet" arguments="a&b" />\n<!-- --x -->\n<a></b>\n<c>')}`;
    assert.deepEqual(marked(text, check(RULE, text)), ['<?xml', '&', '--', 'b']);
  });
});

describe('xml-not-well-formed: large files', () => {
  const rules = '<rule name="r"><match url="x" /></rule>\n'.repeat(10_000);
  const large = publishedConfig(`<aspNetCore processPath="dotnet" /><rewrite><rules>${rules}</rules></rewrite>`);

  it('finds each new mistake deep in a large file (the tolerant scan marks it suspect)', () => {
    assert.ok(large.length > 300_000);
    assert.deepEqual(check(RULE, large), []);
    const mistakes: [string, string][] = [
      ['<match url="x" /></rule>\n<rule', '<match url="x&y" /></rule>\n<rule'],
      ['<match url="x" /></rule>\n<rule', '<match url="x&nbsp;" /></rule>\n<rule'],
      ['</rules>', '<!-- a -- b --></rules>'],
      ['<?xml', ' <?xml'],
      ['<match url="x" /></rule>\n<rule', '<match url="x" url="y" /></rule>\n<rule'],
      ['</rules>', '\u0001</rules>'],
      ['</rules>', ']]></rules>'],
      ['<match url="x" /></rule>\n<rule', '<match xdt:Transform="x" /></rule>\n<rule'],
    ];
    for (const [from, to] of mistakes) {
      const broken = large.replace(from, to);
      assert.ok(parseWebConfig(broken).xml.suspect, `suspect: ${to}`);
      assert.equal(check(RULE, broken).length, 1, to);
    }
  });

  it('stays linear on inputs built to be slow', () => {
    // The fastest of three runs, so that a garbage collection or a busy machine does not decide the test.
    const timeOf = (text: string) => {
      let fastest = Infinity;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        check(RULE, text);
        fastest = Math.min(fastest, performance.now() - started);
      }
      return fastest;
    };
    const shapes = [
      (n: number) => `<configuration>${'&'.repeat(n)}</configuration>`,
      (n: number) => `<configuration><a ${Array.from({ length: n / 8 }, (_, i) => `a${i}="&"`).join(' ')}`,
      (n: number) => `<configuration><!--${'-'.repeat(n)}-->`,
      (n: number) => `${'<?xml ?>'.repeat(n / 8)}<configuration/>`,
      (n: number) => `<configuration>${'<a b="'.repeat(n / 6)}`,
      (n: number) => `<configuration>${'<!DOCTYPE x>'.repeat(n / 12)}</configuration>`,
      (n: number) => `<configuration>${'<a/>x'.repeat(n / 5)}</configuration>`,
      (n: number) => `<configuration>${'<a>'.repeat(n / 3)}`,
      (n: number) => `<configuration xmlns:x="urn:x">${'<a xmlns:y="urn:y"><x:b/>'.repeat(n / 25)}`,
    ];
    for (const shape of shapes) {
      timeOf(shape(2_000)); // warm up
      const small = timeOf(shape(20_000));
      const big = timeOf(shape(200_000));
      // Linear work grows about 10 times; quadratic work would grow 100 times.
      assert.ok(big < small * 30 + 50, `${shape.toString()}: ${small.toFixed(1)} ms for 40k, ${big.toFixed(1)} ms for 400k`);
    }
  });
});

describe('no insertion fix on a file that is not well-formed', () => {
  const noHandler = '<configuration>\n  <system.webServer>\n    <aspNetCore processPath="dotnet" />\n  </system.webServer>\n</configuration>\n';

  it('tells insertions of elements and attributes from renames, value changes and removals', () => {
    const fix = (newText: string) => ({ title: 't', safe: true, edits: [{ start: 0, end: 1, newText }] });
    assert.equal(insertsMarkup(fix('<add name="aspNetCore" />')), true);
    assert.equal(insertsMarkup(fix(' value=""')), true);
    assert.equal(insertsMarkup(fix(" hostingModel='inprocess'")), true);
    for (const text of ['value', 'inprocess', '', '&amp;', '- -', '="x"', 'a=b']) assert.equal(insertsMarkup(fix(text)), false, text);
  });

  it('offers the missing-handler insertion on a well-formed file', () => {
    const [issue] = doValidation(parseWebConfig(noHandler)).issues.filter((candidate) => candidate.rule === 'missing-handler');
    assert.ok((issue.fixes ?? []).length > 0);
  });

  it('withholds it while the file is not well-formed, even with xml-not-well-formed off', () => {
    const broken = noHandler.replace('dotnet', 'a&b');
    for (const settings of [{}, { rules: { 'xml-not-well-formed': 'off' as const } }]) {
      const { issues } = doValidation(parseWebConfig(broken), settings);
      const missingHandler = issues.find((issue) => issue.rule === 'missing-handler');
      assert.ok(missingHandler, 'the finding itself stays');
      assert.deepEqual(missingHandler.fixes, []);
    }
  });

  it('keeps fixes that only change a value or a name', () => {
    const broken = section('stdoutLogEnabled="yes" arguments="a&b"');
    const { issues } = doValidation(parseWebConfig(broken));
    const boolean = issues.find((issue) => issue.rule === 'invalid-boolean');
    assert.ok(boolean && (boolean.fixes ?? []).length > 0);
  });
});
