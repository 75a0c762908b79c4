// One test per publish check, each on a publish folder made on disk: the finding when the problem is there, none when
// it is not.

import assert from 'node:assert/strict';
import { rmSync, truncateSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkPublishFolder, PUBLISH_CHECKS, type PublishCheckInput, type PublishCheckOptions, type PublishFinding, type RuntimeResolutionRequest } from '../../../server/src/publish/publishChecks';
import { JSON_SIZE_CAP, readPublishFolder } from '../../../server/src/publish/publishFolder';
import { ASPNETCORE_8, bundleMarker, buildPe, depsJson, type FolderSpec, frameworkDependentApp, MACHINE, makeFolder, NETCORE_8, PE, runtimeConfig, selfContainedApp } from './publishFixtures';

const DOTNET: PublishCheckInput = { processPath: 'dotnet', arguments: '.\\App.dll', hostingModel: 'inprocess' };
const EXE: PublishCheckInput = { processPath: '.\\App.exe', arguments: '', hostingModel: 'inprocess' };

async function check(spec: FolderSpec, input: PublishCheckInput, options: PublishCheckOptions = {}, prepare?: (site: string) => void): Promise<PublishFinding[]> {
  const folder = makeFolder(spec);
  try {
    prepare?.(folder.site);
    const facts = await readPublishFolder(folder.site, { expectedApps: ['App'] });
    assert.ok(facts, 'a publish folder');
    const findings = checkPublishFolder(facts, input, options);
    for (const finding of findings) assert.ok(finding.message.length <= 200, `${finding.id}: ${finding.message.length} chars`);
    return findings;
  } finally {
    folder.remove();
  }
}

function only(findings: readonly PublishFinding[], id: string): PublishFinding[] {
  return findings.filter((finding) => finding.id === id);
}

function ids(findings: readonly PublishFinding[]): string[] {
  return findings.map((finding) => finding.id);
}

describe('publish checks', () => {
  it('has stable kebab-case ids, each once', () => {
    const all = PUBLISH_CHECKS.map((entry) => entry.id);
    assert.equal(new Set(all).size, all.length);
    for (const id of all) assert.match(id, /^publish-[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('a clean framework-dependent folder has no findings, started either way', async () => {
    assert.deepEqual(await check(frameworkDependentApp(), DOTNET), []);
    assert.deepEqual(await check(frameworkDependentApp(), EXE), []);
    assert.deepEqual(await check(frameworkDependentApp(), { ...EXE, processPath: '.\\App' }), []);
    assert.deepEqual(await check(selfContainedApp(), { ...EXE, appPool32Bit: false }), []);
  });

  describe('publish-app-dll-missing', () => {
    it('flags the dll arguments name when it is not there, with the status', async () => {
      const [finding] = only(await check(frameworkDependentApp(), { ...DOTNET, arguments: '.\\Ap.dll' }), 'publish-app-dll-missing');
      assert.equal(finding.attribute, 'arguments');
      assert.equal(finding.status, '500.38');
      assert.match(finding.message, /^\.\\Ap\.dll is not in the publish folder/);
      const [outOfProcess] = only(await check(frameworkDependentApp(), { ...DOTNET, arguments: '.\\Ap.dll --urls x', hostingModel: '' }), 'publish-app-dll-missing');
      assert.equal(outOfProcess.status, '502.5');
    });

    it('flags an .exe without its sibling dll (not single-file)', async () => {
      const [finding] = only(await check(frameworkDependentApp({ 'App.dll': undefined }), EXE), 'publish-app-dll-missing');
      assert.equal(finding.attribute, 'processPath');
      assert.match(finding.message, /^App\.dll is missing beside App\.exe/);
    });

    it('is quiet for a dll that is there, in any case, and for paths it cannot see (rooted, %VAR%, outside)', async () => {
      for (const args of ['.\\app.DLL', 'App.dll', '"App.dll"', 'C:\\sites\\x\\Other.dll', '%HOME%\\Other.dll', '..\\Other.dll']) {
        assert.deepEqual(only(await check(frameworkDependentApp(), { ...DOTNET, arguments: args }), 'publish-app-dll-missing'), [], args);
      }
    });
  });

  describe('publish-exe-missing', () => {
    it('flags an .exe processPath that is not in the folder', async () => {
      const [finding] = only(await check(frameworkDependentApp(), { ...EXE, processPath: '.\\Ap.exe' }), 'publish-exe-missing');
      assert.equal(finding.attribute, 'processPath');
      assert.match(finding.message, /^\.\\Ap\.exe is not in the publish folder/);
    });

    it('is quiet when the .exe is there', async () => {
      assert.deepEqual(only(await check(frameworkDependentApp(), EXE), 'publish-exe-missing'), []);
    });
  });

  describe('publish-single-file-in-process', () => {
    const bundle = buildPe({ machine: MACHINE.x64, pe32Plus: true, tail: Buffer.concat([Buffer.alloc(512), bundleMarker(0x4000), Buffer.alloc(2048, 1)]) });
    const singleFile: FolderSpec = { 'web.config': '<configuration />', 'App.exe': bundle };

    it('flags a single-file publish hosted in-process (500.38)', async () => {
      const findings = await check(singleFile, EXE);
      assert.deepEqual(ids(findings), ['publish-single-file-in-process']);
      assert.equal(findings[0].status, '500.38');
      assert.equal(findings[0].attribute, 'hostingModel');
    });

    it('is quiet out-of-process, where the bundle runs as its own process', async () => {
      assert.deepEqual(await check(singleFile, { ...EXE, hostingModel: 'OutOfProcess' }), []);
    });
  });

  describe('publish-self-contained-with-dotnet', () => {
    it('flags a self-contained folder started with dotnet', async () => {
      const [finding] = only(await check(selfContainedApp(), DOTNET), 'publish-self-contained-with-dotnet');
      assert.equal(finding.attribute, 'processPath');
      assert.match(finding.message, /hostfxr\.dll/);
      const path = only(await check(selfContainedApp(), { ...DOTNET, processPath: 'C:\\Program Files\\dotnet\\DOTNET.EXE' }), 'publish-self-contained-with-dotnet');
      assert.equal(path.length, 1);
    });

    it('is quiet for a framework-dependent app with dotnet and a self-contained one with its .exe', async () => {
      assert.deepEqual(only(await check(frameworkDependentApp(), DOTNET), 'publish-self-contained-with-dotnet'), []);
      assert.deepEqual(only(await check(selfContainedApp(), EXE), 'publish-self-contained-with-dotnet'), []);
    });
  });

  describe('publish-unquoted-space', () => {
    const spaced = frameworkDependentApp({ 'My App.dll': PE.anyCpuDll(), 'My App.runtimeconfig.json': runtimeConfig([ASPNETCORE_8]) });

    it('flags a dll path with a space and no quotes', async () => {
      const findings = await check(spaced, { ...DOTNET, arguments: '.\\My App.dll --urls http://+:5000' });
      assert.deepEqual(ids(findings), ['publish-unquoted-space']);
      assert.equal(findings[0].attribute, 'arguments');
      assert.match(findings[0].message, /^"\.\\My App\.dll" has a space but no quotes: dotnet gets "\.\\My" as the app/);
    });

    it('is quiet when it is quoted', async () => {
      assert.deepEqual(await check(spaced, { ...DOTNET, arguments: '".\\My App.dll" --urls x' }), []);
    });
  });

  describe('bitness', () => {
    const x86 = frameworkDependentApp({ 'App.dll': PE.x86Dll() });

    it('publish-bitness-mismatch: an x86 app in a 64-bit pool, an x64 self-contained app in a 32-bit pool', async () => {
      const [finding] = only(await check(x86, { ...DOTNET, appPool32Bit: false }), 'publish-bitness-mismatch');
      assert.equal(finding.status, '500.32');
      assert.match(finding.message, /^App\.dll is x86 \(32-bit required\) but the app pool is 64-bit \(HTTP 500\.32\): set Enable 32-Bit Applications = True/);
      const [selfContained] = only(await check(selfContainedApp(), { ...EXE, appPool32Bit: true }), 'publish-bitness-mismatch');
      assert.match(selfContained.message, /x64 but the app pool is 32-bit.*= False/);
    });

    it('publish-bitness-mismatch is quiet when they agree, for AnyCPU, and out-of-process', async () => {
      assert.deepEqual(await check(x86, { ...DOTNET, appPool32Bit: true }), []);
      assert.deepEqual(await check(frameworkDependentApp(), { ...DOTNET, appPool32Bit: true }), []);
      assert.deepEqual(await check(x86, { ...DOTNET, hostingModel: 'outofprocess', appPool32Bit: false }), []);
      // A framework-dependent app's x64 apphost does not bind w3wp: the machine's hostfxr of w3wp's bitness is used.
      assert.deepEqual(await check(frameworkDependentApp({ 'App.exe': PE.nativeX64Exe() }), { ...EXE, appPool32Bit: true }), []);
    });

    it('publish-needs-32-bit-pool: says what the pool needs when its setting is unknown', async () => {
      const findings = await check(x86, DOTNET);
      assert.deepEqual(ids(findings), ['publish-needs-32-bit-pool']);
      assert.equal(findings[0].severity, 'information');
      assert.match(findings[0].message, /Enable 32-Bit Applications = True/);
      assert.deepEqual(await check(frameworkDependentApp({ 'App.dll': PE.x64Dll() }), DOTNET), []);
    });

    it('publish-mixed-architectures: an x64 hostfxr.dll with an x86 app dll', async () => {
      const [finding] = only(await check(selfContainedApp({ 'App.dll': PE.x86Dll() }), EXE), 'publish-mixed-architectures');
      assert.deepEqual([...(finding.files ?? [])].sort(), ['App.dll', 'App.exe', 'hostfxr.dll']);
      assert.deepEqual(only(await check(selfContainedApp(), EXE), 'publish-mixed-architectures'), []);
    });
  });

  describe('publish-missing-aspnetcore-framework', () => {
    it('flags an in-process app without Microsoft.AspNetCore.App (500.33), framework-dependent or self-contained', async () => {
      const [finding] = only(await check(frameworkDependentApp({ 'App.runtimeconfig.json': runtimeConfig([NETCORE_8]) }), DOTNET), 'publish-missing-aspnetcore-framework');
      assert.equal(finding.status, '500.33');
      assert.match(finding.message, /^App\.runtimeconfig\.json references Microsoft\.NETCore\.App, not Microsoft\.AspNetCore\.App/);
      const selfContained = selfContainedApp({ 'App.runtimeconfig.json': runtimeConfig([NETCORE_8], { selfContained: true }) });
      assert.equal(only(await check(selfContained, EXE), 'publish-missing-aspnetcore-framework').length, 1);
    });

    it('is quiet with the framework (or .All), and out-of-process', async () => {
      assert.deepEqual(await check(frameworkDependentApp({ 'App.runtimeconfig.json': runtimeConfig([NETCORE_8, { name: 'microsoft.aspnetcore.all', version: '2.2.0' }]) }), DOTNET), []);
      assert.deepEqual(await check(frameworkDependentApp({ 'App.runtimeconfig.json': runtimeConfig([NETCORE_8]) }), { ...DOTNET, hostingModel: 'OutOfProcess' }), []);
    });
  });

  describe('publish-runtimeconfig-missing', () => {
    it('flags a framework-dependent app without its runtimeconfig.json', async () => {
      const findings = await check(frameworkDependentApp({ 'App.runtimeconfig.json': undefined }), DOTNET);
      assert.deepEqual(ids(findings), ['publish-runtimeconfig-missing']);
    });

    it('is quiet with it, and for a self-contained app', async () => {
      assert.deepEqual(await check(selfContainedApp({ 'App.runtimeconfig.json': undefined }), EXE), []);
    });
  });

  describe('publish-runtime-not-found (the resolver seam)', () => {
    it('asks the resolver with the app\'s references and the pool\'s architecture, and reports what does not resolve', async () => {
      const requests: RuntimeResolutionRequest[] = [];
      const findings = await check(frameworkDependentApp(), { ...DOTNET, appPool32Bit: true }, {
        resolveRuntimes: (request) => {
          requests.push(request);
          return [{ framework: 'Microsoft.AspNetCore.App', message: 'needs the .NET 8 Hosting Bundle, 8.0.0 or later (x86)' }];
        },
      });
      assert.deepEqual(requests.map((request) => [request.app, request.architecture, request.runtimeConfig.frameworks[0].name]), [['App', 'x86', 'Microsoft.AspNetCore.App']]);
      assert.deepEqual(ids(findings), ['publish-runtime-not-found']);
      assert.equal(findings[0].status, '500.31');
      assert.match(findings[0].message, /^Microsoft\.AspNetCore\.App: needs the \.NET 8 Hosting Bundle/);
    });

    it('is quiet when it resolves, without a resolver, when the resolver throws, and for a self-contained app', async () => {
      const resolved: PublishCheckOptions = { resolveRuntimes: () => [{ framework: 'Microsoft.AspNetCore.App', resolved: '8.0.11', message: 'resolves to Microsoft.AspNetCore.App 8.0.11 (x64)' }] };
      assert.deepEqual(await check(frameworkDependentApp(), DOTNET, resolved), []);
      assert.deepEqual(await check(frameworkDependentApp(), DOTNET, {}), []);
      assert.deepEqual(await check(frameworkDependentApp(), DOTNET, { resolveRuntimes: () => { throw new Error('boom'); } }), []);
      let asked = false;
      await check(selfContainedApp(), EXE, { resolveRuntimes: () => { asked = true; return []; } });
      assert.equal(asked, false);
    });
  });

  describe('publish-deps-asset-missing', () => {
    it('flags runtime assets that are missing (error) and native ones (warning), listing them', async () => {
      const spec = frameworkDependentApp({
        'Newtonsoft.Json.dll': undefined,
        'App.deps.json': depsJson('App', [
          { name: 'Newtonsoft.Json/13.0.3', type: 'package', runtime: ['lib/net6.0/Newtonsoft.Json.dll'] },
          { name: 'SQLite/1.0.0', type: 'package', runtimeTargets: { 'runtimes/win-x64/native/e_sqlite3.dll': { rid: 'win-x64', assetType: 'native' }, 'runtimes/linux-x64/native/libe_sqlite3.so': { rid: 'linux-x64', assetType: 'native' } } },
        ]),
      });
      const findings = only(await check(spec, DOTNET), 'publish-deps-asset-missing');
      assert.deepEqual(findings.map((finding) => [finding.severity, finding.files]), [
        ['error', ['lib/net6.0/Newtonsoft.Json.dll']],
        ['warning', ['runtimes/win-x64/native/e_sqlite3.dll']],
      ]);
      assert.match(findings[0].message, /^A file App\.deps\.json lists is missing \(Newtonsoft\.Json\.dll\)/);
    });

    it('counts the rest when many are missing, and leaves the app dll to the process checks', async () => {
      const runtime = Array.from({ length: 7 }, (_, index) => `lib/net8.0/Lib${index}.dll`);
      const findings = await check(frameworkDependentApp({ 'App.dll': undefined, 'App.deps.json': depsJson('App', [{ name: 'Many/1.0.0', type: 'package', runtime }]) }), DOTNET);
      assert.deepEqual(ids(findings), ['publish-app-dll-missing', 'publish-deps-asset-missing']);
      assert.match(findings[1].message, /^7 files App\.deps\.json lists are missing \(Lib0\.dll, Lib1\.dll, Lib2\.dll, and 4 more\)/);
    });

    it('is quiet when every asset is there, by file name or relative path', async () => {
      const spec = frameworkDependentApp({ 'runtimes/win/lib/net8.0/Drawing.dll': null, 'App.deps.json': depsJson('App', [{ name: 'Drawing/1.0.0', type: 'package', runtimeTargets: { 'runtimes/win/lib/net8.0/Drawing.dll': { rid: 'win', assetType: 'runtime' } } }, { name: 'Ref/1.0.0', type: 'reference', runtime: ['Ref.dll'] }]) });
      assert.deepEqual(await check(spec, DOTNET), []);
    });
  });

  describe('publish-app-offline', () => {
    it('flags app_offline.htm (503)', async () => {
      const findings = await check(frameworkDependentApp({ 'app_offline.htm': '<html>down</html>' }), DOTNET);
      assert.deepEqual(ids(findings), ['publish-app-offline']);
      assert.equal(findings[0].status, '503');
    });

    it('is quiet without it', async () => {
      assert.deepEqual(await check(frameworkDependentApp({ 'app_offline.htm.bak': 'x' }), DOTNET), []);
    });
  });

  describe('shadow copy', () => {
    const shadow = (directory: string | undefined, clean = true): PublishCheckInput => ({
      ...DOTNET,
      handlerSettings: [{ name: 'enableShadowCopy', value: 'true' }, ...(directory !== undefined ? [{ name: 'shadowCopyDirectory', value: directory }] : []), ...(clean ? [{ name: 'cleanShadowCopyDirectory', value: 'true' }] : [])],
    });

    it('publish-shadow-copy-inside-app: the default, or a folder inside the app', async () => {
      assert.deepEqual(ids(await check(frameworkDependentApp(), shadow(undefined))), ['publish-shadow-copy-inside-app']);
      assert.deepEqual(ids(await check(frameworkDependentApp(), shadow('.\\bin\\shadow'))), ['publish-shadow-copy-inside-app']);
    });

    it('publish-shadow-copy-shared: the parent folder itself, or a directory another app uses', async () => {
      const [parent] = await check(frameworkDependentApp(), shadow('..\\'));
      assert.deepEqual([parent.id, parent.severity], ['publish-shadow-copy-shared', 'error']);
      const folder = makeFolder(frameworkDependentApp());
      try {
        const facts = (await readPublishFolder(folder.site))!;
        const other = path.join(folder.root, 'ShadowCopy');
        const findings = checkPublishFolder(facts, { ...shadow('..\\ShadowCopy\\', false), otherShadowCopyDirectories: [other] });
        assert.deepEqual(findings.map((finding) => [finding.id, finding.severity]), [['publish-shadow-copy-shared', 'warning'], ['publish-shadow-copy-not-cleaned', 'information']]);
      } finally {
        folder.remove();
      }
    });

    it('publish-shadow-copy-not-cleaned: shadow copying without cleanShadowCopyDirectory', async () => {
      const findings = await check(frameworkDependentApp(), shadow('..\\ShadowCopy\\App', false));
      assert.deepEqual(ids(findings), ['publish-shadow-copy-not-cleaned']);
      assert.equal(findings[0].attribute, 'cleanShadowCopyDirectory');
    });

    it('is quiet for an own folder outside the app, cleaned, and when shadow copying is off', async () => {
      assert.deepEqual(await check(frameworkDependentApp(), shadow('..\\ShadowCopy\\App')), []);
      assert.deepEqual(await check(frameworkDependentApp(), { ...DOTNET, handlerSettings: [{ name: 'enableShadowCopy', value: 'yes' }] }), []);
      assert.deepEqual(await check(frameworkDependentApp(), shadow('%TEMP%\\shadow')), []);
    });
  });

  describe('development residue', () => {
    it('publish-launcher-placeholder: %LAUNCHER_PATH% / %LAUNCHER_ARGS% / VSIISExeLauncher', async () => {
      const findings = await check(frameworkDependentApp(), { processPath: '%LAUNCHER_PATH%', arguments: '%LAUNCHER_ARGS%', hostingModel: 'InProcess' });
      assert.deepEqual(findings.map((finding) => [finding.id, finding.attribute]), [['publish-launcher-placeholder', 'processPath'], ['publish-launcher-placeholder', 'arguments']]);
      assert.deepEqual(ids(await check(frameworkDependentApp(), { processPath: 'C:\\VS\\VSIISExeLauncher.exe', arguments: '-argFile IISExeLauncherArgs.txt' })), ['publish-launcher-placeholder', 'publish-launcher-placeholder']);
    });

    it('publish-development-environment: ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT = Development', async () => {
      const findings = await check(frameworkDependentApp(), { ...DOTNET, environmentVariables: [{ name: 'aspnetcore_environment', value: 'Development' }, { name: 'DOTNET_ENVIRONMENT', value: 'development' }] });
      assert.deepEqual(findings.map((finding) => [finding.id, finding.attribute, finding.severity]), [['publish-development-environment', 'environmentVariables', 'error'], ['publish-development-environment', 'environmentVariables', 'error']]);
    });

    it('publish-debug-startup-time-limit and publish-debug-request-timeout: Visual Studio\'s debugging values', async () => {
      const findings = await check(frameworkDependentApp(), { ...DOTNET, startupTimeLimit: '3600', requestTimeout: '23:00:00' });
      assert.deepEqual(findings.map((finding) => [finding.id, finding.attribute]), [['publish-debug-startup-time-limit', 'startupTimeLimit'], ['publish-debug-request-timeout', 'requestTimeout']]);
    });

    it('is quiet for production values', async () => {
      assert.deepEqual(await check(frameworkDependentApp(), { ...DOTNET, startupTimeLimit: '120', requestTimeout: '00:02:00', environmentVariables: [{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }] }), []);
    });
  });

  describe('unreadable facts', () => {
    it('publish-invalid-json: a runtimeconfig.json that is not JSON', async () => {
      const findings = await check(frameworkDependentApp({ 'App.runtimeconfig.json': '{ nope' }), DOTNET);
      assert.deepEqual(ids(findings), ['publish-invalid-json']);
      assert.deepEqual(findings[0].files, ['App.runtimeconfig.json']);
    });

    it('publish-file-unreadable: a deps.json over the size cap', async () => {
      const findings = await check(frameworkDependentApp(), DOTNET, {}, (site) => truncateSync(path.join(site, 'App.deps.json'), JSON_SIZE_CAP + 10));
      assert.deepEqual(ids(findings), ['publish-file-unreadable']);
      assert.match(findings[0].message, /too large/);
    });

    it('is quiet when everything reads', async () => {
      assert.deepEqual(await check(frameworkDependentApp(), DOTNET, {}, (site) => rmSync(path.join(site, 'App.exe'))), []);
    });
  });
});
