import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { asTransform } from './entryFixtures';
import { check, marked } from './ruleKit';

const RULE = 'launcher-placeholder';

describe('launcher-placeholder', () => {
  it('reports each placeholder in processPath and arguments as information, marking the placeholder itself', () => {
    const text = publishedConfig('<aspNetCore processPath="%LAUNCHER_PATH%" arguments="-argFile x %LAUNCHER_ARGS%" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['%LAUNCHER_PATH%', '%LAUNCHER_ARGS%']);
    assert.ok(issues.every((issue) => issue.severity === 'information'));
    assert.match(issues[0].message, /Visual Studio.*publish.*cannot start/);
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
