import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HANDLER_SETTINGS } from '../../../server/src/ancm/handlerSettings';
import { setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'handler-setting-boolean';
const OUT_OF_PROCESS = 'processPath="dotnet" arguments=".\\app.dll" hostingModel="outofprocess"';

describe('handler-setting-boolean', () => {
  it('flags yes/1/enabled on a true-only setting: ANCM reads them as false, so the setting is off', () => {
    for (const value of ['yes', '1', 'enabled', 'On']) {
      const text = withHandlerSettings([setting('enableShadowCopy', value)]);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.equal(issues[0].severity, 'warning');
      assert.match(issues[0].message, /anything but 'true' as false, so .* leaves enableShadowCopy off/);
      assert.equal(issues[0].fixes![0].safe, true);
      assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="true"'), value);
    }
  });

  it('says "turns off" for a true-only setting that defaults to on', () => {
    const text = withHandlerSettings([setting('setCurrentDirectory', 'yes')]);
    assert.match(check(RULE, text)[0].message, /turns setCurrentDirectory off/);
  });

  it('flags no/0/off on a not-false setting: ANCM reads them as true, so the setting stays on', () => {
    for (const value of ['no', '0', 'off', 'disabled']) {
      const text = withHandlerSettings([setting('enableOutOfProcessConsoleRedirection', value)], OUT_OF_PROCESS);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.match(issues[0].message, /anything but 'false' as true, so .* leaves enableOutOfProcessConsoleRedirection on/);
      assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="false"'), value);
    }
  });

  it('flags padded words (ANCM does not trim) and offers no fix for a value with no evident meaning', () => {
    const padded = withHandlerSettings([setting('enableShadowCopy', ' true')]);
    assert.equal(check(RULE, padded)[0].fixes![0].safe, true);
    const unclear = withHandlerSettings([setting('enableShadowCopy', 'maybe')]);
    assert.deepEqual(check(RULE, unclear)[0].fixes, []);
  });

  it('flags an empty value only where it changes the default (setCurrentDirectory="" turns it off)', () => {
    const text = withHandlerSettings([setting('setCurrentDirectory', '')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['value=""']);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('enableShadowCopy', '')])), []);
  });

  it('accepts true and false in every casing on every boolean setting', () => {
    for (const spec of HANDLER_SETTINGS.filter((candidate) => candidate.valueSyntax === 'trueOnly' || candidate.valueSyntax === 'notFalse')) {
      for (const value of ['true', 'false', 'TRUE', 'False', 'tRuE']) {
        assert.deepEqual(check(RULE, withHandlerSettings([setting(spec.name, value)])), [], `${spec.name}=${value}`);
        assert.deepEqual(check(RULE, withHandlerSettings([setting(spec.name, value)], OUT_OF_PROCESS)), [], `${spec.name}=${value}`);
      }
    }
  });

  it('skips settings the hosting model does not read, entries before a <clear/>, and values being typed', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('setCurrentDirectory', 'yes')], OUT_OF_PROCESS)), []);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('enableShadowCopy', 'yes'), '<clear />'])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="enableShadowCopy" value="tr'])), []);
  });
});
