import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENVIRONMENT_VARIABLES } from '../../../server/src/ancm/environmentVariables';
import { asTransform, variable, withEnvironmentVariables } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'ignored-environment-variable';
const OUT_OF_PROCESS = 'processPath="dotnet" arguments=".\\app.dll"';

describe('ignored-environment-variable', () => {
  it('flags variables ANCM reads only from the worker process, pointing to what works instead', () => {
    const text = withEnvironmentVariables([variable('ASPNETCORE_MODULE_DEBUG', 'FILE,TRACE')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['ASPNETCORE_MODULE_DEBUG']);
    assert.equal(issues[0].severity, 'warning');
    assert.match(issues[0].message, /only from the IIS worker process environment.*debugLevel handler setting/);
    assert.equal(issues[0].fixes![0].safe, false);
    applyAndRecheck(RULE, text, issues[0]);
    for (const name of ['ASPNETCORE_MODULE_DEBUG_FILE', 'ANCM_PREFER_ENVIRONMENT_VARIABLES', 'ancm_prefer_environment_variables']) {
      assert.equal(check(RULE, withEnvironmentVariables([variable(name, '1')])).length, 1, name);
    }
  });

  it('flags ASPNETCORE_APPL_PATH out-of-process only, where ANCM replaces it', () => {
    const text = withEnvironmentVariables([variable('ASPNETCORE_APPL_PATH', '/app')], OUT_OF_PROCESS);
    const [issue] = check(RULE, text);
    assert.match(issue.message, /sets its own value out-of-process/);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_APPL_PATH', '/app')])), []);
    assert.deepEqual(check(RULE, asTransform(withEnvironmentVariables([variable('ASPNETCORE_APPL_PATH', '/app')], OUT_OF_PROCESS))), []);
  });

  it('is driven by the table: exactly the variables marked ignoredInWebConfig are flagged', () => {
    const flagged = ENVIRONMENT_VARIABLES.filter((spec) => spec.ignoredInWebConfig).map((spec) => spec.name).sort();
    assert.deepEqual(flagged, ['ANCM_PREFER_ENVIRONMENT_VARIABLES', 'ASPNETCORE_APPL_PATH', 'ASPNETCORE_MODULE_DEBUG', 'ASPNETCORE_MODULE_DEBUG_FILE']);
  });

  it('accepts variables ANCM takes from web.config and entries dropped by a <clear/>', () => {
    for (const name of ['ASPNETCORE_ENVIRONMENT', 'ANCM_shutdownDelay', 'ASPNETCORE_DETAILEDERRORS', 'ASPNETCORE_TOKEN', 'MY_SETTING']) {
      assert.deepEqual(check(RULE, withEnvironmentVariables([variable(name, '1')], OUT_OF_PROCESS)), [], name);
    }
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_MODULE_DEBUG', 'FILE'), '<clear/>'])), []);
  });
});
