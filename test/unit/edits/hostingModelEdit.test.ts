import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostingModelState, setHostingModel, toggleHostingModel } from '../../../server/src/service/edits/hostingModelEdit';
import { isCannot } from '../../../server/src/service/edits/editResult';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig, withCursor } from '../cursor';
import { applyResult, lines, reasonOf } from './editKit';

function toggled(text: string, cursorOffset?: number): string {
  return applyResult(text, toggleHostingModel(parseWebConfig(text), cursorOffset));
}

/** Two apps in one file, as `<location>`s; `|` marks the cursor when given. */
function twoLocations(first: string, second: string): string {
  return lines(
    '<configuration>',
    '  <location path="api">',
    '    <system.webServer>',
    `      ${first}`,
    '    </system.webServer>',
    '  </location>',
    '  <location path="admin">',
    '    <system.webServer>',
    `      ${second}`,
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
  );
}

describe('toggle hosting model', () => {
  it('switches between the two models keeping the casing the value uses', () => {
    for (const [before, after] of [
      ['inprocess', 'outofprocess'],
      ['InProcess', 'OutOfProcess'],
      ['INPROCESS', 'OUTOFPROCESS'],
      ['outofprocess', 'inprocess'],
      ['OutOfProcess', 'InProcess'],
      ['OUTOFPROCESS', 'INPROCESS'],
    ]) {
      const text = publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="${before}" />`);
      assert.equal(toggled(text), publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="${after}" />`), before);
    }
  });

  it('treats an absent attribute as out-of-process and adds hostingModel after the last attribute', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />');
    assert.equal(toggled(text), publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="inprocess" />'));
    assert.equal(toggled(publishedConfig('<aspNetCore/>')), publishedConfig('<aspNetCore hostingModel="inprocess"/>'));
    const withChildren = publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables /></aspNetCore>');
    assert.equal(toggled(withChildren), publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess"><environmentVariables /></aspNetCore>'));
  });

  it('treats an empty value as out-of-process and fills it in', () => {
    assert.equal(toggled(publishedConfig('<aspNetCore processPath="dotnet" hostingModel="" />')), publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" />'));
  });

  it('keeps single quotes', () => {
    assert.equal(toggled(publishedConfig("<aspNetCore processPath='dotnet' />")), publishedConfig("<aspNetCore processPath='dotnet' hostingModel='inprocess' />"));
    assert.equal(toggled(publishedConfig("<aspNetCore processPath='dotnet' hostingModel='InProcess' />")), publishedConfig("<aspNetCore processPath='dotnet' hostingModel='OutOfProcess' />"));
  });

  it('puts a new attribute on its own line when the tag has one attribute per line, with the file\'s line breaks', () => {
    const layout = (extra: string[]) => ['<configuration>', '  <system.webServer>', '    <aspNetCore processPath="dotnet"', '                stdoutLogEnabled="false"', ...extra, '                >', '    </aspNetCore>', '  </system.webServer>', '</configuration>'];
    const lf = layout([]).join('\n');
    assert.equal(toggled(lf), layout(['                hostingModel="inprocess"']).join('\n'));
    const crlf = layout([]).join('\r\n');
    assert.equal(toggled(crlf), layout(['                hostingModel="inprocess"']).join('\r\n'));
  });

  it('edits only the section the cursor is in', () => {
    const { text, offset } = withCursor(twoLocations('<aspNetCore processPath="a" hostingModel="OutOfProcess" />', '<aspNetCore processPath="b" hostingModel="OutOfProcess"| />'));
    assert.equal(toggled(text, offset), twoLocations('<aspNetCore processPath="a" hostingModel="OutOfProcess" />', '<aspNetCore processPath="b" hostingModel="InProcess" />'));
  });

  it('edits every section when the cursor is outside them, in the casing the file uses for absent values', () => {
    const { text, offset } = withCursor(twoLocations('<aspNetCore processPath="a" hostingModel="OutOfProcess" />', '<aspNetCore processPath="b" />').replace('<location path="admin">', '<location path="admin"|>'));
    assert.equal(toggled(text, offset), twoLocations('<aspNetCore processPath="a" hostingModel="InProcess" />', '<aspNetCore processPath="b" hostingModel="InProcess" />'));
    assert.equal(toggled(text), toggled(text, offset));
  });

  it('refuses to toggle sections that disagree, but sets them all', () => {
    const text = twoLocations('<aspNetCore processPath="a" hostingModel="inprocess" />', '<aspNetCore processPath="b" />');
    const document = parseWebConfig(text);
    assert.deepEqual(hostingModelState(document, undefined), { kind: 'mixed' });
    assert.match(reasonOf(toggleHostingModel(document, undefined)), /different hosting models/);
    assert.equal(applyResult(text, setHostingModel(document, 'inprocess', undefined)), twoLocations('<aspNetCore processPath="a" hostingModel="inprocess" />', '<aspNetCore processPath="b" hostingModel="inprocess" />'));
  });

  it('refuses to toggle a value ANCM rejects, and Set replaces it', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="in-process" />');
    const document = parseWebConfig(text);
    assert.deepEqual(hostingModelState(document, undefined), { kind: 'invalid', value: 'in-process' });
    assert.match(reasonOf(toggleHostingModel(document, undefined)), /'in-process'.*Set Hosting Model/);
    assert.equal(applyResult(text, setHostingModel(document, 'outofprocess', undefined)), publishedConfig('<aspNetCore processPath="dotnet" hostingModel="outofprocess" />'));
  });
});

describe('set hosting model', () => {
  it('makes no edit when the section already runs that model, absent meaning out-of-process', () => {
    for (const [section, model] of [
      ['<aspNetCore processPath="dotnet" />', 'outofprocess'],
      ['<aspNetCore processPath="dotnet" hostingModel="INPROCESS" />', 'inprocess'],
    ] as const) {
      const result = setHostingModel(parseWebConfig(publishedConfig(section)), model, undefined);
      assert.deepEqual(result, { edits: [], model }, section);
    }
  });

  it('reports the model it set', () => {
    const result = setHostingModel(parseWebConfig(publishedConfig('<aspNetCore processPath="dotnet" />')), 'inprocess', undefined);
    assert.ok(!isCannot(result) && result.model === 'inprocess');
  });

  it('gives a reason, not a crash, for half-typed markup or a file without a section', () => {
    const cases: [string, RegExp][] = [
      ['<configuration><system.webServer><aspNetCore processPath="dotnet" hostingModel="in\n  stdoutLogEnabled="false" />', /hostingModel attribute .* not complete/],
      ['<configuration><system.webServer><aspNetCore processPath="dotnet" hostingModel="in', /start tag is not closed/],
      ['<configuration><system.webServer><aspNetCore processPath="dotnet"', /start tag is not closed/],
      ['<configuration><system.webServer><aspNetCore processPath />', /processPath attribute .* not complete/],
      ['<configuration><system.webServer><aspNetCore processPath=dotnet>', /processPath attribute .* not complete/],
      ['<configuration><system.webServer><handlers /></system.webServer></configuration>', /no <aspNetCore> section/],
      ['', /no <aspNetCore> section/],
    ];
    for (const [text, reason] of cases) {
      assert.match(reasonOf(setHostingModel(parseWebConfig(text), 'inprocess', undefined)), reason, text);
    }
  });
});
