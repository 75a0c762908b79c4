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

  it('flags an out-of-range value as an error on the value and clamps it safely', () => {
    const text = section('startupTimeLimit="7200"');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['7200']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.19.*from 0 to 3600/);
    assert.deepEqual(issues[0].fixes?.map((fix) => [fix.title, fix.safe]), [['Change to 3600, the maximum', true]]);
    assert.equal(applyAndRecheck(RULE, text, issues[0]), section('startupTimeLimit="3600"'));
    const below = section('processesPerApplication="0"');
    assert.equal(applyAndRecheck(RULE, below, check(RULE, below)[0]), section('processesPerApplication="1"'));
    const negative = section('shutdownTimeLimit="-5"');
    assert.equal(applyAndRecheck(RULE, negative, check(RULE, negative)[0]), section('shutdownTimeLimit="0"'));
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
