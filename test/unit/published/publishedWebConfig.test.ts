// "web.config as it will be published": the Web SDK's rewrite followed by the XDT transforms, for a project tree written
// here. Where each expectation comes from: the `_TransformWebConfig` and `_TransformXml` targets of dotnet/sdk
// src/WebSdk/Publish/Targets/TransformTargets/Microsoft.NET.Sdk.Publish.TransformFiles.targets (which inputs, which
// transforms in which order, RunXdt), Microsoft.NET.RuntimeIdentifierInference.targets (UseAppHost's default), and
// Microsoft.NET.Sdk.Web.ProjectSystem.targets (AspNetCoreHostingModel's inprocess default).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PublishedWebConfigOptions, publishedWebConfig } from '../../../server/src/service/languageService';

const PROJECT = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)' == 'Release'">
    <EnvironmentName>Staging</EnvironmentName>
  </PropertyGroup>
</Project>`;

/** As Visual Studio leaves it while debugging: launcher placeholders, no hostingModel. */
const WEB_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.webServer>
    <handlers>
      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
    </handlers>
    <aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" stdoutLogEnabled="false">
      <environmentVariables>
        <environmentVariable name="ASPNETCORE_HTTPS_PORT" value="44321" />
      </environmentVariables>
    </aspNetCore>
  </system.webServer>
</configuration>`;

const RELEASE_TRANSFORM = `<?xml version="1.0" encoding="utf-8"?>
<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <system.webServer>
    <aspNetCore stdoutLogEnabled="true" xdt:Transform="SetAttributes(stdoutLogEnabled)">
      <environmentVariables>
        <environmentVariable name="ASPNETCORE_HTTPS_PORT" xdt:Locator="Match(name)" xdt:Transform="Remove" />
      </environmentVariables>
    </aspNetCore>
  </system.webServer>
</configuration>`;

/** Sets the hosting model, which the Staging transform (run after Release's) then changes again. */
const STAGING_TRANSFORM = `<?xml version="1.0"?>
<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <system.webServer>
    <aspNetCore hostingModel="outofprocess" xdt:Transform="SetAttributes(hostingModel)" />
  </system.webServer>
</configuration>`;

const PROFILE = `<Project>
  <PropertyGroup>
    <PublishProvider>FileSystem</PublishProvider>
    <RuntimeIdentifier>win-x86</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
  </PropertyGroup>
</Project>`;

function publish(files: Record<string, string>, options: PublishedWebConfigOptions, projectText = PROJECT) {
  const read: string[] = [];
  const result = publishedWebConfig(
    { projectFileName: 'Shop.Web.csproj', projectText, readProjectRelative: async (relativePath) => (read.push(relativePath), files[relativePath]) },
    options,
  );
  return result.then((published) => ({ ...published, read }));
}

describe('web.config as it will be published', () => {
  it('rewrites web.config as the SDK does, then applies web.Release.config and the environment\'s transform, in that order', async () => {
    const result = await publish({ 'web.config': WEB_CONFIG, 'web.Release.config': RELEASE_TRANSFORM, 'web.Staging.config': STAGING_TRANSFORM }, { configuration: 'Release' });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.steps.map((step) => [step.fileName, step.outcome]), [
      ['web.config', 'applied'],
      ['web.Release.config', 'applied'],
      ['web.Staging.config', 'applied'],
    ]);
    assert.equal(result.environmentName, 'Staging');
    assert.equal(result.sourceText, WEB_CONFIG);
    // No RuntimeIdentifier: _UseAppHost is false, so dotnet runs the dll. The launcher placeholders are gone, the
    // hosting model is the Web SDK's default (written as the SDK spells it) until Staging's transform changes it,
    // the stdout log gets its default file, and EnvironmentName becomes ASPNETCORE_ENVIRONMENT.
    assert.equal(result.text, `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.webServer>
    <handlers>
      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
    </handlers>
    <aspNetCore processPath="dotnet" arguments=".\\Shop.Web.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess">
      <environmentVariables>
        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Staging" />
      </environmentVariables>
    </aspNetCore>
  </system.webServer>
</configuration>`.replace(/\n/g, '\r\n'));
  });

  it('takes the publish profile\'s properties: a Windows RuntimeIdentifier starts the apphost .exe', async () => {
    const result = await publish({ 'web.config': WEB_CONFIG, 'Properties/PublishProfiles/FolderProfile.pubxml': PROFILE }, { configuration: 'Debug', publishProfile: 'FolderProfile' });
    assert.deepEqual(result.problems, []);
    assert.match(result.text, /processPath="\.\\Shop\.Web\.exe" arguments=""/);
    // The profile's own project-level and profile-level transforms are looked for after the configuration's.
    assert.deepEqual(result.steps.map((step) => step.fileName), ['web.config', 'web.Debug.config', 'web.FolderProfile.config', 'Properties/PublishProfiles/FolderProfile.transform']);
    assert.ok(result.steps.slice(1).every((step) => step.outcome === 'absent'));
  });

  it('an environment given for the publish wins over the project\'s', async () => {
    const result = await publish({ 'web.config': WEB_CONFIG }, { configuration: 'Release', environmentName: 'Production' });
    assert.equal(result.environmentName, 'Production');
    assert.match(result.text, /name="ASPNETCORE_ENVIRONMENT" value="Production"/);
    assert.ok(result.read.includes('web.Production.config'));
  });

  it('publishes web.config as it is, and runs no transform, when the project switches the rewrite off', async () => {
    const project = PROJECT.replace('</TargetFramework>', '</TargetFramework>\n    <IsTransformWebConfigDisabled>true</IsTransformWebConfigDisabled>');
    const result = await publish({ 'web.config': WEB_CONFIG, 'web.Release.config': RELEASE_TRANSFORM }, { configuration: 'Release' }, project);
    assert.equal(result.text, WEB_CONFIG);
    assert.deepEqual(result.steps.map((step) => [step.fileName, step.outcome]), [['web.config', 'skipped'], ['web.Release.config', 'skipped'], ['web.Staging.config', 'absent']]);
    assert.match(result.steps[1].reason, /RunXdt is false/);
  });

  it('RunXdt=true still runs the transforms on the untouched web.config', async () => {
    const project = PROJECT.replace('</TargetFramework>', '</TargetFramework>\n    <IsTransformWebConfigDisabled>true</IsTransformWebConfigDisabled>\n    <RunXdt>true</RunXdt>');
    const result = await publish({ 'web.config': WEB_CONFIG, 'web.Release.config': RELEASE_TRANSFORM }, { configuration: 'Release' }, project);
    assert.match(result.text, /processPath="%LAUNCHER_PATH%"/);
    assert.match(result.text, /stdoutLogEnabled="true"/);
    assert.doesNotMatch(result.text, /ASPNETCORE_HTTPS_PORT/);
  });

  it('a project that is not a Web SDK project gets no rewrite', async () => {
    const result = await publish({ 'web.config': WEB_CONFIG }, { configuration: 'Release' }, PROJECT.replace('Microsoft.NET.Sdk.Web', 'Microsoft.NET.Sdk'));
    assert.equal(result.text, WEB_CONFIG);
    assert.match(result.steps[0].reason, /not the Web SDK/);
  });

  it('an AspNetCoreHostingModel the SDK rejects fails the publish before any transform', async () => {
    const project = PROJECT.replace('</TargetFramework>', '</TargetFramework>\n    <AspNetCoreHostingModel>InProc</AspNetCoreHostingModel>');
    const result = await publish({ 'web.config': WEB_CONFIG, 'web.Release.config': RELEASE_TRANSFORM }, { configuration: 'Release' }, project);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].severity, 'error');
    assert.match(result.problems[0].message, /InProcess.*OutOfProcess/);
    assert.deepEqual(result.steps.map((step) => step.fileName), ['web.config']);
  });

  it('a transform that fails stops the publish: the later transforms do not run', async () => {
    const broken = RELEASE_TRANSFORM.replace('SetAttributes(stdoutLogEnabled)', 'NoSuchTransform');
    const result = await publish({ 'web.config': WEB_CONFIG, 'web.Release.config': broken, 'web.Staging.config': STAGING_TRANSFORM }, { configuration: 'Release' });
    assert.deepEqual(result.steps.map((step) => [step.fileName, step.outcome]), [['web.config', 'applied'], ['web.Release.config', 'failed']]);
    assert.ok(result.problems.some((problem) => problem.severity === 'error' && problem.fileName === 'web.Release.config'));
    assert.doesNotMatch(result.text, /outofprocess/);
  });

  it('names a publish profile that does not exist', async () => {
    const result = await publish({ 'web.config': WEB_CONFIG }, { configuration: 'Release', publishProfile: 'Missing' });
    assert.deepEqual(result.problems.map((problem) => [problem.severity, problem.fileName]), [['error', 'Properties/PublishProfiles/Missing.pubxml']]);
  });

  it('without a web.config of its own, the project publishes the SDK\'s template', async () => {
    const result = await publish({}, { configuration: 'Release' });
    assert.equal(result.sourceText, undefined);
    assert.match(result.text, /<location path="\." inheritInChildApplications="false">/);
    assert.match(result.text, /processPath="dotnet" arguments="\.\\Shop\.Web\.dll"/);
  });
});
