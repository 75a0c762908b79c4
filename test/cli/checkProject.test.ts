// `ancm check` on a solution folder: besides web.config, the project file, launchSettings.json and IIS Express's
// applicationhost.config are checked with the files beside them, as the editor checks them. A tree written here.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publishedConfig } from '../unit/cursor';
import { runInProcess } from './cliKit';

const PROJECT = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>
    <PublishSingleFile>true</PublishSingleFile>
  </PropertyGroup>
</Project>`;
const WEB_CONFIG = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\Shop.Web.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');
const LAUNCH_SETTINGS = '{ "profiles": { "IIS Express": { "commandName": "IISExpress", "ancmHostingModel": "InProc" } } }';
const APPLICATION_HOST = `<configuration>
  <configSections><sectionGroup name="system.webServer"><section name="aspNetCore" overrideModeDefault="Allow" /></sectionGroup></configSections>
  <system.applicationHost>
    <applicationPools><add name="Clr4IntegratedAppPool" /></applicationPools>
    <sites><site name="Shop.Web" id="2">
      <application path="/" applicationPool="Clr4IntegratedAppPool"><virtualDirectory path="/" physicalPath="C:\\src\\Shop\\Shop.Web" /></application>
      <application path="/admin" applicationPool="Clr4IntegratedAppPool"><virtualDirectory path="/" physicalPath="C:\\src\\Shop\\Shop.Web" /></application>
    </site></sites>
  </system.applicationHost>
  <system.webServer><globalModules><add name="AspNetCoreModuleV2" image="%IIS_BIN%\\Asp.Net Core Module\\V2\\aspnetcorev2.dll" /></globalModules></system.webServer>
  <location path="" overrideMode="Allow"><system.webServer><modules><add name="AspNetCoreModuleV2" lockItem="true" /></modules></system.webServer></location>
</configuration>`;

interface JsonReport {
  readonly files: readonly { readonly path: string; readonly issues: readonly { readonly rule: string; readonly severity: string; readonly line: number }[] }[];
}

describe('ancm check on the files around web.config', () => {
  let root: string;
  const file = (...parts: string[]) => path.join(root, ...parts);

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ancm-check-project-'));
    mkdirSync(file('Shop.Web', 'Properties'), { recursive: true });
    mkdirSync(file('.vs', 'Shop', 'config'), { recursive: true });
    writeFileSync(file('Shop.Web', 'Shop.Web.csproj'), PROJECT);
    writeFileSync(file('Shop.Web', 'web.config'), WEB_CONFIG);
    writeFileSync(file('Shop.Web', 'Properties', 'launchSettings.json'), LAUNCH_SETTINGS);
    writeFileSync(file('.vs', 'Shop', 'config', 'applicationhost.config'), APPLICATION_HOST);
    // Not checked: other JSON, and build output.
    writeFileSync(file('Shop.Web', 'appsettings.json'), '{ "Logging": {} }');
    mkdirSync(file('Shop.Web', 'obj'));
    writeFileSync(file('Shop.Web', 'obj', 'Shop.Web.csproj'), '<Project><PropertyGroup><AspNetCoreHostingModel>x</AspNetCoreHostingModel></PropertyGroup></Project>');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  async function report(args: string[] = []): Promise<{ code: number; files: Map<string, string[]> }> {
    const run = await runInProcess(['check', '--format', 'json', ...args], root);
    const parsed = JSON.parse(run.stdout.join('\n')) as JsonReport;
    return { code: run.code, files: new Map(parsed.files.map((entry) => [path.relative(root, path.resolve(root, entry.path)).split(path.sep).join('/'), entry.issues.map((issue) => `${issue.severity} ${issue.rule}`)])) };
  }

  it('finds the project file, launchSettings.json and applicationhost.config, and checks each with its neighbours', async () => {
    const { code, files } = await report();
    assert.equal(code, 1);
    assert.deepEqual([...files.keys()].sort(), ['.vs/Shop/config/applicationhost.config', 'Shop.Web/Properties/launchSettings.json', 'Shop.Web/Shop.Web.csproj', 'Shop.Web/web.config']);
    // web.config says inprocess, the project OutOfProcess: each side says so.
    assert.ok(files.get('Shop.Web/web.config')!.includes('warning web-config-project-hosting-model-mismatch'));
    assert.ok(files.get('Shop.Web/Shop.Web.csproj')!.includes('warning project-hosting-model-mismatch'));
    // The app runs in-process (web.config's value wins at publish) and is published single-file: 500.38, though the
    // project's own property says OutOfProcess.
    assert.ok(files.get('Shop.Web/Shop.Web.csproj')!.includes('error project-single-file-in-process'));
    assert.ok(files.get('Shop.Web/Properties/launchSettings.json')!.includes('error launch-invalid-ancm-hosting-model'));
    // The two applications of the site are the same in-process app folder: 500.35 in IIS Express's one process.
    assert.deepEqual(files.get('.vs/Shop/config/applicationhost.config'), ['error apphost-multiple-inprocess-apps', 'error apphost-multiple-inprocess-apps']);
  });

  it('takes --rule for these rules too, and names the rules in SARIF', async () => {
    const { files } = await report(['--rule', 'apphost-multiple-inprocess-apps=off', '--rule', 'web-config-project-hosting-model-mismatch=information']);
    assert.deepEqual(files.get('.vs/Shop/config/applicationhost.config'), []);
    assert.ok(files.get('Shop.Web/web.config')!.includes('information web-config-project-hosting-model-mismatch'));
    const sarif = await runInProcess(['check', '--format', 'sarif', 'Shop.Web'], root);
    const rules = (JSON.parse(sarif.stdout.join('\n')) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] }).runs[0].tool.driver.rules.map((rule) => rule.id);
    assert.ok(rules.includes('project-hosting-model-mismatch') && rules.includes('launch-invalid-ancm-hosting-model') && rules.includes('apphost-pool-bitness'));
  });

  it('a project file named on the command line is checked as one; --fix leaves it as it is', async () => {
    const run = await runInProcess(['check', '--fix', path.join('Shop.Web', 'Shop.Web.csproj')], root);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.some((line) => / project-hosting-model-mismatch /.test(line)), run.stdout.join('\n'));
    assert.equal(readFileSync(file('Shop.Web', 'Shop.Web.csproj'), 'utf8'), PROJECT);
  });
});
