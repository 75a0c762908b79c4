// The seam between the publish checks and hostfxr's framework resolution: runtimeconfig facts in, one RuntimeResolution
// per framework out, and the checks' publish-runtime-not-found built on it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPublishFolder, type PublishCheckInput } from '../../../server/src/publish/publishChecks';
import { parseRuntimeConfig, readPublishFolder, type RuntimeConfigFacts } from '../../../server/src/publish/publishFolder';
import { readRuntimeInventory, runtimeOptionsOf, runtimeResolver } from '../../../server/src/publish/runtimeMatch';
import { ASPNETCORE_8, frameworkDependentApp, makeFolder, PE, runtimeConfig } from './publishFixtures';

const LIST_RUNTIMES = [
  'Microsoft.AspNetCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  'Microsoft.AspNetCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]',
  'Microsoft.NETCore.App 8.0.11 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]',
  'Microsoft.AspNetCore.App 6.0.25 [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 6.0.25 [C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App]',
].join('\r\n');

function config(json: string, file = 'App.runtimeconfig.json'): RuntimeConfigFacts {
  return parseRuntimeConfig(file, JSON.parse(json));
}

describe('runtimeMatch', () => {
  const installed = readRuntimeInventory(LIST_RUNTIMES);

  it('re-exposes the inventory readers: --list-runtimes output, architecture from the path', () => {
    assert.equal(installed.length, 6);
    assert.deepEqual(installed.filter((entry) => entry.architecture === 'x86').map((entry) => `${entry.name} ${entry.version}`), ['Microsoft.AspNetCore.App 6.0.25', 'Microsoft.NETCore.App 6.0.25']);
    assert.equal(readRuntimeInventory('Microsoft.AspNetCore.App 8.0.11 x86')[0].architecture, 'x86');
  });

  it('turns runtimeconfig facts into the engine\'s runtimeOptions, settings and all', () => {
    const facts = config(JSON.stringify({ runtimeOptions: { tfm: 'net8.0', rollForward: 'LatestMinor', frameworks: [{ name: 'Microsoft.NETCore.App', version: '8.0.0' }, { name: 'Microsoft.AspNetCore.App', version: '8.0.0', applyPatches: false }] } }));
    assert.deepEqual(runtimeOptionsOf(facts), {
      frameworks: [{ name: 'Microsoft.NETCore.App', version: '8.0.0' }, { name: 'Microsoft.AspNetCore.App', version: '8.0.0', applyPatches: false }],
      rollForward: 'LatestMinor',
      tfm: 'net8.0',
    });
  });

  it('resolves each framework, and the frameworks they reference, for the process architecture', () => {
    const resolve = runtimeResolver(installed);
    const x64 = resolve({ app: 'App', runtimeConfig: config(runtimeConfig([ASPNETCORE_8])), architecture: 'x64' });
    assert.deepEqual(x64.map((entry) => [entry.framework, entry.resolved]), [['Microsoft.AspNetCore.App', '8.0.11'], ['Microsoft.NETCore.App', '8.0.11']]);
    assert.match(x64[0].message, /^resolves to Microsoft\.AspNetCore\.App 8\.0\.11 \(x64\)/);
    // AnyCPU and unknown: the default worker process, x64.
    assert.deepEqual(resolve({ app: 'App', runtimeConfig: config(runtimeConfig([ASPNETCORE_8])), architecture: 'any' }).map((entry) => entry.resolved), ['8.0.11', '8.0.11']);
  });

  it('says what is missing, what is installed for that architecture and for the others', () => {
    const resolve = runtimeResolver(installed);
    const [x86] = resolve({ app: 'App', runtimeConfig: config(runtimeConfig([ASPNETCORE_8])), architecture: 'x86' });
    assert.equal(x86.resolved, undefined);
    assert.equal(x86.framework, 'Microsoft.AspNetCore.App');
    assert.equal(x86.message, 'needs the .NET 8 Hosting Bundle, 8.0.0 or later (x86); installed for x86: 6.0.25; installed for x64: 6.0.25, 8.0.11');
  });

  it('honours rollForward and DOTNET_ROLL_FORWARD from the environment it is given', () => {
    const net9 = config(runtimeConfig([{ name: 'Microsoft.AspNetCore.App', version: '9.0.0' }]));
    assert.equal(runtimeResolver(installed)({ app: 'App', runtimeConfig: net9, architecture: 'x64' })[0].resolved, undefined);
    const major = config(runtimeConfig([{ name: 'Microsoft.AspNetCore.App', version: '6.0.0' }], { rollForward: 'LatestMajor' }));
    assert.equal(runtimeResolver(installed)({ app: 'App', runtimeConfig: major, architecture: 'x64' })[0].resolved, '8.0.11');
    const six = config(runtimeConfig([{ name: 'Microsoft.AspNetCore.App', version: '6.0.0' }]));
    assert.equal(runtimeResolver(installed, { env: { dotnet_roll_forward: 'LatestMajor' } })({ app: 'App', runtimeConfig: six, architecture: 'x64' })[0].resolved, '8.0.11');
  });

  it('reports a runtimeconfig the host refuses as one unresolved entry, and nothing for a self-contained app', () => {
    const bad = config(JSON.stringify({ runtimeOptions: { rollForward: 'Sideways', framework: { name: 'Microsoft.AspNetCore.App', version: '8.0.0' } } }));
    const [entry] = runtimeResolver(installed)({ app: 'App', runtimeConfig: bad, architecture: 'x64' });
    assert.equal(entry.resolved, undefined);
    assert.match(entry.message, /rollForward 'Sideways'/);
    const included = config(runtimeConfig([ASPNETCORE_8], { selfContained: true }));
    assert.deepEqual(runtimeResolver(installed)({ app: 'App', runtimeConfig: included, architecture: 'x64' }), []);
  });

  it('drives publish-runtime-not-found in the checks, with the app pool\'s bitness', async () => {
    const folder = makeFolder(frameworkDependentApp({ 'App.dll': PE.anyCpuDll() }));
    try {
      const facts = await readPublishFolder(folder.site);
      assert.ok(facts);
      const input: PublishCheckInput = { processPath: 'dotnet', arguments: '.\\App.dll', hostingModel: 'inprocess' };
      const run = (appPool32Bit?: boolean) => checkPublishFolder(facts, { ...input, ...(appPool32Bit !== undefined ? { appPool32Bit } : {}) }, { resolveRuntimes: runtimeResolver(installed) })
        .filter((finding) => finding.id === 'publish-runtime-not-found');
      assert.deepEqual(run(), []);
      assert.deepEqual(run(false), []);
      const x86 = run(true);
      assert.equal(x86.length, 1);
      assert.equal(x86[0].status, '500.31');
      assert.match(x86[0].message, /^Microsoft\.AspNetCore\.App: needs the \.NET 8 Hosting Bundle, 8\.0\.0 or later \(x86\)/);
    } finally {
      folder.remove();
    }
  });
});
