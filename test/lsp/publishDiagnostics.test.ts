// Issue 15 in the editor: a web.config in a publish output gets the publish checks' findings, re-checked when the
// client reports the folder's files changed; "Check Publish Folder…" answers for any folder.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic,
  DiagnosticSeverity,
  FileChangeType,
  type PublishDiagnosticsParams,
  RegistrationRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { CHECK_PUBLISH_FOLDER_REQUEST } from '../../server/src/protocol/requests';
import type { CheckPublishFolderResult } from '../../server/src/protocol/publish';
import { publishedConfig } from '../unit/cursor';
import { PE, type TempFolder, frameworkDependentApp, makeFolder, writeFolder } from '../unit/publish/publishFixtures';
import { type ServerUnderTest, EDITOR_CAPABILITIES, positionOf, startServer, withTimeout } from './harness';

const WEB_CONFIG = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');

function publishCodes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) => String(diagnostic.code)).filter((code) => code.startsWith('publish-'));
}

function byCode(params: PublishDiagnosticsParams, code: string): Diagnostic | undefined {
  return params.diagnostics.find((diagnostic) => diagnostic.code === code);
}

describe('publish checks over LSP', () => {
  let server: ServerUnderTest;
  let folder: TempFolder;
  let plain: TempFolder;
  const watchers: unknown[] = [];

  before(async () => {
    // The app's dll is missing: processPath="dotnet" arguments=".\App.dll" cannot start it.
    folder = makeFolder(frameworkDependentApp({ 'web.config': WEB_CONFIG, 'App.dll': undefined }));
    // A project folder, not a publish output: web.config alone.
    plain = makeFolder({ 'web.config': WEB_CONFIG });
    let registered: () => void = () => {};
    const registration = new Promise<void>((resolve) => (registered = resolve));
    server = await startServer(
      { ...EDITOR_CAPABILITIES, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      { validationDelay: 0 },
      (connection) => connection.onRequest(RegistrationRequest.type, (params) => {
        for (const registration of params.registrations) {
          if (registration.method === DidChangeWatchedFilesNotification.method) watchers.push(...(registration.registerOptions as { watchers: unknown[] }).watchers);
        }
        registered();
      }),
      [{ uri: URI.file(folder.root).toString(), name: 'publish' }, { uri: URI.file(plain.root).toString(), name: 'project' }],
    );
    // The folder is then watched by the client (this test), not by an fs.watch of the server's.
    await withTimeout(registration, 'client/registerCapability');
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    folder.remove();
    plain.remove();
  });

  it('asks the client to watch the files a publish check reads, and the project files and web.configs other files read', () => {
    assert.deepEqual(watchers, [{ globPattern: '**/*.{dll,exe,json,htm}' }, { globPattern: '**/*.{csproj,fsproj,vbproj,props,pubxml,config}' }]);
  });

  it('puts a publish finding on the attribute it is about, and drops it once the client says the file is there', async () => {
    const uri = URI.file(path.join(folder.site, 'web.config')).toString();
    server.open(uri, WEB_CONFIG);
    const found = await server.diagnostics(uri, (params) => byCode(params, 'publish-app-dll-missing') !== undefined);
    const missing = byCode(found, 'publish-app-dll-missing')!;
    assert.equal(missing.source, 'ancm');
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.match(String(missing.message), /App\.dll is not in the publish folder/);
    const start = WEB_CONFIG.indexOf('arguments=');
    assert.deepEqual(missing.range, { start: positionOf(WEB_CONFIG, start), end: positionOf(WEB_CONFIG, start + 'arguments=".\\App.dll"'.length) });

    writeFolder(folder.site, { 'App.dll': PE.anyCpuDll() });
    const published = server.published.length;
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(path.join(folder.site, 'App.dll')).toString(), type: FileChangeType.Created }] });
    await server.diagnostics(uri, (params) => server.published.indexOf(params) >= published && byCode(params, 'publish-app-dll-missing') === undefined);
  });

  it('takes the severity from ancm.diagnostics.rules, and drops a check set to off', async () => {
    const uri = URI.file(path.join(folder.site, 'web.config')).toString();
    writeFileSync(path.join(folder.site, 'app_offline.htm'), 'Back soon');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(path.join(folder.site, 'app_offline.htm')).toString(), type: FileChangeType.Created }] });
    const offline = await server.diagnostics(uri, (params) => byCode(params, 'publish-app-offline') !== undefined);
    assert.equal(byCode(offline, 'publish-app-offline')!.severity, DiagnosticSeverity.Warning);
    // A finding about the folder goes on the <aspNetCore> element's name.
    const section = WEB_CONFIG.indexOf('<aspNetCore') + 1;
    assert.deepEqual(byCode(offline, 'publish-app-offline')!.range, { start: positionOf(WEB_CONFIG, section), end: positionOf(WEB_CONFIG, section + 'aspNetCore'.length) });

    const published = server.published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ancm: { diagnostics: { rules: { 'publish-app-offline': 'information' } } } } });
    const information = await server.diagnostics(uri, (params) => server.published.indexOf(params) >= published && byCode(params, 'publish-app-offline')?.severity === DiagnosticSeverity.Information);
    assert.ok(information);
    const again = server.published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ancm: { diagnostics: { rules: { 'publish-app-offline': 'off' } } } } });
    await server.diagnostics(uri, (params) => server.published.indexOf(params) >= again && byCode(params, 'publish-app-offline') === undefined);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('leaves out the web.config rule whose finding a publish check repeats as an error (Development in a publish output)', async () => {
    const uri = URI.file(path.join(folder.site, 'web.config')).toString();
    const development = WEB_CONFIG.replace('<aspNetCore ', '<aspNetCore ').replace(/<\/aspNetCore>|\/>(?=\s*<\/system\.webServer>)/, (end) =>
      end === '/>' ? '><environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" /></environmentVariables></aspNetCore>' : `<environmentVariables><environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" /></environmentVariables>${end}`);
    assert.notEqual(development, WEB_CONFIG);
    server.change(uri, 50, development);
    const params = await server.diagnostics(uri, (candidate) => candidate.version === 50 && byCode(candidate, 'publish-development-environment') !== undefined);
    assert.equal(byCode(params, 'development-environment'), undefined, JSON.stringify(params.diagnostics.map((diagnostic) => diagnostic.code)));
    server.change(uri, 51, WEB_CONFIG);
  });

  it('gives a web.config outside a publish output no publish findings', async () => {
    const uri = URI.file(path.join(plain.site, 'web.config')).toString();
    server.open(uri, WEB_CONFIG);
    await server.diagnostics(uri);
    // The folder read the validation started is done once a request that reads the same folder has answered.
    const answer = await withTimeout(server.connection.sendRequest(CHECK_PUBLISH_FOLDER_REQUEST, { folder: plain.site }), 'checkFolder');
    assert.deepEqual(answer, { notPublishOutput: true });
    assert.deepEqual(server.published.filter((params) => params.uri === uri).flatMap(publishCodes), []);
  });

  it('checks a publish folder on request, placing web.config findings at their line', async () => {
    const checked = makeFolder(frameworkDependentApp({ 'web.config': WEB_CONFIG, 'App.dll': undefined, 'app_offline.htm': 'Back soon' }));
    try {
      const answer: CheckPublishFolderResult = await withTimeout(server.connection.sendRequest(CHECK_PUBLISH_FOLDER_REQUEST, { folder: checked.site }), 'checkFolder');
      assert.ok('findings' in answer, JSON.stringify(answer));
      const missing = answer.findings.find((finding) => finding.id === 'publish-app-dll-missing');
      assert.deepEqual(missing && { severity: missing.severity, file: missing.file, line: missing.line }, {
        severity: 'error',
        file: path.join(checked.site, 'web.config'),
        line: positionOf(WEB_CONFIG, WEB_CONFIG.indexOf('arguments=')).line,
      });
      const offline = answer.findings.find((finding) => finding.id === 'publish-app-offline');
      assert.equal(offline?.file, path.join(checked.site, 'app_offline.htm'));
    } finally {
      checked.remove();
    }
  });

  it('answers notPublishOutput for a folder that is not one, or is not there', async () => {
    for (const candidate of [plain.root, path.join(plain.root, 'nothing-here'), '']) {
      const answer = await withTimeout(server.connection.sendRequest(CHECK_PUBLISH_FOLDER_REQUEST, { folder: candidate }), 'checkFolder');
      assert.deepEqual(answer, { notPublishOutput: true }, candidate);
    }
  });
});

describe('publish checks over LSP, with the target server in the settings', () => {
  let server: ServerUnderTest;
  let folder: TempFolder;

  before(async () => {
    // App.dll requires 32 bits; App.runtimeconfig.json asks for Microsoft.AspNetCore.App 8.0.0.
    folder = makeFolder(frameworkDependentApp({ 'web.config': WEB_CONFIG, 'App.dll': PE.x86Dll() }));
    server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 0 }, undefined, [{ uri: URI.file(folder.root).toString(), name: 'publish' }]);
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    folder.remove();
  });

  it('matches the app\'s runtimes against ancm.publish.runtimes, and its bitness against ancm.publish.appPool32Bit', async () => {
    const uri = URI.file(path.join(folder.site, 'web.config')).toString();
    server.open(uri, WEB_CONFIG);
    // Without the settings: no runtime match, and only what the pool needs.
    const before = await server.diagnostics(uri, (params) => byCode(params, 'publish-needs-32-bit-pool') !== undefined);
    assert.equal(byCode(before, 'publish-runtime-not-found'), undefined);

    const published = server.published.length;
    const runtimes = ['Microsoft.AspNetCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]', 'Microsoft.NETCore.App 6.0.25 [C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App]'];
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ancm: { publish: { runtimes, appPool32Bit: false } } } });
    const after = await server.diagnostics(uri, (params) => server.published.indexOf(params) >= published && byCode(params, 'publish-runtime-not-found') !== undefined);
    assert.match(String(byCode(after, 'publish-runtime-not-found')!.message), /Microsoft\.AspNetCore\.App: needs the \.NET 8 Hosting Bundle/);
    assert.match(String(byCode(after, 'publish-bitness-mismatch')!.message), /app pool is 64-bit \(HTTP 500\.32\)/);
  });
});
