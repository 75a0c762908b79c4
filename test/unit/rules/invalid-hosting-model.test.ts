import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-hosting-model';

function section(value: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" hostingModel="${value}" />`);
}

describe('invalid-hosting-model', () => {
  it('never flags the two models in any casing, an empty value, or an absent attribute', () => {
    for (const value of ['inprocess', 'InProcess', 'INPROCESS', 'outofprocess', 'OutOfProcess', 'OUTOFPROCESS', 'oUtOfPrOcEsS', '']) {
      assert.deepEqual(check(RULE, section(value)), [], value);
    }
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" />')), []);
  });

  it('flags any other value as an error on the value, quoting ANCM\'s 500.0 message', () => {
    const text = section('in-process');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['in-process']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.0/);
    assert.match(issues[0].message, /^hostingModel 'in-process' is not a value ANCM accepts/);
    assert.ok(issues[0].message.includes(`("Unknown hosting model 'in-process'")`));
  });

  it('fixes unambiguous values safely, in the casing the value used', () => {
    for (const [written, fixed] of [
      ['in-process', 'inprocess'],
      ['InProc', 'InProcess'],
      ['OutOfProc', 'OutOfProcess'],
      ['Out-Of-Process', 'OutOfProcess'],
      [' inprocess', 'inprocess'],
      ['IN_PROCESS', 'INPROCESS'],
      ['outproc', 'outofprocess'],
    ]) {
      const text = section(written);
      const [issue] = check(RULE, text);
      assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [[`Change to '${fixed}'`, true]], written);
      assert.equal(applyAndRecheck(RULE, text, issue), section(fixed));
    }
  });

  it('offers a near spelling unsafely, and both models when nothing is close', () => {
    const [typo] = check(RULE, section('outofprosess'));
    assert.deepEqual(typo.fixes?.map((fix) => [fix.title, fix.safe]), [["Change to 'outofprocess'", false]]);
    const text = section('kestrel');
    const [unclear] = check(RULE, text);
    assert.deepEqual(unclear.fixes?.map((fix) => [fix.title, fix.safe]), [["Change to 'inprocess'", false], ["Change to 'outofprocess'", false]]);
    applyAndRecheck(RULE, text, unclear, "Change to 'outofprocess'");
  });

  it('downgrades to a warning when the file maps only ANCM V1, which never reads hostingModel', () => {
    const text = section('in-process').replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModule"');
    const [issue] = check(RULE, text);
    assert.equal(issue.severity, 'warning');
    assert.match(issue.message, /ANCM V1 never reads it.*V2 would fail with HTTP 500\.0/);
    applyAndRecheck(RULE, text, issue);
  });

  it('stays quiet while a value is being typed', () => {
    for (const body of ['<aspNetCore hostingModel=', '<aspNetCore hostingModel="in', '<aspNetCore hostingModel']) {
      assert.deepEqual(check(RULE, publishedConfig(body)), []);
    }
  });
});
