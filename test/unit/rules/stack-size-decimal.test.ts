import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'stack-size-decimal';
const stack = (value: string, section?: string) => withHandlerSettings([setting('stackSize', value)], section);

describe('stack-size-decimal', () => {
  it('flags a decimal value and says what the runtime reads instead (2097152 is about 33 MB)', () => {
    const text = stack('2097152');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['2097152']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /hexadecimal/);
    assert.match(issues[0].message, /0x2097152 = 34,173,266 bytes \(about 33 MB\)/);
    assert.match(issues[0].message, /2,097,152 bytes \(2 MB\)/);
    assert.match(issues[0].message, /0x200000/);
  });

  it('offers the hex form of the decimal number as the only (so preferred) fix, not safe: the user may want the larger size', () => {
    const text = stack('2097152');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes!.map((fix) => fix.safe), [false]);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('value="0x200000"'));
  });

  it('accepts hex values with 0x in any casing, values with hex letters, and single digits', () => {
    for (const value of ['0x200000', '0X200000', '0x1F0000', '1F0000', 'ABCDEF', '8']) {
      assert.deepEqual(check(RULE, stack(value)), [], value);
    }
  });

  it('matches the name case-insensitively and skips out-of-process sections, where ANCM ignores stackSize', () => {
    const text = withHandlerSettings([setting('STACKSIZE', '1048576')]);
    assert.deepEqual(marked(text, check(RULE, text)), ['1048576']);
    assert.deepEqual(check(RULE, stack('2097152', 'processPath="dotnet" hostingModel="OutOfProcess"')), []);
    assert.deepEqual(check(RULE, stack('2097152', 'processPath="dotnet"')), []);
  });

  it('skips entries before a <clear/> and half-typed values', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('stackSize', '2097152'), '<clear />'])), []);
    assert.deepEqual(check(RULE, withHandlerSettings(['<handlerSetting name="stackSize" value="20971'])), []);
  });
});
