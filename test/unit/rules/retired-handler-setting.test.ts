import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'retired-handler-setting';

describe('retired-handler-setting', () => {
  it('flags experimentalEnableShadowCopy as deprecated and renames it to enableShadowCopy (safe)', () => {
    const text = withHandlerSettings([setting('experimentalEnableShadowCopy', 'true')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['experimentalEnableShadowCopy']);
    assert.equal(issues[0].severity, 'warning');
    assert.equal(issues[0].deprecated, true);
    assert.match(issues[0].message, /\.NET 7.*enableShadowCopy/);
    assert.equal(issues[0].fixes![0].safe, true);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('name="enableShadowCopy" value="true"'));
  });

  it('matches the retired name in any casing', () => {
    const text = withHandlerSettings([setting('EXPERIMENTALENABLESHADOWCOPY', 'true')]);
    assert.deepEqual(marked(text, check(RULE, text)), ['EXPERIMENTALENABLESHADOWCOPY']);
  });

  it('offers removal instead of a rename when the replacement is already set', () => {
    const text = withHandlerSettings([setting('enableShadowCopy', 'true'), setting('experimentalEnableShadowCopy', 'true')]);
    const [issue] = check(RULE, text);
    assert.match(issue.message, /already set/);
    assert.equal(issue.fixes![0].safe, false);
    const fixed = applyAndRecheck(RULE, text, issue);
    assert.ok(!fixed.includes('experimentalEnableShadowCopy') && fixed.includes('enableShadowCopy'));
  });

  it('accepts current names and skips entries before a <clear/>', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('enableShadowCopy', 'true')])), []);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('experimentalEnableShadowCopy', 'true'), '<clear/>'])), []);
  });
});
