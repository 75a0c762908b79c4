import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_COLLECTIONS } from '../../../server/src/ancm/collections';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'unknown-element';

function section(body: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet">${body}</aspNetCore>`);
}

describe('unknown-element', () => {
  it('flags an unknown child of <aspNetCore> as an error on its name, with a 500.19 message', () => {
    const text = section('<environmentVariable name="A" value="1" /><settings />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['environmentVariable', 'settings']);
    assert.ok(issues.every((issue) => issue.severity === 'error' && /HTTP 500\.19/.test(issue.message)));
    assert.match(issues[0].message, /belongs inside <environmentVariables>/);
    assert.deepEqual(issues[0].fixes, []);
  });

  it('renames a wrongly cased collection in both tags, safely', () => {
    const text = section('<EnvironmentVariables><environmentVariable name="A" value="1" /></EnvironmentVariables>');
    const [issue] = check(RULE, text);
    assert.equal(text.slice(issue.start, issue.end), 'EnvironmentVariables');
    assert.equal(issue.fixes?.[0].safe, true);
    assert.equal(applyAndRecheck(RULE, text, issue), section('<environmentVariables><environmentVariable name="A" value="1" /></environmentVariables>'));
  });

  it('renames a misspelled collection unsafely, and not when that collection already exists', () => {
    const text = section('<handlerSetings />');
    const [issue] = check(RULE, text);
    assert.equal(issue.fixes?.[0].safe, false);
    assert.equal(applyAndRecheck(RULE, text, issue), section('<handlerSettings />'));
    const [taken] = check(RULE, section('<handlerSettings /><handlerSetings />'));
    assert.deepEqual(taken.fixes, []);
  });

  it('offers no rename for an element that was never closed, since its end tag cannot be renamed with it', () => {
    const [issue] = check(RULE, publishedConfig('<aspNetCore processPath="dotnet"><EnvironmentVariables><environmentVariable name="A" value="1" />'));
    assert.match(issue.message, /Did you mean <environmentVariables>\?/);
    assert.deepEqual(issue.fixes, []);
  });

  it('flags an unknown entry in a collection and suggests the add-element', () => {
    const text = section('<handlerSettings><handlersetting name="debugLevel" value="FILE" /><add name="x" value="y" /></handlerSettings>');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['handlersetting', 'add']);
    assert.equal(issues[0].fixes?.[0].safe, true);
    applyAndRecheck(RULE, text, issues[0]);
  });

  it('rewrites an appSettings-style <add key= value=> in <environmentVariables> as <environmentVariable name= value=>, safely', () => {
    const text = section('<environmentVariables><add key="ASPNETCORE_ENVIRONMENT" value="Staging" /></environmentVariables>');
    const [issue] = check(RULE, text);
    assert.equal(text.slice(issue.start, issue.end), 'add');
    assert.match(issue.message, /^<environmentVariables> has no <add> element .*HTTP 500\.19.*Its entries are <environmentVariable name="…" value="…" \/>/);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [['Rewrite as <environmentVariable> (key → name), keeping the values', true]]);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.equal(fixed, section('<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Staging" /></environmentVariables>'));
    assert.deepEqual(check('unknown-attribute', fixed), []);
    assert.deepEqual(check('missing-entry-attribute', fixed), []);
    const locked = section('<environmentVariables><add key="A" value="1" lockItem="true" /></environmentVariables>');
    assert.equal(check(RULE, locked)[0].fixes?.[0].safe, true, 'lockItem is allowed on any IIS collection entry');
  });

  it('rewrites <add name= value=> in both tags, and <add> in <handlerSettings> as <handlerSetting>', () => {
    const text = section('<environmentVariables><add name="A" value="1"></add></environmentVariables><handlerSettings><add name="debugLevel" value="FILE" /></handlerSettings>');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['add', 'add']);
    assert.deepEqual(issues.map((issue) => issue.fixes?.map((fix) => [fix.title, fix.safe])), [
      [['Rewrite as <environmentVariable>, keeping the values', true]],
      [['Rewrite as <handlerSetting>, keeping the values', true]],
    ]);
    const once = applyAndRecheck(RULE, text, issues[0]);
    assert.ok(once.includes('<environmentVariable name="A" value="1"></environmentVariable>'), once);
    const twice = applyAndRecheck(RULE, once, check(RULE, once)[0]);
    assert.equal(twice, section('<environmentVariables><environmentVariable name="A" value="1"></environmentVariable></environmentVariables><handlerSettings><handlerSetting name="debugLevel" value="FILE" /></handlerSettings>'));
  });

  it('offers the rewrite unsafely when the result would still be incomplete or carries attributes it does not declare', () => {
    const unsafe = [
      '<environmentVariables><add key="A" /></environmentVariables>', // no value
      '<environmentVariables><add key="A" value="1" lockItem="true" description="x" /></environmentVariables>', // description is unknown
      '<environmentVariables><add key="A" name="B" value="1" /></environmentVariables>', // both key and name: key stays
      '<environmentVariables><add key="A" value="1" xdt:Transform="Insert" /></environmentVariables>', // an XDT Locator may name key
    ];
    for (const body of unsafe) {
      const text = section(body);
      const [issue] = check(RULE, text);
      assert.equal(issue.fixes?.[0].safe, false, body);
      applyAndRecheck(RULE, text, issue);
    }
  });

  it('offers no rewrite of an <add> that was never closed', () => {
    const [issue] = check(RULE, publishedConfig('<aspNetCore processPath="dotnet"><environmentVariables><add key="A" value="1">'));
    assert.match(issue.message, /has no <add> element/);
    assert.deepEqual(issue.fixes, []);
  });

  it('gives <remove> its own message and no rename', () => {
    const text = section('<environmentVariables><remove name="A" /></environmentVariables>');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['remove']);
    assert.match(issues[0].message, /no <remove> element/);
    assert.match(issues[0].message, /<clear \/>/);
    assert.equal(issues[0].fixes, undefined);
  });

  it('flags child elements of entries and <clear>', () => {
    const text = section('<environmentVariables><clear><x /></clear><environmentVariable name="A" value="1"><value /></environmentVariable></environmentVariables>');
    assert.deepEqual(marked(text, check(RULE, text)), ['x', 'value']);
  });

  it('accepts every collection with its entries and <clear>, and ignores commented-out elements', () => {
    const body = ASPNETCORE_COLLECTIONS.map((collection) => `<${collection.name}><clear /><${collection.addElement} /></${collection.name}>`).join('');
    assert.deepEqual(check(RULE, section(body)), []);
    assert.deepEqual(check(RULE, section('<!-- <remove name="A" /> <foo /> -->')), []);
  });

  it('does not throw on half-typed elements', () => {
    for (const body of ['<aspNetCore><', '<aspNetCore><env', '<aspNetCore><environmentVariables><rem', '<aspNetCore><environmentVariables></']) {
      const text = publishedConfig(body);
      for (const issue of check(RULE, text)) assert.ok(issue.start >= 0 && issue.end <= text.length);
    }
  });
});
