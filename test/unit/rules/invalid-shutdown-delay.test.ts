import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, setting, variable, withEnvironmentVariables, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-shutdown-delay';
const delay = (value: string) => withHandlerSettings([setting('shutdownDelay', value)]);

describe('invalid-shutdown-delay', () => {
  it('flags a negative value as an error with ANCM\'s own message', () => {
    const text = delay('-1');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['-1']);
    assert.equal(issues[0].severity, 'error');
    assert.ok(issues[0].message.includes("'shutdownDelay' in web.config or 'ANCM_shutdownDelay' environment variable is less than 0."));
    assert.match(issues[0].message, /500\.0/);
    assert.equal(issues[0].fixes![0].safe, false);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="0"'));
  });

  it('flags a value with no leading number as an error: std::stoi throws', () => {
    for (const value of ['abc', 'ms10', '-', ' x5']) {
      const text = delay(value);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.equal(issues[0].severity, 'error');
      assert.match(issues[0].message, /std::stoi/);
    }
  });

  it('flags a number too large for an int as an error', () => {
    assert.equal(check(RULE, delay('99999999999'))[0].severity, 'error');
  });

  it('warns when std::stoi reads only the leading number: "10ms" is 10 (safe fix), "5s" is 5 ms', () => {
    const ms = delay('10ms');
    const [issue] = check(RULE, ms);
    assert.equal(issue.severity, 'warning');
    assert.match(issue.message, /leading 10 and ignores 'ms'/);
    assert.equal(issue.fixes![0].safe, true);
    assert.ok(applyAndRecheck(RULE, ms, issue).includes('value="10"'));
    const seconds = delay('5s');
    const [secondsIssue] = check(RULE, seconds);
    assert.equal(secondsIssue.fixes![0].safe, false);
    assert.ok(applyAndRecheck(RULE, seconds, secondsIssue).includes('value="5000"'));
    const other = delay('1.5');
    assert.ok(applyAndRecheck(RULE, other, check(RULE, other)[0]).includes('value="1"'));
  });

  it('accepts what std::stoi reads whole: integers, a sign, surrounding whitespace; and an empty value (fallback)', () => {
    for (const value of ['0', '1000', '+5', '-0', ' 5', '5 ', '\t250', '']) {
      assert.deepEqual(check(RULE, delay(value)), [], JSON.stringify(value));
    }
  });

  it('checks the ANCM_shutdownDelay variable when the setting is absent, in any casing', () => {
    const text = withEnvironmentVariables([variable('ancm_SHUTDOWNDELAY', '-5')]);
    assert.deepEqual(marked(text, check(RULE, text)), ['-5']);
  });

  it('ignores the variable when a shutdownDelay setting is in effect', () => {
    const text = delay('1000').replace('</handlerSettings>', `</handlerSettings>\n        <environmentVariables>\n          ${variable('ANCM_shutdownDelay', '-5')}\n        </environmentVariables>`);
    assert.deepEqual(check(RULE, text), []);
  });

  it('skips entries before a <clear/>, values being typed; still checks transforms', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('shutdownDelay', '-1'), '<clear />'])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="shutdownDelay" value="-'])), []);
    assert.equal(check(RULE, asTransform(delay('-1'))).length, 1);
  });
});
