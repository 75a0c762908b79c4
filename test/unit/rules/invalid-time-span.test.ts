import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAttribute } from '../../../server/src/ancm/lookup';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-time-span';

function section(value: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" requestTimeout="${value}" />`);
}

describe('invalid-time-span', () => {
  it('uses the table limits for requestTimeout: 0 s to 1296000 s in whole seconds', () => {
    assert.deepEqual(findAttribute('requestTimeout')?.timeSpanRange, { minSeconds: 0, maxSeconds: 1296000, granularitySeconds: 1 });
  });

  it('accepts valid time spans, including hours above 23 without days', () => {
    for (const value of ['00:02:00', '00:00:00', '23:00:00', '360:00:00', '1.00:00:00', '14.23:59:59', '00:00:01', '0:2:0', '00:00:05.000']) {
      assert.deepEqual(check(RULE, section(value)), [], value);
    }
  });

  it('flags 60 minutes as an error on the value and normalizes it safely (aspnet/AspNetCoreModule#86)', () => {
    const text = section('00:60:00');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['00:60:00']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500/);
    assert.deepEqual(issues[0].fixes?.map((fix) => [fix.title, fix.safe]), [['Change to 01:00:00', true]]);
    assert.equal(applyAndRecheck(RULE, text, issues[0]), section('01:00:00'));
  });

  it('normalizes seconds of 60 or more, and hours of 24 or more after a day count', () => {
    for (const [value, normalized] of [['00:00:90', '00:01:30'], ['10:75:75', '11:16:15'], ['1.25:00:00', '2.01:00:00']]) {
      const text = section(value);
      const [issue] = check(RULE, text);
      assert.equal(issue.fixes?.[0].safe, true, value);
      assert.equal(applyAndRecheck(RULE, text, issue), section(normalized));
    }
  });

  it('flags a total above 360:00:00 and offers the maximum, unsafely', () => {
    for (const value of ['360:00:01', '16.00:00:00', '999:00:00']) {
      const text = section(value);
      const [issue] = check(RULE, text);
      assert.match(issue.message, /from 00:00:00 to 360:00:00.*HTTP 500\.19/);
      assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [['Change to 360:00:00, the maximum', false]]);
      assert.equal(applyAndRecheck(RULE, text, issue), section('360:00:00'));
    }
  });

  it('flags fractions of a second (granularity 1 s)', () => {
    const text = section('00:00:01.5');
    const [issue] = check(RULE, text);
    assert.match(issue.message, /whole multiple of 1 second/);
    assert.equal(applyAndRecheck(RULE, text, issue), section('00:00:02'));
  });

  it('flags text that is not a time span, offering the default', () => {
    for (const value of ['120', '2 minutes', '-00:01:00', '00:02', '']) {
      const text = section(value);
      const issues = check(RULE, text);
      assert.equal(issues.length, 1, value);
      assert.match(issues[0].message, /\[d\.\]hh:mm:ss/);
      assert.equal(applyAndRecheck(RULE, text, issues[0]), section('00:02:00'));
    }
  });

  it('stays quiet while a value is being typed', () => {
    for (const body of ['<aspNetCore requestTimeout=', '<aspNetCore requestTimeout="00:6', '<aspNetCore requestTimeout']) {
      assert.deepEqual(check(RULE, publishedConfig(body)), []);
    }
  });
});
