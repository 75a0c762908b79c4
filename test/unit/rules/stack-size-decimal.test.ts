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

  it('offers both readings: the number written, in hex (safe, preferred), and what ANCM reads, kept with its 0x', () => {
    const text = stack('2097152');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes!.map((fix) => [fix.title, fix.safe]), [
      ['Write 0x200000 (2,097,152, the number you wrote, in hexadecimal)', true],
      ['Keep what ANCM reads: 0x2097152 (about 33 MB)', false],
    ]);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('value="0x200000"'));
    assert.ok(applyAndRecheck(RULE, text, issue, issue.fixes![1].title).includes('value="0x2097152"'));
  });

  it('prefers neither reading when the hex of the number written is below the 1 MB default (65536 → 0x10000 = 64 KB)', () => {
    const text = stack('65536');
    const [issue] = check(RULE, text);
    assert.match(issue.message, /write 0x10000, though that is below ANCM's 1 MB default/);
    assert.deepEqual(issue.fixes!.map((fix) => fix.safe), [false, false]);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('value="0x10000"'));
    assert.ok(applyAndRecheck(RULE, text, issue, issue.fixes![1].title).includes('value="0x65536"'));
    // Exactly 1 MB is not below it.
    assert.deepEqual(check(RULE, stack('1048576'))[0].fixes!.map((fix) => fix.safe), [true, false]);
  });

  it('reads a 100,000-digit value in one pass and says it fits no stack, without quoting it whole', () => {
    const digits = '7'.repeat(100_000);
    const text = stack(digits);
    const issues = check(RULE, text);
    assert.equal(issues.length, 1);
    assert.equal(text.slice(issues[0].start, issues[0].end), digits);
    assert.match(issues[0].message, /'77777777777777777777…' \(100,000 digits\) is far larger than any stack/);
    assert.deepEqual(issues[0].fixes!.map((fix) => [fix.title, fix.safe]), [['Change to 0x100000 (1 MB, the default)', false]]);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="0x100000"'));
  });

  it('treats 16 digits as a number and 17 as too long for 64 bits', () => {
    assert.match(check(RULE, stack('1'.repeat(16)))[0].message, /means 0x1111111111111111 = /);
    assert.match(check(RULE, stack('1'.repeat(17)))[0].message, /\(17 digits\) is far larger than any stack/);
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
