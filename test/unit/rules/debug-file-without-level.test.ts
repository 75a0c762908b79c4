import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'debug-file-without-level';

describe('debug-file-without-level', () => {
  it('flags a debugFile with no debugLevel: ANCM creates the file but writes nothing', () => {
    const text = withHandlerSettings([setting('debugFile', '.\\logs\\ancm.log')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['debugFile']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /writes nothing/);
    assert.equal(issues[0].fixes![0].safe, false);
  });

  it('adds debugLevel FILE,TRACE on the next line, indented like the debugFile entry', () => {
    const text = withHandlerSettings([setting('debugFile', '.\\logs\\ancm.log')]);
    const fixed = applyAndRecheck(RULE, text, check(RULE, text)[0]);
    assert.ok(
      fixed.includes('          <handlerSetting name="debugFile" value=".\\logs\\ancm.log" />\n          <handlerSetting name="debugLevel" value="FILE,TRACE" />\n'),
      fixed,
    );
  });

  it('keeps CRLF line breaks and tab indentation', () => {
    const text = withHandlerSettings([setting('debugFile', 'a.log')]).replace(/\n/g, '\r\n').replace(/ {10}<handlerSetting/, '\t\t\t<handlerSetting');
    const fixed = applyAndRecheck(RULE, text, check(RULE, text)[0]);
    assert.ok(fixed.includes('<handlerSetting name="debugFile" value="a.log" />\r\n\t\t\t<handlerSetting name="debugLevel" value="FILE,TRACE" />\r\n'), fixed);
  });

  it('accepts a debugLevel anywhere in the same collection, in any casing', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugFile', 'a.log'), setting('debugLevel', 'FILE,TRACE')])), []);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('DEBUGLEVEL', 'FILE'), setting('debugfile', 'a.log')])), []);
  });

  it('flags when the only debugLevel was dropped by a <clear/>, not a debugFile dropped by one', () => {
    const cleared = withHandlerSettings([setting('debugLevel', 'FILE,TRACE'), '<clear />', setting('debugFile', 'a.log')]);
    assert.deepEqual(marked(cleared, check(RULE, cleared)), ['debugFile']);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugFile', 'a.log'), '<clear />'])), []);
  });

  it('ignores an empty debugFile, half-typed entries and transforms', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugFile', '')])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="debugFile" value="a.l'])), []);
    assert.deepEqual(check(RULE, asTransform(withHandlerSettings([setting('debugFile', 'a.log')]))), []);
  });
});
