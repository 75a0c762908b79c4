import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, setting, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'debug-level';
const level = (value: string, ...more: string[]) => withHandlerSettings([setting('debugLevel', value), ...more]);

describe('debug-level', () => {
  it('flags a token with a leading space: ANCM does not trim, so " TRACE" is lost and the log falls back to INFO', () => {
    const text = level('FILE, TRACE');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), [' TRACE']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /does not trim/);
    assert.match(issues[0].message, /logs at INFO .* to FILE/);
    const fix = issues[0].fixes![0];
    assert.equal(fix.safe, true);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,TRACE"'));
  });

  it('flags unknown tokens and rewrites evident short forms (file,warn -> FILE,WARNING)', () => {
    const text = level('file,warn');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['warn']);
    assert.match(issues[0].message, /did you mean WARNING/);
    assert.equal(issues[0].fixes![0].safe, true);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,WARNING"'));
  });

  it('flags other separators: FILE;TRACE and FILE TRACE count as FILE alone', () => {
    for (const value of ['FILE;TRACE', 'FILE TRACE', 'FILE|TRACE']) {
      const text = level(value);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.match(issues[0].message, /only with commas.*TRACE is ignored/);
      assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,TRACE"'), value);
    }
  });

  it('flags numeric levels (removed before ANCM 2.2 shipped); the rewrite that drops them is not safe', () => {
    const alone = level('4');
    const [numeric] = check(RULE, alone);
    assert.deepEqual(marked(alone, [numeric]), ['4']);
    assert.match(numeric.message, /numeric level '4'.*logs nothing/);
    assert.deepEqual(numeric.fixes, []);
    const withSink = level('FILE,4');
    const [issue] = check(RULE, withSink);
    assert.equal(issue.fixes![0].safe, false);
    applyAndRecheck(RULE, withSink, issue);
  });

  it('flags a value that enables nothing', () => {
    const text = level('verbose logging');
    const issues = check(RULE, text);
    assert.ok(issues.length >= 1);
    assert.ok(issues.every((issue) => issue.severity === 'warning'));
    assert.match(issues[0].message, /logs nothing/);
  });

  it('marks an empty token as information, fading it, and removes the extra comma safely', () => {
    const text = level('FILE,,TRACE');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), [',']);
    assert.equal(issues[0].severity, 'information');
    assert.equal(issues[0].unnecessary, true);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,TRACE"'));
  });

  it('tells that a sink without a level logs at INFO (information), and offers the explicit form', () => {
    const text = level('FILE');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['FILE']);
    assert.equal(issues[0].severity, 'information');
    assert.match(issues[0].message, /INFO/);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,INFO"'));
  });

  it('warns about a level with no sink and no debugFile (only the debugger gets it), not when debugFile is set', () => {
    const text = level('TRACE');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['TRACE']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /debugger output/);
    assert.equal(issues[0].fixes![0].safe, false);
    assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="FILE,TRACE"'));
    assert.deepEqual(check(RULE, level('TRACE', setting('debugFile', '.\\logs\\ancm.log'))), []);
  });

  it('accepts every value ANCM reads as written: any casing, prefixes, a trailing space, any order', () => {
    for (const value of ['FILE,TRACE', 'file,trace', 'TRACE ,FILE', 'EVENTLOG,ERROR', 'errors,file', 'CONSOLE,FILE,INFO', 'ERROR,TRACE,FILE', 'warning,eventlog']) {
      assert.deepEqual(check(RULE, level(value)), [], value);
    }
  });

  it('matches the setting name case-insensitively, like ANCM', () => {
    const text = withHandlerSettings([setting('DEBUGLEVEL', 'FILE, TRACE')]);
    assert.deepEqual(marked(text, check(RULE, text)), [' TRACE']);
  });

  it('ignores entries before a <clear/>, later duplicates (the first handler setting wins), and empty values', () => {
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugLevel', 'FILE, TRACE'), '<clear />', setting('debugLevel', 'FILE,TRACE')])), []);
    assert.deepEqual(check(RULE, withHandlerSettings([setting('debugLevel', 'FILE,TRACE'), setting('debugLevel', 'FILE, TRACE')])), []);
    assert.deepEqual(check(RULE, level('')), []);
  });

  it('still checks transforms: the value ends up in the published file', () => {
    const text = asTransform(level('FILE, TRACE'));
    assert.deepEqual(marked(text, check(RULE, text)), [' TRACE']);
  });

  it('marks the whole value when entities make token offsets unmappable', () => {
    const text = level('FILE&#44; TRACE');
    assert.deepEqual(marked(text, check(RULE, text)), ['FILE&#44; TRACE']);
  });

  it('stays quiet while the value is being typed', () => {
    for (const partial of ['<handlerSetting name="debugLevel" value="FILE, TR', '<handlerSetting name="debugLevel" value=', '<handlerSetting name="debugLevel"', '<handlerSetting name="debugLe']) {
      assert.deepEqual(check(RULE, withHandlerSettings([partial])), [], partial);
    }
  });
});
