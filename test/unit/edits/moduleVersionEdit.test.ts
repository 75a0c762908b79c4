import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { switchHandlersToV2, v1Handlers } from '../../../server/src/service/edits/moduleVersionEdit';
import { parseWebConfig } from '../../../server/src/service/webConfig';
import { publishedConfig } from '../cursor';
import { applyResult, reasonOf } from './editKit';

const LEGACY = readFileSync('test/fixtures/webconfig/legacy-v1.config', 'utf8');

describe('switch V1 handlers to V2', () => {
  it('finds the V1 handler of a 2.x-era web.config and switches it, leaving the rest alone', () => {
    const document = parseWebConfig(LEGACY);
    assert.equal(v1Handlers(document).length, 1);
    const after = applyResult(LEGACY, switchHandlersToV2(document));
    assert.equal(after, LEGACY.replace('modules="AspNetCoreModule"', 'modules="AspNetCoreModuleV2"'));
    assert.deepEqual(v1Handlers(parseWebConfig(after)), []);
  });

  it('matches the module name ignoring case, as IIS does, and keeps single quotes', () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" />').replace('modules="AspNetCoreModuleV2"', "modules='aspnetcoremodule'");
    assert.equal(applyResult(text, switchHandlersToV2(parseWebConfig(text))), text.replace("modules='aspnetcoremodule'", "modules='AspNetCoreModuleV2'"));
  });

  it('says so when there is no V1 handler', () => {
    assert.match(reasonOf(switchHandlersToV2(parseWebConfig(publishedConfig('<aspNetCore processPath="dotnet" />')))), /No handler entry uses the V1 module/);
  });

  it('gives a reason for a modules value still being typed', () => {
    const text = '<configuration><system.webServer><handlers><add name="aspNetCore" modules="AspNetCoreModule\n  path="*" /></handlers></system.webServer></configuration>';
    assert.match(reasonOf(switchHandlersToV2(parseWebConfig(text))), /modules attribute .* not complete/);
  });
});
