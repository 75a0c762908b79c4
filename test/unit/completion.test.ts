import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_ATTRIBUTES } from '../../server/src/ancm/attributes';
import { ASPNETCORE_COLLECTIONS } from '../../server/src/ancm/collections';
import { ENVIRONMENT_VARIABLES } from '../../server/src/ancm/environmentVariables';
import { HANDLER_SETTINGS } from '../../server/src/ancm/handlerSettings';
import { ANCM_MODULES } from '../../server/src/ancm/modules';
import { getLanguageService } from '../../server/src/service/languageService';
import type { CompletionEntry } from '../../server/src/service/types';
import { publishedConfig, withCursor } from './cursor';

const service = getLanguageService();

function complete(marked: string): { text: string; offset: number; items: CompletionEntry[] } {
  const { text, offset } = withCursor(marked);
  return { text, offset, items: service.doComplete(service.parseWebConfig(text), offset) };
}

function labels(marked: string): string[] {
  return complete(marked).items.sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
}

/** Applies an entry the way an editor would, with snippet placeholders reduced to their default text. */
function apply(text: string, item: CompletionEntry): string {
  const plain = item.insertText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d/g, '')
    .replace(/\\(.)/g, '$1');
  return text.slice(0, item.replaceStart) + plain + text.slice(item.replaceEnd);
}

function find(items: CompletionEntry[], label: string): CompletionEntry {
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no completion labelled ${label} among ${items.map((candidate) => candidate.label).join(', ')}`);
  return item;
}

describe('attribute names of <aspNetCore>', () => {
  it('offers every schema attribute, most used first, as name="value" snippets', () => {
    const { text, items } = complete(publishedConfig('<aspNetCore |'));
    assert.deepEqual(new Set(items.map((item) => item.label)), new Set(ASPNETCORE_ATTRIBUTES.map((spec) => spec.name)));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
    assert.deepEqual(sorted.slice(0, 3), ['processPath', 'arguments', 'hostingModel']);
    for (const spec of ASPNETCORE_ATTRIBUTES) {
      const item = find(items, spec.name);
      assert.equal(item.snippet, true);
      assert.ok(item.documentation?.includes(spec.summary), spec.name);
      assert.match(apply(text, item), new RegExp(`<aspNetCore ${spec.name}="[^"]*"`));
    }
  });

  it('gives a plain-text detail (the tables\' Markdown would show as backticks beside the label)', () => {
    const { items } = complete(publishedConfig('<aspNetCore |'));
    assert.equal(find(items, 'processPath').detail, "The program ANCM starts: dotnet for a framework-dependent app, or the app's own .exe.");
    for (const item of items) assert.doesNotMatch(item.detail ?? '', /[`*]|\]\(/, item.label);
  });

  it('leaves out attributes already present and keeps the one being typed', () => {
    const names = labels(publishedConfig('<aspNetCore processPath="dotnet" argu| stdoutLogEnabled="false" />'));
    assert.ok(!names.includes('processPath'));
    assert.ok(!names.includes('stdoutLogEnabled'));
    assert.ok(names.includes('arguments'));
  });

  it('replaces only the name when a value already follows', () => {
    const { text, items } = complete(publishedConfig('<aspNetCore hosting|="inprocess" />'));
    const item = find(items, 'hostingModel');
    assert.equal(item.snippet, false);
    assert.ok(apply(text, item).includes('<aspNetCore hostingModel="inprocess" />'));
  });

  it('ranks out-of-process-only attributes after the rest for an in-process app', () => {
    const names = labels(publishedConfig('<aspNetCore hostingModel="inprocess" |'));
    const outOfProcessOnly = ASPNETCORE_ATTRIBUTES.filter((spec) => spec.appliesTo === 'outofprocess').map((spec) => spec.name);
    assert.ok(outOfProcessOnly.length > 0);
    assert.deepEqual(new Set(names.slice(-outOfProcessOnly.length)), new Set(outOfProcessOnly));
  });

  it('works in a start tag with no closing > at the end of the file', () => {
    assert.ok(labels('<configuration><system.webServer><aspNetCore proc|').includes('processPath'));
  });
});

describe('attribute values of <aspNetCore>', () => {
  it('offers inprocess/outofprocess for hostingModel in the casing the value is typed in', () => {
    assert.deepEqual(labels(publishedConfig('<aspNetCore hostingModel="|" />')), ['inprocess', 'outofprocess']);
    assert.deepEqual(labels(publishedConfig('<aspNetCore hostingModel="In|" />')), ['InProcess', 'OutOfProcess']);
    assert.deepEqual(labels(publishedConfig('<aspNetCore hostingModel="OUT|" />')), ['INPROCESS', 'OUTOFPROCESS']);
  });

  it('keeps the casing another section of the file uses', () => {
    const text = `<configuration><location path="a"><system.webServer><aspNetCore hostingModel="OutOfProcess" /></system.webServer></location>
<location path="b"><system.webServer><aspNetCore hostingModel="|" /></system.webServer></location></configuration>`;
    assert.deepEqual(labels(text), ['InProcess', 'OutOfProcess']);
  });

  it('offers true/false for every boolean attribute, default first', () => {
    for (const spec of ASPNETCORE_ATTRIBUTES.filter((candidate) => candidate.valueType === 'bool')) {
      const names = labels(publishedConfig(`<aspNetCore ${spec.name}="|" />`));
      assert.deepEqual(new Set(names), new Set(['true', 'false']), spec.name);
      assert.equal(names[0], spec.defaultValue, spec.name);
    }
  });

  it('offers the default of numeric and time-span attributes', () => {
    for (const spec of ASPNETCORE_ATTRIBUTES.filter((candidate) => candidate.valueType === 'uint' || candidate.valueType === 'timeSpan')) {
      const { items } = complete(publishedConfig(`<aspNetCore ${spec.name}="|" />`));
      assert.equal(find(items, spec.defaultValue!).detail, 'default', spec.name);
    }
  });

  it('closes a value left open when a value is picked', () => {
    const { text, items } = complete(publishedConfig('<aspNetCore hostingModel="in|\n'));
    assert.ok(apply(text, find(items, 'inprocess')).includes('hostingModel="inprocess"\n'));
  });
});

describe('child elements', () => {
  it('offers the three collections inside <aspNetCore>, recycleOnFileChange last and deprecated', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet">\n  <|\n</aspNetCore>'));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(sorted.map((item) => item.label), ['environmentVariables', 'handlerSettings', 'recycleOnFileChange']);
    assert.equal(sorted[2].deprecated, true);
    for (const collection of ASPNETCORE_COLLECTIONS) {
      assert.ok(find(items, collection.name).insertText.startsWith(`${collection.name}>`), 'no < after <');
    }
  });

  it('includes the < when completing a bare word, and leaves out collections already present', () => {
    const { text, items } = complete(publishedConfig('<aspNetCore processPath="dotnet">\n  <handlerSettings />\n  env|\n</aspNetCore>'));
    assert.deepEqual(items.map((item) => item.label), ['environmentVariables', 'recycleOnFileChange']);
    const applied = apply(text, find(items, 'environmentVariables'));
    assert.ok(applied.includes('  <environmentVariables>\n\t<environmentVariable name="" value="" />\n</environmentVariables>\n</aspNetCore>'));
  });

  it('offers an entry for every handler setting not yet used, applicable ones first, and <clear/>', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess">\n<handlerSettings>\n<handlerSetting name="debugFile" value="x" />\n<|\n</handlerSettings>\n</aspNetCore>'));
    for (const spec of HANDLER_SETTINGS) {
      const present = items.some((item) => item.label === `handlerSetting ${spec.name}`);
      assert.equal(present, spec.name !== 'debugFile', spec.name);
    }
    find(items, 'clear');
    const inProcessOnly = find(items, 'handlerSetting stackSize');
    const outOfProcessOnly = find(items, 'handlerSetting forwardResponseConnectionHeader');
    assert.ok(inProcessOnly.sortText < outOfProcessOnly.sortText);
    assert.equal(find(items, 'handlerSetting experimentalEnableShadowCopy').deprecated, true);
  });

  it('offers an entry for every known environment variable', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet">\n<environmentVariables>\n<|\n</environmentVariables>\n</aspNetCore>'));
    for (const spec of ENVIRONMENT_VARIABLES) find(items, `environmentVariable ${spec.name}`);
  });

  it('offers the section and the handler line in system.webServer, and a whole web.config in an empty file', () => {
    assert.deepEqual(labels('<configuration><system.webServer><|</system.webServer></configuration>'), ['aspNetCore', 'handlers']);
    assert.deepEqual(labels('<configuration><system.webServer><handlers><|</handlers></system.webServer></configuration>'), ['add (aspNetCore handler)']);
    const { text, items } = complete('|');
    const whole = apply(text, find(items, 'web.config (ASP.NET Core, published)'));
    const reparsed = service.parseWebConfig(whole);
    assert.equal(reparsed.sections.length, 1);
    assert.equal(reparsed.handlers.length, 1);
    assert.deepEqual(labels('  <|'), ['configuration']);
  });

  it('only renames an element whose tag already has attributes', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet">\n<envi| foo="1">\n</aspNetCore>'));
    assert.equal(find(items, 'environmentVariables').insertText, 'environmentVariables');
  });
});

describe('handlerSetting names and values', () => {
  it('offers every setting name, with settings that do nothing for the hosting model after the rest', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet" hostingModel="outofprocess"><handlerSettings><handlerSetting name="|" value="" /></handlerSettings></aspNetCore>'));
    assert.deepEqual(new Set(items.map((item) => item.label)), new Set(HANDLER_SETTINGS.map((spec) => spec.name)));
    assert.ok(find(items, 'handlerVersion').sortText < find(items, 'stackSize').sortText);
    assert.ok(find(items, 'stackSize').sortText < find(items, 'experimentalEnableShadowCopy').sortText);
  });

  it('offers each setting\'s known values', () => {
    for (const spec of HANDLER_SETTINGS.filter((candidate) => candidate.values && candidate.valueSyntax !== 'debugLevel')) {
      const names = labels(publishedConfig(`<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="${spec.name}" value="|" /></handlerSettings></aspNetCore>`));
      assert.deepEqual(new Set(names), new Set(spec.values), spec.name);
    }
  });

  it('matches the setting name case-insensitively, as ANCM does', () => {
    assert.ok(labels(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="STACKSIZE" value="|" /></handlerSettings></aspNetCore>')).includes('0x100000'));
  });

  it('completes debugLevel token by token after a comma, replacing only that token', () => {
    const { text, items } = complete(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE,TR|" /></handlerSettings></aspNetCore>'));
    assert.ok(!items.some((item) => item.label === 'FILE'), 'FILE is already named');
    assert.ok(apply(text, find(items, 'TRACE')).includes('value="FILE,TRACE"'));
    const afterLevel = labels(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="TRACE,|" /></handlerSettings></aspNetCore>'));
    assert.deepEqual(new Set(afterLevel), new Set(['FILE', 'EVENTLOG', 'CONSOLE']));
  });

  it('offers whole debugLevel combinations for an empty value', () => {
    assert.ok(labels(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="|" /></handlerSettings></aspNetCore>')).includes('FILE,TRACE'));
  });
});

describe('environmentVariable names and values, and handler modules', () => {
  it('offers every known variable name, except ones already set', () => {
    const { items } = complete(publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="aspnetcore_environment" value="x" /><environmentVariable name="|" value="" /></environmentVariables></aspNetCore>'));
    for (const spec of ENVIRONMENT_VARIABLES) {
      assert.equal(items.some((item) => item.label === spec.name), spec.name !== 'ASPNETCORE_ENVIRONMENT', spec.name);
    }
  });

  it('offers Development/Staging/Production for ASPNETCORE_ENVIRONMENT and known values for the rest', () => {
    assert.deepEqual(labels(publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="|" /></environmentVariables></aspNetCore>')), ['Development', 'Staging', 'Production']);
    for (const spec of ENVIRONMENT_VARIABLES.filter((candidate) => candidate.values)) {
      const names = labels(publishedConfig(`<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="${spec.name}" value="|" /></environmentVariables></aspNetCore>`));
      assert.deepEqual(names, [...spec.values!], spec.name);
    }
  });

  it('offers both module names in the handler line, V2 first', () => {
    const names = labels('<configuration><system.webServer><handlers><add name="aspNetCore" path="*" verb="*" modules="|" /></handlers></system.webServer></configuration>');
    assert.deepEqual(names, [...ANCM_MODULES].sort((a, b) => b.majorVersion - a.majorVersion).map((module) => module.name));
  });

  it('offers the handler line attributes with the SDK values', () => {
    const names = labels('<configuration><system.webServer><handlers><add name="aspNetCore" |/></handlers></system.webServer></configuration>');
    assert.deepEqual(names, ['path', 'verb', 'modules', 'resourceType']);
  });
});

describe('places with nothing to offer', () => {
  it('offers nothing inside comments, end tags, or elements ANCM does not own', () => {
    assert.deepEqual(labels('<configuration><!-- <aspNetCore | --></configuration>'), []);
    assert.deepEqual(labels('<configuration><system.webServer></system.web|Server></configuration>'), []);
    assert.deepEqual(labels('<configuration><appSettings><add |/></appSettings></configuration>'), []);
  });
});

describe('replace ranges stay on the cursor line', () => {
  /** Every item's range: on one line (no LF or CR inside it) and holding the cursor, as LSP requires of a completion edit. */
  function assertOnCursorLine(marked: string): CompletionEntry[] {
    const { text, offset, items } = complete(marked);
    assert.ok(items.length > 0, `no completion for ${JSON.stringify(marked)}`);
    for (const item of items) {
      const replaced = text.slice(item.replaceStart, item.replaceEnd);
      assert.doesNotMatch(replaced, /[\r\n]/, `${item.label} replaces ${JSON.stringify(replaced)} in ${JSON.stringify(marked)}`);
      assert.ok(item.replaceStart <= offset && offset <= item.replaceEnd, `${item.label}: [${item.replaceStart}, ${item.replaceEnd}) misses the cursor at ${offset}`);
    }
    return items;
  }

  for (const [name, lineBreak] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`cuts a value that holds a ${name} to the part on the cursor's line`, () => {
      const before = `<aspNetCore processPath="dotnet" hostingModel="out${lineBreak}of|process" />`;
      const { text } = withCursor(publishedConfig(before));
      const item = find(assertOnCursorLine(publishedConfig(before)), 'inprocess');
      assert.equal(text.slice(item.replaceStart, item.replaceEnd), 'ofprocess');
      assert.equal(apply(text, item), publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="out${lineBreak}inprocess" />`));

      const after = `<aspNetCore processPath="dotnet" hostingModel="in|pro${lineBreak}cess" />`;
      const afterItem = find(assertOnCursorLine(publishedConfig(after)), 'outofprocess');
      assert.equal(apply(withCursor(publishedConfig(after)).text, afterItem), publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="outofprocess${lineBreak}cess" />`));
    });

    it(`keeps entry names, debugLevel tokens and open values on one line (${name})`, () => {
      assertOnCursorLine(publishedConfig(`<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="ASPNETCORE${lineBreak}_ENV|${lineBreak}x" value="" /></environmentVariables></aspNetCore>`));
      assertOnCursorLine(publishedConfig(`<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE${lineBreak}TR|${lineBreak}ACE" /></handlerSettings></aspNetCore>`));
      assertOnCursorLine(publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="${lineBreak}|${lineBreak} />`));
    });
  }
});
