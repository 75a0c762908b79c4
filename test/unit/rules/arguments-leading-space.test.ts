import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'arguments-leading-space';

describe('arguments-leading-space', () => {
  it('is an error in-process with dotnet, where the first argument becomes empty, and safely trims the value', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" arguments=" .\\App.dll" hostingModel="inprocess" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), [' .\\App.dll']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /CommandLineToArgvW.*''/);
    assert.equal(issues[0].fixes?.[0].safe, true);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /arguments="\.\\App\.dll"/);
  });

  it('is a warning in-process with the app exe, and information out-of-process', () => {
    const exe = check(RULE, publishedConfig('<aspNetCore processPath=".\\App.exe" arguments="  --urls x" hostingModel="inprocess" />'));
    assert.equal(exe[0].severity, 'warning');
    const outOfProcess = check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments="\t.\\App.dll" />'));
    assert.equal(outOfProcess[0].severity, 'information');
  });

  it('is quiet for arguments without leading whitespace, and for empty or blank ones (dotnet-without-arguments)', () => {
    for (const args of ['.\\App.dll ', '', '  ']) {
      assert.deepEqual(check(RULE, publishedConfig(`<aspNetCore processPath="dotnet" arguments="${args}" hostingModel="inprocess" />`)), [], args);
    }
  });
});
