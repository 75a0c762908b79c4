import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishedConfig } from '../cursor';
import { applyAndRecheck, check, marked } from './ruleKit';

const RULE = 'v1-module-not-installed';
const v1 = (section: string) => publishedConfig(section).replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModule"');

describe('v1-module-not-installed', () => {
  it('says, as information, that Hosting Bundles since .NET Core 3.0 no longer install V1, and offers V2', () => {
    const text = v1('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />');
    const issues = check(RULE, text);
    assert.deepEqual(marked(text, issues), ['AspNetCoreModule']);
    assert.equal(issues[0].severity, 'information');
    assert.match(issues[0].message, /Hosting Bundles since \.NET Core 3\.0 no longer install/);
    assert.equal(issues[0].fixes?.[0].safe, false);
    assert.match(applyAndRecheck(RULE, text, issues[0]), /modules="AspNetCoreModuleV2"/);
  });

  it('leaves in-process files to in-process-v1-module, and is quiet for V2', () => {
    assert.deepEqual(check(RULE, v1('<aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="inprocess" />')), []);
    assert.equal(check('in-process-v1-module', v1('<aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="inprocess" />')).length, 1);
    assert.deepEqual(check(RULE, publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />')), []);
  });
});
