import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASPNETCORE_ATTRIBUTES } from '../../../server/src/ancm/attributes';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-boolean';
const BOOL_ATTRIBUTES = ASPNETCORE_ATTRIBUTES.filter((attribute) => attribute.valueType === 'bool').map((attribute) => attribute.name);

function section(attributes: string): string {
  return publishedConfig(`<aspNetCore processPath="dotnet" ${attributes} />`);
}

describe('invalid-boolean', () => {
  it('flags a bool attribute that is not true/false, as an error on its value', () => {
    const text = section('stdoutLogEnabled="maybe"');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['maybe']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /HTTP 500\.19/);
  });

  it('accepts true and false in any letter case, on every bool attribute', () => {
    for (const name of BOOL_ATTRIBUTES) {
      for (const value of ['true', 'false', 'True', 'FALSE', 'tRuE']) assert.deepEqual(check(RULE, section(`${name}="${value}"`)), [], `${name}="${value}"`);
    }
  });

  it('leaves non-bool attributes alone', () => {
    assert.deepEqual(check(RULE, section('hostingModel="yes" stdoutLogFile="no" startupTimeLimit="on"')), []);
  });

  it('maps yes/on/1/enabled to true and no/off/0/disabled to false, as safe fixes', () => {
    for (const [written, meant] of [['yes', 'true'], ['On', 'true'], ['1', 'true'], ['enabled', 'true'], ['no', 'false'], ['OFF', 'false'], ['0', 'false'], ['Disabled', 'false']]) {
      const text = section(`disableStartUpErrorPage="${written}"`);
      const [issue] = check(RULE, text);
      assert.equal(issue.fixes?.length, 1);
      assert.equal(issue.fixes?.[0].safe, true);
      assert.equal(applyAndRecheck(RULE, text, issue), section(`disableStartUpErrorPage="${meant}"`));
    }
  });

  it('offers both values, unsafe and default first, when the intent is unclear', () => {
    const text = section('forwardWindowsAuthToken="sometimes"');
    const [issue] = check(RULE, text);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.safe]), [["Change to 'true'", false], ["Change to 'false'", false]]);
    assert.equal(applyAndRecheck(RULE, text, issue, "Change to 'false'"), section('forwardWindowsAuthToken="false"'));
  });

  it('marks the whole attribute for an empty value', () => {
    const text = section('stdoutLogEnabled=""');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['stdoutLogEnabled=""']);
    applyAndRecheck(RULE, text, issues[0]);
  });

  it('stays quiet while a value is being typed', () => {
    for (const body of ['<aspNetCore stdoutLogEnabled=', '<aspNetCore stdoutLogEnabled="tr', '<aspNetCore stdoutLogEnabled']) {
      assert.deepEqual(check(RULE, publishedConfig(body)), []);
    }
  });
});
