import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, setting, variable, withEnvironmentVariables, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'cleared-entries';

/** The issues, ordered as the runner orders them (by position), with the one at the <clear/> looked up by its text. */
function issuesOf(text: string) {
  const issues = check(RULE, text);
  const atClear = issues.filter((issue) => text.slice(issue.start, issue.end) === 'clear');
  return { issues, atClear };
}

describe('cleared-entries', () => {
  it('marks the entries a later <clear/> removes as having no effect, and says at the <clear/> what it removes', () => {
    const text = withEnvironmentVariables([variable('A', '1'), variable('B', '2'), '<clear />', variable('C', '3')]);
    const { issues, atClear } = issuesOf(text);
    assert.deepEqual(marked(text, issues), [variable('A', '1'), variable('B', '2'), 'clear']);
    assert.ok(issues.every((issue) => issue.severity === 'warning'));
    assert.match(atClear[0].message, /removes the 2 <environmentVariable> entries before it \('A', 'B'\) and every inherited entry/);
    assert.equal(atClear[0].unnecessary, undefined);
    assert.match(issues[0].message, /This <environmentVariable> named 'A' has no effect: the <clear \/> after it removes it before ANCM reads it\. Move <clear \/> to the top of <environmentVariables>/);
    assert.deepEqual(issues.slice(0, 2).map((issue) => issue.unnecessary), [true, true]);
    assert.deepEqual(issues.flatMap((issue) => issue.fixes ?? []).filter((fix) => fix.safe), []);
  });

  it('moves the <clear/> to the start of the collection, on its own line, so the entries take effect', () => {
    const text = withHandlerSettings([setting('debugLevel', 'FILE'), '<clear />', setting('debugFile', 'x.log')]);
    const [clearIssue] = issuesOf(text).atClear;
    assert.deepEqual(clearIssue.fixes?.map((fix) => [fix.title, fix.safe]), [['Move <clear /> to the start of <handlerSettings>, so the entries above it take effect', false]]);
    const fixed = applyAndRecheck(RULE, text, clearIssue);
    assert.equal(fixed, withHandlerSettings(['<clear />', setting('debugLevel', 'FILE'), setting('debugFile', 'x.log')]));
    assert.deepEqual(check(RULE, fixed), []);
  });

  it('removes an entry that has no effect, unsafely, since the <clear/> may be what is misplaced', () => {
    const text = withEnvironmentVariables([variable('A', '1'), '<clear />']);
    const entryIssue = check(RULE, text)[0];
    assert.deepEqual(entryIssue.fixes?.map((fix) => [fix.title, fix.safe]), [['Remove this <environmentVariable>, which has no effect', false]]);
    const fixed = applyAndRecheck(RULE, text, entryIssue);
    assert.equal(fixed, withEnvironmentVariables(['<clear />']));
    assert.deepEqual(check(RULE, fixed), []);
  });

  it('moves a <clear/> that shares a line with the entries', () => {
    const text = withEnvironmentVariables([`${variable('A', '1')}<clear/>`]);
    const fixed = applyAndRecheck(RULE, text, issuesOf(text).atClear[0]);
    assert.equal(fixed, withEnvironmentVariables(['<clear/>', variable('A', '1')]));
    const inline = withEnvironmentVariables([`<!-- x --> ${variable('A', '1')}<clear/>`]);
    assert.equal(applyAndRecheck(RULE, inline, issuesOf(inline).atClear[0]), withEnvironmentVariables([`<!-- x --> <clear/>${variable('A', '1')}`]));
  });

  it('with two <clear/>s, marks the earlier one as having no effect, lists every removed entry at the last one and offers no move', () => {
    const text = withEnvironmentVariables([variable('A', '1'), '<clear />', variable('B', '2'), '<clear />', variable('C', '3')]);
    const { issues, atClear } = issuesOf(text);
    assert.deepEqual(marked(text, issues), [variable('A', '1'), '<clear />', variable('B', '2'), 'clear']);
    assert.match(issues[1].message, /has no effect: a later <clear \/> in <environmentVariables> removes everything before it anyway/);
    assert.equal(issues[1].unnecessary, true);
    assert.match(atClear[0].message, /the 2 <environmentVariable> entries before it \('A', 'B'\)/);
    assert.deepEqual(atClear[0].fixes, []);
    const fixed = applyAndRecheck(RULE, text, issues[1]);
    assert.equal(fixed, withEnvironmentVariables([variable('A', '1'), variable('B', '2'), '<clear />', variable('C', '3')]));
    assert.deepEqual(issuesOf(fixed).atClear[0].fixes?.length, 1, 'with one <clear/> left, it can be moved');
  });

  it('lists five names and counts the rest', () => {
    const entries = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => variable(name, '1'));
    const [issue] = issuesOf(withEnvironmentVariables([...entries, '<clear />'])).atClear;
    assert.match(issue.message, /the 7 <environmentVariable> entries before it \('A', 'B', 'C', 'D', 'E' and 2 more\)/);
  });

  it('accepts a <clear/> that starts the collection, a collection without one, other collections and XDT transforms', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables(['<clear />', variable('A', '1')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('A', '1'), variable('B', '2')])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<clear />'])), []);
    assert.deepEqual(check(RULE, asTransform(withEnvironmentVariables([variable('A', '1'), '<clear xdt:Transform="Insert" />']))), []);
  });

  it('does not throw while entries are being typed, and offers no fix on an unclosed entry', () => {
    const text = withEnvironmentVariables(['<environmentVariable name="A" value="1"', '<clear />']);
    for (const issue of check(RULE, text)) {
      assert.ok(issue.start >= 0 && issue.end <= text.length);
      for (const fix of issue.fixes ?? []) applyAndRecheck(RULE, text, issue, fix.title);
    }
  });
});
