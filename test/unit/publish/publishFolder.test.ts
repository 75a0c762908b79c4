// Reading publish folders made on disk: the apps, their runtimeconfig and deps facts, the PE facts, single-file, and
// the bounds (size cap, depth cap, symlinks out of the folder, FIFOs, broken JSON) as facts rather than exceptions.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findFile, JSON_SIZE_CAP, readPublishFolder } from '../../../server/src/publish/publishFolder';
import { ASPNETCORE_8, bundleMarker, buildPe, depsJson, frameworkDependentApp, MACHINE, makeFolder, NETCORE_8, PE, runtimeConfig, selfContainedApp, WEB_CONFIG } from './publishFixtures';

const posix = process.platform !== 'win32';

async function withFolder<T>(spec: Parameters<typeof makeFolder>[0], body: (site: string, root: string) => Promise<T>): Promise<T> {
  const folder = makeFolder(spec);
  try {
    return await body(folder.site, folder.root);
  } finally {
    folder.remove();
  }
}

describe('readPublishFolder', () => {
  it('reads a framework-dependent app: names, frameworks, assets, PE facts', async () => {
    await withFolder(frameworkDependentApp({ 'runtimes/win/lib/net8.0/Extra.dll': null }), async (site) => {
      const folder = await readPublishFolder(site);
      assert.ok(folder);
      assert.equal(folder.folder, site);
      assert.deepEqual(folder.apps.map((app) => app.name), ['App']);
      const [app] = folder.apps;
      assert.deepEqual(app.runtimeConfig?.frameworks, [{ name: 'Microsoft.AspNetCore.App', version: '8.0.0' }]);
      assert.equal(app.runtimeConfig?.tfm, 'net8.0');
      assert.equal(app.runtimeConfig?.selfContained, false);
      assert.equal(folder.selfContained, false);
      assert.equal(app.deps?.target, '.NETCoreApp,Version=v8.0');
      assert.deepEqual(app.deps?.assets.map((asset) => [asset.library, asset.kind, asset.path, asset.present]), [
        ['App/1.0.0', 'runtime', 'App.dll', true],
        ['Newtonsoft.Json/13.0.3', 'runtime', 'lib/net6.0/Newtonsoft.Json.dll', true],
      ]);
      assert.equal(app.dll?.pe.ok && app.dll.pe.facts.architecture, 'any');
      assert.equal(app.exe?.pe.ok && app.exe.pe.facts.architecture, 'x64');
      assert.equal(app.singleFile, false);
      assert.equal(folder.hostfxr, undefined);
      assert.equal(folder.appOffline, undefined);
      assert.equal(folder.webConfig, 'web.config');
      assert.equal(folder.filesTruncated, false);
      assert.deepEqual(folder.problems, []);
      assert.equal(findFile(folder, '.\\runtimes\\WIN\\lib\\net8.0\\extra.dll')?.kind, 'file');
      assert.equal(findFile(folder, 'App.dll')?.size, PE.anyCpuDll().length);
      assert.equal(findFile(folder, '..\\site\\App.dll'), undefined);
      assert.doesNotThrow(() => JSON.parse(JSON.stringify(folder)), 'plain data');
    });
  });

  it('carries each framework reference with its roll-forward settings, for the resolver', async () => {
    const config = JSON.stringify({
      runtimeOptions: {
        tfm: 'net8.0',
        rollForward: 'LatestMinor',
        applyPatches: false,
        frameworks: [
          { name: 'Microsoft.NETCore.App', version: '8.0.0', rollForward: 'Major' },
          { name: 'Microsoft.AspNetCore.App', version: '8.0.1', applyPatches: true, rollForwardOnNoCandidateFx: 2 },
          { version: 'no name: skipped' },
        ],
      },
    });
    await withFolder(frameworkDependentApp({ 'App.runtimeconfig.json': config }), async (site) => {
      const facts = (await readPublishFolder(site))!.apps[0].runtimeConfig!;
      assert.deepEqual(facts.frameworks, [
        { name: 'Microsoft.NETCore.App', version: '8.0.0', rollForward: 'Major' },
        { name: 'Microsoft.AspNetCore.App', version: '8.0.1', rollForwardOnNoCandidateFx: 2, applyPatches: true },
      ]);
      assert.equal(facts.rollForward, 'LatestMinor');
      assert.equal(facts.applyPatches, false);
    });
  });

  it('reads a self-contained app: includedFrameworks, hostfxr.dll and its machine', async () => {
    await withFolder(selfContainedApp(), async (site) => {
      const folder = (await readPublishFolder(site))!;
      assert.equal(folder.selfContained, true);
      assert.equal(folder.apps[0].runtimeConfig?.selfContained, true);
      assert.deepEqual(folder.apps[0].runtimeConfig?.includedFrameworks.map((framework) => framework.name), ['Microsoft.NETCore.App', 'Microsoft.AspNetCore.App']);
      assert.equal(folder.hostfxr?.pe.ok && folder.hostfxr.pe.facts.architecture, 'x64');
      assert.ok(folder.apps[0].deps?.assets.every((asset) => asset.present));
    });
  });

  it('finds app_offline.htm and web.config in any letter case, and several apps', async () => {
    await withFolder({ 'Web.Config': WEB_CONFIG, 'App_Offline.HTM': 'down', 'One.runtimeconfig.json': runtimeConfig([ASPNETCORE_8]), 'Two.deps.json': depsJson('Two', []) }, async (site) => {
      const folder = (await readPublishFolder(site))!;
      assert.equal(folder.appOffline, 'App_Offline.HTM');
      assert.equal(folder.webConfig, 'Web.Config');
      assert.deepEqual(folder.apps.map((app) => app.name).sort(), ['One', 'Two']);
    });
  });

  it('is undefined for a folder that is no publish output, or no folder at all', async () => {
    await withFolder({ 'web.config': WEB_CONFIG, 'index.html': 'hi', 'App.runtimeconfig.dev.json': '{}' }, async (site) => {
      assert.equal(await readPublishFolder(site), undefined);
      assert.equal(await readPublishFolder(path.join(site, 'missing')), undefined);
      assert.equal(await readPublishFolder(path.join(site, 'web.config')), undefined);
    });
  });

  it('reads a single-file publish when told the app name, and tells a bundle from a plain apphost', async () => {
    const bundle = buildPe({ machine: MACHINE.x64, pe32Plus: true, tail: Buffer.concat([Buffer.alloc(3000), bundleMarker(0x1234), Buffer.alloc(5000, 7)]) });
    const plain = buildPe({ machine: MACHINE.x64, pe32Plus: true, tail: Buffer.concat([Buffer.alloc(100), bundleMarker(0)]) });
    await withFolder({ 'web.config': WEB_CONFIG, 'App.exe': bundle, 'Plain.exe': plain }, async (site) => {
      assert.equal(await readPublishFolder(site), undefined, 'no JSON and no app named');
      const folder = (await readPublishFolder(site, { expectedApps: ['app', 'Plain', 'Nothing'] }))!;
      assert.deepEqual(folder.apps.map((app) => [app.name, app.singleFile]), [['App', true], ['Plain', false]]);
    });
  });

  it('reports a JSON file that is broken or too large as a problem, not an exception', async () => {
    await withFolder(frameworkDependentApp({ 'App.runtimeconfig.json': '{ "runtimeOptions": ', 'App.deps.json': null }), async (site) => {
      truncateSync(path.join(site, 'App.deps.json'), JSON_SIZE_CAP + 1);
      const folder = (await readPublishFolder(site))!;
      assert.equal(folder.apps[0].runtimeConfig, undefined);
      assert.equal(folder.apps[0].deps, undefined);
      assert.deepEqual(folder.problems.map((problem) => [problem.file, problem.problem]).sort(), [['App.deps.json', 'too-large'], ['App.runtimeconfig.json', 'invalid-json']]);
    });
  });

  it('tolerates JSON of the wrong shape and a byte-order mark', async () => {
    await withFolder(frameworkDependentApp({ 'App.runtimeconfig.json': '\uFEFF[1,2]', 'App.deps.json': '{"targets": {"x": 5}, "libraries": null}' }), async (site) => {
      const [app] = (await readPublishFolder(site))!.apps;
      assert.deepEqual(app.runtimeConfig?.frameworks, []);
      assert.deepEqual(app.deps?.assets, []);
    });
  });

  it('does not follow a symbolic link out of the folder', { skip: !posix }, async () => {
    await withFolder(frameworkDependentApp({ 'App.runtimeconfig.json': undefined }), async (site, root) => {
      writeFileSync(path.join(root, 'secret.json'), runtimeConfig([NETCORE_8]));
      mkdirSync(path.join(root, 'elsewhere'));
      writeFileSync(path.join(root, 'elsewhere', 'a.dll'), 'x');
      symlinkSync(path.join(root, 'secret.json'), path.join(site, 'App.runtimeconfig.json'));
      symlinkSync(path.join(root, 'elsewhere'), path.join(site, 'linked'));
      symlinkSync(path.join(site, 'App.dll'), path.join(site, 'Alias.dll'));
      const folder = (await readPublishFolder(site))!;
      assert.equal(folder.apps[0].runtimeConfig, undefined, 'the linked file outside was not read');
      assert.deepEqual(folder.problems.map((problem) => [problem.file, problem.problem]), [['App.runtimeconfig.json', 'outside-folder']]);
      assert.equal(findFile(folder, 'linked')?.kind, 'link-outside');
      assert.equal(findFile(folder, 'linked/a.dll'), undefined, 'not descended');
      assert.equal(findFile(folder, 'Alias.dll')?.kind, 'file', 'a link inside the folder counts');
    });
  });

  it('does not open a FIFO named as the app dll', { skip: !posix || spawnSync('mkfifo', ['--version']).error !== undefined }, async () => {
    await withFolder(frameworkDependentApp({ 'App.dll': undefined }), async (site) => {
      spawnSync('mkfifo', [path.join(site, 'App.dll')]);
      const started = Date.now();
      const folder = (await readPublishFolder(site))!;
      assert.ok(Date.now() - started < 5000);
      assert.equal(findFile(folder, 'App.dll')?.kind, 'other');
      assert.equal(folder.apps[0].dll, undefined);
      assert.deepEqual(folder.problems.map((problem) => problem.problem), ['not-a-file']);
    });
  });

  it('stops listing at the depth cap and says so; assets it could not see are unknown, not missing', async () => {
    const deep = 'a/b/c/d/e/f/g/h/i/j/Deep.dll';
    await withFolder(frameworkDependentApp({ [deep]: null, 'App.deps.json': depsJson('App', [{ name: 'Deep/1.0.0', type: 'package', runtime: [deep] }]) }), async (site) => {
      const folder = (await readPublishFolder(site))!;
      assert.equal(folder.filesTruncated, true);
      assert.equal(findFile(folder, deep), undefined);
      const asset = folder.apps[0].deps!.assets.find((entry) => entry.library === 'Deep/1.0.0');
      assert.equal(asset?.present, undefined);
    });
  });

  it('reads a PE that is truncated or garbage as facts with a reason', async () => {
    await withFolder(frameworkDependentApp({ 'App.dll': PE.x86Dll().subarray(0, 0x100), 'App.exe': 'not a PE' }), async (site) => {
      const [app] = (await readPublishFolder(site))!.apps;
      assert.equal(app.dll?.pe.ok, false);
      assert.equal(app.exe?.pe.ok, false);
      assert.equal(app.dll?.size, 0x100);
    });
  });
});
