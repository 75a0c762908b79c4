import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'unknown-module';
const base = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />');

describe('unknown-module', () => {
  it('reports AspNetCoreModuleV3 as HTTP 500.21 and safely fixes it to AspNetCoreModuleV2', () => {
    const text = base.replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModuleV3"');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['AspNetCoreModuleV3']);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message, /500\.21/);
    assert.equal(issues[0].fixes?.[0].safe, true);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /modules="AspNetCoreModuleV2"/);
  });

  it('does not call the fix safe for a name that may have meant V1', () => {
    const text = base.replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModuleV1"');
    assert.equal(check(RULE, text)[0].fixes?.[0].safe, false);
  });

  it('is quiet for V2 and V1 in any case, and for other modules', () => {
    for (const modules of ['AspNetCoreModuleV2', 'aspnetcoremodulev2', 'AspNetCoreModule', 'iisnode', 'httpPlatformHandler']) {
      assert.deepEqual(check(RULE, base.replace('modules="AspNetCoreModuleV2"', `modules="${modules}"`)), [], modules);
    }
  });
});
