import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HANDLER_SETTINGS } from '../../../server/src/ancm/handlerSettings';
import { setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'unknown-handler-setting';

describe('unknown-handler-setting', () => {
  it('flags a name ANCM does not read and offers the closest known one (not safe)', () => {
    const text = withHandlerSettings([setting('debugLvl', 'FILE,TRACE')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['debugLvl']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /ignores it.*debugLevel/);
    assert.equal(issues[0].fixes![0].safe, false);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('name="debugLevel"'));
  });

  it('flags names that exist nowhere in ANCM, without a suggestion when nothing is close', () => {
    const text = withHandlerSettings([setting('mainAppPath', 'x')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['mainAppPath']);
    assert.deepEqual(issues[0].fixes, []);
  });

  it('never suggests a retired name', () => {
    const text = withHandlerSettings([setting('experimentalEnableShadowCopyy', 'true')]);
    const [issue] = check(RULE, text);
    assert.ok(!issue.fixes!.some((fix) => fix.title.includes('experimental')), issue.fixes!.map((fix) => fix.title).join());
  });

  it('accepts every known name in any casing: ANCM compares names case-insensitively', () => {
    for (const spec of HANDLER_SETTINGS) {
      for (const name of [spec.name, spec.name.toUpperCase(), spec.name.toLowerCase()]) {
        assert.deepEqual(check(RULE, withHandlerSettings([setting(name, 'x')])), [], name);
      }
    }
  });

  it('skips entries before a <clear/> and names still being typed', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('nonsense', 'x'), '<clear />'])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="debugL'])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="" value="x" />'])), []);
  });
});
