import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, variable, withEnvironmentVariables } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'development-environment';
const VISUAL_STUDIO = 'processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%"';

describe('development-environment', () => {
  it('reports Development (any casing) in a deployed-looking file as information, with a not-safe fix to Production', () => {
    for (const name of ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'aspnetcore_environment']) {
      const text = withEnvironmentVariables([variable(name, 'development')]);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), ['development'], name);
      assert.equal(issues[0].severity, 'information');
      assert.match(issues[0].message, /every visitor/);
      assert.equal(issues[0].fixes![0].safe, false);
      assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="Production"'));
    }
  });

  it('reports ASPNETCORE_DETAILEDERRORS set to true or 1', () => {
    for (const value of ['true', 'TRUE', '1']) {
      const text = withEnvironmentVariables([variable('ASPNETCORE_DETAILEDERRORS', value)]);
      const issues = check(RULE, text);
      assert.deepEqual(marked(text, issues), [value], value);
      assert.ok(applyAndRecheck(RULE, text, issues[0]).includes('value="false"'));
    }
  });

  it('accepts other environments and values ANCM does not treat as on', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Production')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development ')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_DETAILEDERRORS', 'false')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_DETAILEDERRORS', 'yes')])), []);
  });

  it('is quiet in Visual Studio files (%LAUNCHER_PATH%), transforms, sections without processPath, and overridden entries', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development')], VISUAL_STUDIO)), []);
    assert.deepEqual(check(RULE, asTransform(withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development')]))), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development')], 'hostingModel="inprocess"')), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development'), variable('ASPNETCORE_ENVIRONMENT', 'Production')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development'), '<clear />'])), []);
  });
});
