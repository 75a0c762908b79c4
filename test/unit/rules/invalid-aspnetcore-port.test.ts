import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, variable, withEnvironmentVariables } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'invalid-aspnetcore-port';
const OUT_OF_PROCESS = 'processPath="dotnet" arguments=".\\app.dll"';
const port = (value: string, section = OUT_OF_PROCESS) => withEnvironmentVariables([variable('ASPNETCORE_PORT', value)], section);

describe('invalid-aspnetcore-port', () => {
  it('flags a port outside 1025-48000 or with no number as an error out-of-process', () => {
    for (const value of ['80', '1024', '48001', '65535', '-1', 'abc']) {
      const text = port(value);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.equal(issues[0].severity, 'error', value);
      assert.match(issues[0].message, /1025 to 48000.*E_INVALIDARG/);
    }
  });

  it('warns about trailing text after an in-range number: ANCM reads the number but passes the text on', () => {
    const text = port('5000abc');
    const [issue] = check(RULE, text);
    assert.equal(issue.severity, 'warning');
    assert.match(issue.message, /leading 5000/);
    assert.equal(issue.fixes![0].safe, true);
    assert.ok(applyAndRecheck(RULE, text, issue).includes('value="5000"'));
  });

  it('reports only information in-process, where ANCM starts no backend process, and where the file does not settle the model', () => {
    const text = port('80', 'processPath="dotnet" hostingModel="InProcess"');
    const [issue] = check(RULE, text);
    assert.equal(issue.severity, 'information');
    assert.match(issue.message, /In-process ANCM starts no backend process/);
    assert.equal(check(RULE, asTransform(port('80')))[0].severity, 'information');
    assert.equal(check(RULE, port('80', 'processPath="dotnet" hostingModel="sideways"'))[0].severity, 'information');
  });

  it('accepts ports in range, the bounds, an empty value (ANCM picks one), and any casing of the name', () => {
    for (const value of ['1025', '5000', '48000', '']) {
      assert.deepEqual(check(RULE, port(value)), [], value);
    }
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('aspnetcore_port', '5000')], OUT_OF_PROCESS)), []);
    const lower = withEnvironmentVariables([variable('aspnetcore_port', '80')], OUT_OF_PROCESS);
    assert.deepEqual(marked(lower, check(RULE, lower)), ['80']);
  });

  it('checks only the entry ANCM uses: the last one after any <clear/>', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_PORT', '80'), variable('ASPNETCORE_PORT', '5000')], OUT_OF_PROCESS)), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_PORT', '80'), '<clear/>'], OUT_OF_PROCESS)), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables(['<environmentVariable name="ASPNETCORE_PORT" value="8'], OUT_OF_PROCESS)), []);
  });
});
