import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asTransform, setting, variable, withEnvironmentVariables, withHandlerSettings } from './entryFixtures';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'duplicate-entry';

describe('duplicate-entry', () => {
  it('environment variables: the last entry wins, so the earlier one is reported (case-insensitive names)', () => {
    const text = withEnvironmentVariables([variable('ASPNETCORE_ENVIRONMENT', 'Development'), variable('aspnetcore_environment', 'Production')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['ASPNETCORE_ENVIRONMENT']);
    assert.equal(issues[0].severity, 'warning');
    assert.equal(issues[0].unnecessary, true);
    assert.match(issues[0].message, /later entry named 'aspnetcore_environment' \(value 'Production'\) wins.*last/);
  });

  it('handler settings: the first entry wins, so the later one is reported', () => {
    const text = withHandlerSettings([setting('debugLevel', 'FILE,TRACE'), setting('DebugLevel', 'FILE,ERROR')]);
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['DebugLevel']);
    assert.match(issues[0].message, /earlier entry named 'debugLevel' \(value 'FILE,TRACE'\) wins.*first/);
  });

  it('reports every ignored entry of a name, each naming the one that wins', () => {
    const text = withEnvironmentVariables([variable('A', '1'), variable('A', '2'), variable('A', '3')]);
    const issues = check(RULE, text);
    assert.equal(issues.length, 2);
    assert.ok(issues.every((issue) => issue.message.includes("(value '3')")));
  });

  it('removes the ignored entry; safe only when it is an exact copy of the winner', () => {
    const differing = withEnvironmentVariables([variable('A', '1'), variable('A', '2')]);
    const [issue] = check(RULE, differing);
    assert.equal(issue.fixes![0].safe, false);
    const fixed = applyAndRecheck(RULE, differing, issue);
    assert.ok(!fixed.includes('value="1"') && fixed.includes('          <environmentVariable name="A" value="2" />\n        </environmentVariables>'), fixed);
    const copies = withEnvironmentVariables([variable('A', '1'), variable('A', '1')]);
    assert.equal(check(RULE, copies)[0].fixes![0].safe, true);
  });

  it('ignores entries before a <clear/>, different names, separate sections, and transforms', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('A', '1'), '<clear />', variable('A', '2')])), []);
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('A', '1'), variable('B', '1')])), []);
    assert.deepEqual(check(RULE, asTransform(withEnvironmentVariables([variable('A', '1'), variable('A', '2')]))), []);
    const twoLocations = `<configuration>\n${[1, 2].map((n) => `  <location path="app${n}"><system.webServer><aspNetCore processPath="dotnet"><environmentVariables>${variable('A', String(n))}</environmentVariables></aspNetCore></system.webServer></location>`).join('\n')}\n</configuration>`;
    assert.deepEqual(check(RULE, twoLocations), []);
  });

  it('ignores entries whose name is still being typed', () => {
    assert.deepEqual(check(RULE, withEnvironmentVariables([variable('A', '1'), '<environmentVariable name="A'])), []);
  });
});
