import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { check, marked } from './ruleKit';

const RULE = 'in-process-path-not-exe';

describe('in-process-path-not-exe', () => {
  it('reports an in-process processPath with another extension, quoting ANCM', () => {
    const text = publishedConfig('<aspNetCore processPath=".\\start.cmd" hostingModel="InProcess" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['.\\start.cmd']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /"Process path '\.\\start\.cmd' doesn't have '\.exe' extension\."/);
  });

  it('is quiet for an exe, a path ANCM completes with .exe, dotnet, a dll (process-path-dll) and out-of-process', () => {
    for (const section of [
      '<aspNetCore processPath=".\\App.EXE" hostingModel="inprocess" />',
      '<aspNetCore processPath=".\\App" hostingModel="inprocess" />',
      '<aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="inprocess" />',
      '<aspNetCore processPath=".\\App.dll" hostingModel="inprocess" />',
      '<aspNetCore processPath=".\\start.cmd" />',
      '<aspNetCore processPath="%LAUNCHER_PATH%" hostingModel="inprocess" />',
    ]) {
      assert.deepEqual(check(RULE, publishedConfig(section)), [], section);
    }
  });
});
