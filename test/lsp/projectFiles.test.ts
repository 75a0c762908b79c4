// The files around web.config over the protocol: a project file and its web.config check each other (the hosting
// model publish keeps), launchSettings.json is checked against the project, an IIS Express applicationhost.config gets
// the 500.35 check from its apps' own files, an outline and links to each app's web.config, and the server computes
// "web.config as it will be published". Every file is written by the test in a solution folder that is the workspace.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type DocumentLink,
  DocumentLinkRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  HoverRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import type { PublishChoicesResult, PublishedWebConfigResult } from '../../server/src/protocol/publishedWebConfig';
import { PUBLISHED_WEB_CONFIG_REQUEST, PUBLISH_CHOICES_REQUEST } from '../../server/src/protocol/requests';
import { publishedConfig } from '../unit/cursor';
import { PE, frameworkDependentApp, writeFolder } from '../unit/publish/publishFixtures';
import { type ServerUnderTest, EDITOR_CAPABILITIES, positionOf, startServer, withTimeout } from './harness';

const PROJECT = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>
  </PropertyGroup>
</Project>`;
const IN_PROCESS_WEB_CONFIG = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\Shop.Web.dll" stdoutLogEnabled="false" hostingModel="inprocess" />');
const LAUNCH_SETTINGS = `{
  "profiles": {
    "IIS Express": { "commandName": "IISExpress", "ancmHostingModel": "InProcess" }
  }
}`;
const RELEASE_TRANSFORM = `<?xml version="1.0"?>
<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <location>
    <system.webServer>
      <aspNetCore stdoutLogEnabled="true" xdt:Transform="SetAttributes(stdoutLogEnabled)" />
    </system.webServer>
  </location>
</configuration>`;

/** IIS Express's file as Visual Studio writes it: one site, the app and a second app at /api, one pool. */
const APPLICATION_HOST = `<configuration>
  <configSections><sectionGroup name="system.webServer"><section name="handlers" overrideModeDefault="Deny" /><section name="modules" overrideModeDefault="Deny" /><section name="aspNetCore" overrideModeDefault="Allow" /></sectionGroup></configSections>
  <system.applicationHost>
    <applicationPools><add name="Clr4IntegratedAppPool" managedRuntimeVersion="v4.0" managedPipelineMode="Integrated" /></applicationPools>
    <sites>
      <site name="Shop.Web" id="2">
        <application path="/" applicationPool="Clr4IntegratedAppPool"><virtualDirectory path="/" physicalPath="C:\\src\\Shop\\Shop.Web" /></application>
        <application path="/api" applicationPool="Clr4IntegratedAppPool"><virtualDirectory path="/" physicalPath="C:\\src\\Shop\\Shop.Api" /></application>
        <bindings><binding protocol="http" bindingInformation="*:5000:localhost" /></bindings>
      </site>
    </sites>
  </system.applicationHost>
  <system.webServer><globalModules><add name="AspNetCoreModuleV2" image="%IIS_BIN%\\Asp.Net Core Module\\V2\\aspnetcorev2.dll" /></globalModules></system.webServer>
  <location path="" overrideMode="Allow"><system.webServer><modules><add name="AspNetCoreModuleV2" lockItem="true" /></modules><handlers /></system.webServer></location>
</configuration>`;

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) => String(diagnostic.code));
}

describe('the files around web.config over LSP', () => {
  let root: string;
  let server: ServerUnderTest;
  const file = (...parts: string[]) => path.join(root, ...parts);
  const uri = (...parts: string[]) => URI.file(file(...parts)).toString();

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'ancm-project-')));
    mkdirSync(file('Shop.Web', 'Properties'), { recursive: true });
    mkdirSync(file('Shop.Api'));
    mkdirSync(file('.vs', 'Shop', 'config'), { recursive: true });
    writeFileSync(file('Shop.Web', 'Shop.Web.csproj'), PROJECT);
    writeFileSync(file('Shop.Web', 'web.config'), IN_PROCESS_WEB_CONFIG);
    writeFileSync(file('Shop.Web', 'web.Release.config'), RELEASE_TRANSFORM);
    writeFileSync(file('Shop.Api', 'Shop.Api.csproj'), PROJECT.replace('OutOfProcess', 'InProcess'));
    writeFileSync(file('Shop.Api', 'web.config'), IN_PROCESS_WEB_CONFIG);
    server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 0 }, undefined, [{ uri: URI.file(root).toString(), name: 'Shop' }]);
  });

  after(async () => {
    assert.equal(await server.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('reports the hosting-model disagreement on both sides, each with a fix, and clears web.config\'s when the project agrees', async () => {
    server.open(uri('Shop.Web', 'web.config'), IN_PROCESS_WEB_CONFIG);
    const webConfig = await server.diagnostics(uri('Shop.Web', 'web.config'), (params) => codes(params).includes('web-config-project-hosting-model-mismatch'));
    const onWebConfig = webConfig.diagnostics.find((diagnostic) => diagnostic.code === 'web-config-project-hosting-model-mismatch')!;
    const value = IN_PROCESS_WEB_CONFIG.indexOf('inprocess"');
    assert.deepEqual(onWebConfig.range, { start: positionOf(IN_PROCESS_WEB_CONFIG, value), end: positionOf(IN_PROCESS_WEB_CONFIG, value + 'inprocess'.length) });
    assert.match(String(onWebConfig.message), /publish keeps this value/);

    server.open(uri('Shop.Web', 'Shop.Web.csproj'), PROJECT);
    const project = await server.diagnostics(uri('Shop.Web', 'Shop.Web.csproj'), (params) => codes(params).includes('project-hosting-model-mismatch'));
    const onProject = project.diagnostics.find((diagnostic) => diagnostic.code === 'project-hosting-model-mismatch')!;
    const property = PROJECT.indexOf('OutOfProcess');
    assert.deepEqual(onProject.range.start, positionOf(PROJECT, property));

    // The project is edited (not saved) to agree: web.config, open beside it, is checked again against the editor's text.
    const published = server.published.length;
    server.change(uri('Shop.Web', 'Shop.Web.csproj'), 2, PROJECT.replace('OutOfProcess', 'InProcess'));
    await server.diagnostics(uri('Shop.Web', 'web.config'), (params) => server.published.indexOf(params) >= published && !codes(params).includes('web-config-project-hosting-model-mismatch'));
    server.change(uri('Shop.Web', 'Shop.Web.csproj'), 3, PROJECT);
  });

  it('checks web.config again when its project file changes on disk (another tool saved it)', async () => {
    const webConfigUri = uri('Shop.Api', 'web.config');
    server.open(webConfigUri, IN_PROCESS_WEB_CONFIG);
    const agreeing = await server.diagnostics(webConfigUri);
    assert.ok(!codes(agreeing).includes('web-config-project-hosting-model-mismatch'));
    const published = server.published.length;
    writeFileSync(file('Shop.Api', 'Shop.Api.csproj'), PROJECT);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('Shop.Api', 'Shop.Api.csproj'), type: FileChangeType.Changed }] });
    await server.diagnostics(webConfigUri, (params) => server.published.indexOf(params) >= published && codes(params).includes('web-config-project-hosting-model-mismatch'));
    writeFileSync(file('Shop.Api', 'Shop.Api.csproj'), PROJECT.replace('OutOfProcess', 'InProcess'));
  });

  it('completes and explains the Web SDK properties in a project file', async () => {
    const text = PROJECT.replace('<AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>', '<AspNetCoreHostingModel></AspNetCoreHostingModel>');
    const projectUri = uri('Shop.Web', 'Shop.Web.csproj');
    server.change(projectUri, 4, text);
    const inValue = text.indexOf('</AspNetCoreHostingModel>');
    const completion = await withTimeout(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: projectUri }, position: positionOf(text, inValue) }), 'completion');
    const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map((item) => item.label);
    assert.deepEqual([...labels].sort(), ['InProcess', 'OutOfProcess']);
    const hover = await withTimeout(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: projectUri }, position: positionOf(text, text.indexOf('AspNetCoreHostingModel') + 3) }), 'hover');
    assert.match(JSON.stringify(hover?.contents), /hostingModel/);
    server.change(projectUri, 5, PROJECT);
  });

  it('checks launchSettings.json against the project, and a rule set to off in the settings reports nothing', async () => {
    const launchUri = uri('Shop.Web', 'Properties', 'launchSettings.json');
    server.open(launchUri, LAUNCH_SETTINGS);
    const found = await server.diagnostics(launchUri, (params) => codes(params).includes('launch-hosting-model-mismatch'));
    assert.equal(found.diagnostics.find((diagnostic) => diagnostic.code === 'launch-hosting-model-mismatch')!.source, 'ancm');

    const published = server.published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ancm: { diagnostics: { rules: { 'launch-hosting-model-mismatch': 'off' } } } } });
    await server.diagnostics(launchUri, (params) => server.published.indexOf(params) >= published && !codes(params).includes('launch-hosting-model-mismatch'));
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('finds two in-process apps in one IIS Express pool (500.35) from their own folders, outlines the file and links each app to its web.config', async () => {
    const configUri = uri('.vs', 'Shop', 'config', 'applicationhost.config');
    server.open(configUri, APPLICATION_HOST);
    const found = await server.diagnostics(configUri, (params) => codes(params).includes('apphost-multiple-inprocess-apps'));
    assert.equal(found.diagnostics.filter((diagnostic) => diagnostic.code === 'apphost-multiple-inprocess-apps').length, 2);
    assert.match(String(found.diagnostics[0].message), /500\.35/);

    const symbols = (await withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: configUri } }), 'symbols')) as DocumentSymbol[];
    const site = symbols.find((symbol) => symbol.name.includes('Shop.Web'));
    assert.ok(site, JSON.stringify(symbols.map((symbol) => symbol.name)));
    assert.equal(site.children?.length, 2);

    const links = (await withTimeout(server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: configUri } }), 'links')) as DocumentLink[];
    assert.deepEqual(links.map((link) => link.target).sort(), [uri('Shop.Api', 'web.config'), uri('Shop.Web', 'web.config')].sort());
    const webPath = APPLICATION_HOST.indexOf('C:\\src\\Shop\\Shop.Web');
    assert.deepEqual(links.find((link) => link.target === uri('Shop.Web', 'web.config'))!.range.start, positionOf(APPLICATION_HOST, webPath));
  });

  it('reads no app folder outside the workspace: a symbolic link out of it gives no facts', async () => {
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'ancm-outside-')));
    try {
      mkdirSync(path.join(outside, 'Shop.Api'));
      writeFileSync(path.join(outside, 'Shop.Api', 'web.config'), IN_PROCESS_WEB_CONFIG);
      const linked = file('Linked');
      symlinkSync(path.join(outside, 'Shop.Api'), linked);
      const text = APPLICATION_HOST.replace('C:\\src\\Shop\\Shop.Api', 'C:\\src\\Shop\\Linked');
      const configUri = uri('.vs', 'Shop', 'config', 'applicationhost.config');
      server.change(configUri, 2, text);
      const params = await server.diagnostics(configUri, (candidate) => candidate.version === 2);
      assert.deepEqual(codes(params).filter((code) => code === 'apphost-multiple-inprocess-apps'), []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(file('Linked'), { force: true });
    }
  });

  it('takes the bitness of an app IIS serves from its publish folder: an x86 app in a 64-bit pool gets HTTP 500.32', async () => {
    writeFolder(file('inetpub', 'Shop'), frameworkDependentApp({ 'web.config': IN_PROCESS_WEB_CONFIG.replace('Shop.Web.dll', 'App.dll'), 'App.dll': PE.x86Dll() }));
    const iis = `<configuration>
  <configSections><sectionGroup name="system.webServer"><section name="aspNetCore" overrideModeDefault="Allow" /></sectionGroup></configSections>
  <system.applicationHost>
    <applicationPools><add name="ShopPool" managedRuntimeVersion="" /></applicationPools>
    <sites><site name="Shop" id="1"><application path="/" applicationPool="ShopPool"><virtualDirectory path="/" physicalPath="C:\\inetpub\\Shop" /></application></site></sites>
  </system.applicationHost>
  <system.webServer><globalModules><add name="AspNetCoreModuleV2" image="%ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll" /></globalModules></system.webServer>
  <location path="" overrideMode="Allow"><system.webServer><modules><add name="AspNetCoreModuleV2" lockItem="true" /></modules></system.webServer></location>
</configuration>`;
    // A copy of the server's file kept in the repository beside the site folders.
    const configUri = uri('iis', 'applicationHost.config');
    server.open(configUri, iis);
    const found = await server.diagnostics(configUri, (params) => codes(params).includes('apphost-pool-bitness'));
    assert.match(String(found.diagnostics.find((diagnostic) => diagnostic.code === 'apphost-pool-bitness')!.message), /x86 but pool 'ShopPool' is 64-bit/);
  });

  it('offers the project\'s publish choices and computes web.config as published, transforms and all', async () => {
    const choices = (await withTimeout(server.connection.sendRequest(PUBLISH_CHOICES_REQUEST, { uri: uri('Shop.Web', 'web.config') }), 'choices')) as PublishChoicesResult;
    assert.ok(!('cannot' in choices));
    assert.equal(choices.projectFolder, file('Shop.Web'));
    assert.equal(choices.projectFile, 'Shop.Web.csproj');
    assert.deepEqual(choices.configurations, ['Debug', 'Release']);
    assert.equal(choices.webConfigUri, uri('Shop.Web', 'web.config'));

    const result = (await withTimeout(server.connection.sendRequest(PUBLISHED_WEB_CONFIG_REQUEST, { projectFolder: file('Shop.Web'), configuration: 'Release' }), 'published')) as PublishedWebConfigResult;
    assert.ok(!('cannot' in result));
    // web.config's own hostingModel is kept (the project's OutOfProcess is ignored), and web.Release.config turns the
    // stdout log on inside the <location> the web.config has.
    assert.match(result.text, /hostingModel="inprocess"/);
    assert.match(result.text, /stdoutLogEnabled="true"/);
    assert.deepEqual(result.steps.map((step) => [step.fileName, step.outcome]), [['web.config', 'applied'], ['web.Release.config', 'applied']]);
    assert.deepEqual(result.problems, []);

    const elsewhere = (await withTimeout(server.connection.sendRequest(PUBLISH_CHOICES_REQUEST, { uri: URI.file(tmpdir()).toString() }), 'choices outside')) as PublishChoicesResult;
    assert.ok('cannot' in elsewhere);
  });

  it('runs the web.config rules on the published document the client shows (scheme ancm-published)', async () => {
    const publishedUri = URI.file(file('Shop.Web', 'web.config')).with({ scheme: 'ancm-published', query: 'configuration=Release' }).toString();
    const text = IN_PROCESS_WEB_CONFIG.replace('hostingModel="inprocess"', 'hostingModel="inproc"');
    server.open(publishedUri, text);
    const found = await server.diagnostics(publishedUri, (params) => codes(params).includes('invalid-hosting-model'));
    // Not a file on disk: no project cross-check, no publish-folder checks.
    assert.deepEqual(codes(found).filter((code) => code.startsWith('web-config-project') || code.startsWith('publish-')), []);
  });
});
