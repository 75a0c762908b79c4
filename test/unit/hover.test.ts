import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { ASPNETCORE_ATTRIBUTES } from '../../server/src/ancm/attributes';
import { ASPNETCORE_COLLECTIONS } from '../../server/src/ancm/collections';
import { ENVIRONMENT_VARIABLES } from '../../server/src/ancm/environmentVariables';
import { HANDLER_SETTINGS } from '../../server/src/ancm/handlerSettings';
import { ANCM_MODULES, HANDLER_ENTRY_ATTRIBUTES } from '../../server/src/ancm/modules';
import { getLanguageService } from '../../server/src/service/languageService';
import { publishedConfig, withCursor } from './cursor';

const service = getLanguageService();

function hover(marked: string): { markdown: string; covered: string } | undefined {
  const { text, offset } = withCursor(marked);
  const result = service.doHover(service.parseWebConfig(text), offset);
  return result && { markdown: result.markdown, covered: text.slice(result.start, result.end) };
}

function mustHover(marked: string): { markdown: string; covered: string } {
  const result = hover(marked);
  assert.ok(result, `no hover at ${marked}`);
  return result;
}

describe('hover on <aspNetCore> attributes', () => {
  it('documents every schema attribute: summary, type, default, range, hosting model, docs link', () => {
    for (const spec of ASPNETCORE_ATTRIBUTES) {
      const { markdown, covered } = mustHover(publishedConfig(`<aspNetCore ${spec.name.slice(0, 2)}|${spec.name.slice(2)}="x" />`));
      assert.equal(covered, spec.name);
      assert.ok(markdown.includes(spec.summary), spec.name);
      assert.ok(markdown.includes(spec.docsUrl), spec.name);
      assert.ok(markdown.includes('Hosting model'), spec.name);
      if (spec.defaultValue) assert.ok(markdown.includes(`\`${spec.defaultValue}\``), `${spec.name} default`);
      if (spec.range) assert.ok(markdown.includes(`${spec.range.min} to ${spec.range.max}`), `${spec.name} range`);
      if (spec.appliesTo === 'outofprocess') assert.ok(markdown.includes('out-of-process only'), spec.name);
    }
  });

  it('says nothing for an attribute IIS does not know (the validator reports it)', () => {
    assert.equal(hover(publishedConfig('<aspNetCore stdoutLog|FIle="x" />')), undefined);
  });

  it('on a hostingModel value, says what ANCM does with it', () => {
    assert.match(mustHover(publishedConfig('<aspNetCore hostingModel="InPro|cess" />')).markdown, /\*\*in-process\*\*/);
    assert.match(mustHover(publishedConfig('<aspNetCore hostingModel="|" />')).markdown, /\*\*out-of-process\*\*/);
    assert.match(mustHover(publishedConfig('<aspNetCore hostingModel="in-pro|cess" />')).markdown, /500\.0/);
  });
});

describe('hover on elements', () => {
  it('documents <aspNetCore>, each collection, each entry element, <clear/> and the handler line', () => {
    assert.match(mustHover(publishedConfig('<aspNet|Core processPath="dotnet" />')).markdown, /aspNetCore/);
    for (const collection of ASPNETCORE_COLLECTIONS) {
      const body = `<aspNetCore processPath="dotnet"><${collection.name}><${collection.addElement} /><clear /></${collection.name}></aspNetCore>`;
      const onCollection = mustHover(publishedConfig(body.replace(`<${collection.name}>`, `<${collection.name.slice(0, 3)}|${collection.name.slice(3)}>`)));
      assert.equal(onCollection.covered, collection.name);
      assert.ok(onCollection.markdown.includes(collection.summary));
      const onEntry = mustHover(publishedConfig(body.replace(`<${collection.addElement} />`, `<${collection.addElement.slice(0, 3)}|${collection.addElement.slice(3)} />`)));
      assert.ok(onEntry.markdown.includes(collection.addElementDocs.summary), collection.addElement);
      assert.match(mustHover(publishedConfig(body.replace('<clear />', '<cl|ear />'))).markdown, /clear/);
    }
    assert.match(mustHover(publishedConfig('<aspNetCore />').replace('<add name', '<a|dd name')).markdown, /handler/i);
  });

  it('documents each attribute of the handler line and each module name', () => {
    for (const docs of HANDLER_ENTRY_ATTRIBUTES) {
      const line = '<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />'.replace(` ${docs.name}="`, ` ${docs.name.slice(0, 1)}|${docs.name.slice(1)}="`);
      const text = `<configuration><system.webServer><handlers>${line}</handlers></system.webServer></configuration>`;
      assert.ok(mustHover(text).markdown.includes(docs.summary), docs.name);
    }
    for (const module of ANCM_MODULES) {
      const text = `<configuration><system.webServer><handlers><add name="aspNetCore" modules="${module.name.slice(0, 4)}|${module.name.slice(4)}" /></handlers></system.webServer></configuration>`;
      const result = mustHover(text);
      assert.equal(result.covered, module.name);
      assert.ok(result.markdown.includes(module.summary), module.name);
    }
  });
});

describe('hover on handler settings and environment variables', () => {
  it('documents every handler setting by name, in any casing', () => {
    for (const spec of HANDLER_SETTINGS) {
      const result = mustHover(publishedConfig(`<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="${spec.name.toUpperCase().slice(0, 3)}|${spec.name.toUpperCase().slice(3)}" value="" /></handlerSettings></aspNetCore>`));
      assert.ok(result.markdown.includes(spec.summary), spec.name);
      if (spec.retiredIn) assert.ok(result.markdown.includes(spec.retiredIn), `${spec.name} retired`);
    }
  });

  it('says an unknown handler setting has no effect', () => {
    assert.match(mustHover(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="mainApp|Path" value="" /></handlerSettings></aspNetCore>')).markdown, /no effect/);
  });

  it('documents every known environment variable by name', () => {
    for (const spec of ENVIRONMENT_VARIABLES) {
      const result = mustHover(publishedConfig(`<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="${spec.name.slice(0, 3)}|${spec.name.slice(3)}" value="" /></environmentVariables></aspNetCore>`));
      assert.ok(result.markdown.includes(spec.summary), spec.name);
    }
  });

  it('on a debugLevel value, shows the parsed flags and why a token is ignored', () => {
    const spaced = mustHover(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE, TR|ACE" /></handlerSettings></aspNetCore>')).markdown;
    assert.match(spaced, /Level: \*\*INFO\*\*/);
    assert.match(spaced, /Written to: FILE/);
    assert.match(spaced, /Ignored: "&nbsp;TRACE": ANCM does not trim/);
    const good = mustHover(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE,TR|ACE" /></handlerSettings></aspNetCore>')).markdown;
    assert.match(good, /Level: \*\*TRACE\*\* \(logs ERROR, WARNING, INFO, TRACE\)/);
    assert.doesNotMatch(good, /Ignored/);
    const numeric = mustHover(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="|4" /></handlerSettings></aspNetCore>')).markdown;
    assert.match(numeric, /Nothing is logged/);
    assert.match(numeric, /numeric levels/);
  });
});

describe('hover text taken from the document', () => {
  // The strictest reading a client could give: raw HTML allowed and bare URLs linked (markdown-it is the
  // CommonMark renderer VS Code's Markdown preview uses).
  const renderer = new MarkdownIt({ html: true, linkify: true });
  /** The hover's HTML and its visible text. */
  function rendered(markdown: string): { html: string; text: string } {
    const html = renderer.render(markdown);
    const text = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\u00a0/g, ' ').replace(/^\n+|\n+$/g, '');
    return { html, text };
  }

  function entryHover(collection: 'environmentVariables' | 'handlerSettings', name: string): string {
    const entry = collection === 'environmentVariables' ? 'environmentVariable' : 'handlerSetting';
    const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const text = publishedConfig(`<aspNetCore processPath="dotnet"><${collection}><${entry} name="${escaped}" value="x" /></${collection}></aspNetCore>`);
    const result = service.doHover(service.parseWebConfig(text), text.indexOf('value="x"') + 'value="'.length);
    assert.ok(result, `no hover on the value of ${name}`);
    return result.markdown;
  }

  const HOSTILE = [
    '[click](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    '<a href="command:workbench.action.terminal.new">run</a>',
    '![i](https://example.com/t.png)',
    'https://example.com/x',
    '*star* _under_ `tick` # hash | pipe \\ back &amp; $(zap) ~~s~~',
  ];

  it('shows an unknown entry name as the literal text: no link, image, HTML or emphasis', () => {
    for (const collection of ['environmentVariables', 'handlerSettings'] as const) {
      for (const name of HOSTILE) {
        const markdown = entryHover(collection, name);
        const { html, text } = rendered(markdown);
        assert.doesNotMatch(html, /<(a|img|em|code|h\d|table|s|del)\b/, `${collection} ${name}: ${html}`);
        assert.ok(text.startsWith(name + ':'), `${collection} ${name}: shown as ${JSON.stringify(text)}`);
      }
    }
  });

  it('shows a leading space, and hidden characters as a marked <U+XXXX> that literal text cannot imitate', () => {
    const { text } = rendered(entryHover('environmentVariables', ' ASPNETCORE_ENVIRONMENT'));
    assert.ok(text.startsWith(' ASPNETCORE_ENVIRONMENT:'), text);
    for (const hidden of ['\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u061c', '\u2060', '\u{e0041}', '\x1b', '\x85']) {
      const markdown = entryHover('environmentVariables', `AB${hidden}CD`);
      const point = hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      assert.ok(!markdown.includes(hidden), `raw U+${point} in ${JSON.stringify(markdown)}`);
      assert.match(rendered(markdown).html, new RegExp(`AB<code>&lt;U\\+${point}&gt;</code>CD`), `U+${point}`);
    }
    assert.match(rendered(entryHover('environmentVariables', 'AB<U+202E>CD')).html, /AB&lt;U\+202E&gt;CD/);
  });

  it('shows an ignored debugLevel token literally, hidden characters marked', () => {
    const markdown = mustHover(publishedConfig('<aspNetCore processPath="dotnet"><handlerSettings><handlerSetting name="debugLevel" value="FILE,[x](command:y)\u202eTR|ACE" /></handlerSettings></aspNetCore>')).markdown;
    const ignored = markdown.split('\n').find((line) => line.startsWith('- Ignored'));
    assert.ok(ignored, markdown);
    const { html, text } = rendered(ignored);
    assert.doesNotMatch(html, /<a\b/);
    assert.ok(text.includes('Ignored: "[x](command:y)<U+202E>TRACE"'), text);
    assert.ok(!markdown.includes('\u202e'));
  });
});
