import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { asTransform } from './entryFixtures';
import { check, marked } from './ruleKit';

const RULE = 'launcher-placeholder';

/** The same section without the `<location path="." inheritInChildApplications="false">` that dotnet publish writes. */
function projectConfig(section: string): string {
  return publishedConfig(section).replace('<location path="." inheritInChildApplications="false">', '<location>');
}

describe('launcher-placeholder', () => {
  it('reports each placeholder in a project web.config as information, marking the placeholder itself', () => {
    const text = projectConfig('<aspNetCore processPath="%LAUNCHER_PATH%" arguments="-argFile x %LAUNCHER_ARGS%" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['%LAUNCHER_PATH%', '%LAUNCHER_ARGS%']);
    assert.ok(issues.every((issue) => issue.severity === 'information'));
    assert.match(issues[0].message, /Visual Studio.*publish.*cannot start/);
  });

  it('reports the placeholders as errors in a file with the published layout', () => {
    const text = publishedConfig('<aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['%LAUNCHER_PATH%', '%LAUNCHER_ARGS%']);
    assert.ok(issues.every((issue) => issue.severity === 'error'));
    assert.match(issues[0].message, /this file looks published/);
  });

  it('reports Visual Studio\'s IIS launcher and its argument file', () => {
    const section = '<aspNetCore processPath="bin\\IISSupport\\VSIISExeLauncher.exe" arguments="-argFile IISExeLauncherArgs.txt" />';
    const project = projectConfig(section);
    const issues = check(RULE, project);
    assert.deepEqual(marked(project, issues), ['VSIISExeLauncher.exe', '-argFile IISExeLauncherArgs.txt']);
    assert.ok(issues.every((issue) => issue.severity === 'information'));
    assert.ok(check(RULE, publishedConfig(section)).every((issue) => issue.severity === 'error'));
  });

  it('matches the placeholder in any casing (Windows variable names ignore case)', () => {
    const text = publishedConfig('<aspNetCore processPath="%launcher_path%" />');
    assert.deepEqual(marked(text, check(RULE, text)), ['%launcher_path%']);
  });

  it('is quiet for published values, transforms and values being typed', () => {
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll" />')), []);
    assert.deepEqual(check(RULE, asTransform(publishedConfig('<aspNetCore processPath="%LAUNCHER_PATH%" />'))), []);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="%LAUNCHER_PATH%')), []);
  });
});
