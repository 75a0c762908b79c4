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
