import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_ATTRIBUTES } from '../../../server/src/ancm/attributes';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-number';
const RANGED = ASPNETCORE_ATTRIBUTES.filter((attribute) => attribute.valueType === 'uint');

function section(attributes: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" ${attributes} />`);
}

describe('invalid-number', () => {
  it('reads the ranges from the table: both ends are valid, one past either end is not', () => {
    assert.deepEqual(
      RANGED.map((attribute) => [attribute.name, attribute.range?.min, attribute.range?.max]),
      [['startupTimeLimit', 0, 3600], ['shutdownTimeLimit', 0, 600], ['rapidFailsPerMinute', 0, 100], ['processesPerApplication', 1, 100]],
    );
    for (const { name, range } of RANGED) {
      if (!range) continue;
      assert.deepEqual(check(RULE, section(`${name}="${range.min}" `)), [], `${name} min`);
      assert.deepEqual(check(RULE, section(`${name}="${range.max}"`)), [], `${name} max`);
      assert.equal(check(RULE, section(`${name}="${range.max + 1}"`)).length, 1, `${name} above`);
      if (range.min > 0) assert.equal(check(RULE, section(`${name}="${range.min - 1}"`)).length, 1, `${name} below`);
    }
  });

  it('flags an out-of-range value as an error on the value and offers the limit, never as a safe fix', () => {
    const text = section('rapidFailsPerMinute="200"');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['200']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /from 0 to 100.*HTTP 500\.19/);
    assert.deepEqual(issues[0].fixes?.map((fix) => [fix.title, fix.safe]), [['Change to 100, the maximum', false]]);
    assert.equal(applyAndRecheck(RULE, text, issues[0]), section('rapidFailsPerMinute="100"'));
    const below = section('processesPerApplication="0"');
    const [belowIssue] = check(RULE, below);
    assert.deepEqual(belowIssue.fixes?.map((fix) => [fix.title, fix.safe]), [['Change to 1, the minimum', false]]);
    assert.equal(applyAndRecheck(RULE, below, belowIssue), section('processesPerApplication="1"'));
  });

  it('reads milliseconds in a seconds attribute as seconds first: startupTimeLimit="5000" is 5, not the hour the clamp gives', () => {
    const text = section('startupTimeLimit="5000"');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [
      ['Change to 5 (5000 milliseconds in seconds, the unit of startupTimeLimit)', false],
      ['Change to 3600, the maximum', false],
    ]);
    assert.equal(applyAndRecheck(RULE, text, issue), section('startupTimeLimit="5"'));
    assert.equal(applyAndRecheck(RULE, text, issue, 'Change to 3600, the maximum'), section('startupTimeLimit="3600"'));
    // Not a whole number of seconds, or still out of range in seconds: only the clamp.
    assert.deepEqual(check(RULE, section('startupTimeLimit="7200"'))[0].fixes?.map((fix) => fix.title), ['Change to 3600, the maximum']);
    assert.deepEqual(check(RULE, section('shutdownTimeLimit="900000"'))[0].fixes?.map((fix) => fix.title), ['Change to 600, the maximum']);
  });

  it('offers the maximum before the minimum for a negative value (shutdownTimeLimit="-1" → 0 would not wait at all), neither safe', () => {
    const text = section('shutdownTimeLimit="-1"');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [
      ['Change to 600, the maximum (if -1 meant no limit)', false],
      ['Change to 0, the minimum', false],
    ]);
    assert.equal(applyAndRecheck(RULE, text, issue), section('shutdownTimeLimit="600"'));
    assert.equal(applyAndRecheck(RULE, text, issue, 'Change to 0, the minimum'), section('shutdownTimeLimit="0"'));
  });

  it('marks no fix of any finding safe, so fix-all leaves every clamp to the user', () => {
    const text = section('startupTimeLimit="5000" shutdownTimeLimit="-1" rapidFailsPerMinute="101" processesPerApplication="0"');
    const issues = check(RULE, text);
    assert.equal(issues.length, 4);
    assert.deepEqual(issues.flatMap((issue) => issue.fixes ?? []).filter((fix) => fix.safe), []);
  });

  it('flags a value that is not a whole number', () => {
    const text = section('rapidFailsPerMinute="ten" shutdownTimeLimit="2.5" startupTimeLimit=""');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['ten', '2.5', 'startupTimeLimit=""']);
    assert.deepEqual(issues.map((issue) => issue.fixes?.map((fix) => [fix.title, fix.safe])), [
      [['Use the default, 10', false]],
      [['Change to 3', false]],
      [['Use the default, 120', false]],
    ]);
    for (const issue of issues) applyAndRecheck(RULE, text, issue);
  });

  it('leaves other attributes alone and stays quiet while a value is being typed', () => {
    assert.deepEqual(check(RULE, section('requestTimeout="abc" stdoutLogEnabled="5"')), []);
    for (const body of ['<aspNetCore startupTimeLimit=', '<aspNetCore startupTimeLimit="99999', '<aspNetCore startupTimeLimit']) {
      assert.deepEqual(check(RULE, publishedConfig(body)), []);
    }
  });
});
