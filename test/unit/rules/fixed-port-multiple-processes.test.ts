import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { variable, withEnvironmentVariables } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'fixed-port-multiple-processes';
const OUT_OF_PROCESS = 'processPath="dotnet" arguments=".\\app.dll" processesPerApplication="4"';

describe('fixed-port-multiple-processes', () => {
  it('warns about a fixed ASPNETCORE_PORT with several out-of-process processes and offers both ways out', () => {
    const text = withEnvironmentVariables([variable('ASPNETCORE_PORT', '5000')], OUT_OF_PROCESS);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['5000']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /all 4 backend processes/);
    assert.ok(issues[0].fixes?.every((fix) => !fix.safe));
    assert.match(applyAndRecheck(RULE, text, issues[0], "Let ANCM pick each process's port (empty ASPNETCORE_PORT)"), /name="ASPNETCORE_PORT" value=""/);
    assert.match(applyAndRecheck(RULE, text, issues[0], 'Set processesPerApplication to 1'), /processesPerApplication="1"/);
  });

  it('is quiet for one process, an empty port, and in-process', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_PORT', '5000')], 'processPath="dotnet" processesPerApplication="1"')), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_PORT', '')], OUT_OF_PROCESS)), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_PORT', '5000')], `${OUT_OF_PROCESS} hostingModel="inprocess"`)), []);
  });
});
