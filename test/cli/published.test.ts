// `ancm published`: the web.config a publish writes, on standard output; the steps and problems on standard error; the
// exit code says whether the publish fails. Project trees written here.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runInProcess } from './cliKit';

const PROJECT = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
</Project>`;

const WEB_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <system.webServer>
    <handlers>
      <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
    </handlers>
    <aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" stdoutLogEnabled="false" />
  </system.webServer>
</configuration>`;

/** Release turns on a Development environment and writes a hosting model ANCM rejects: the rules see both in the result. */
const RELEASE_TRANSFORM = `<?xml version="1.0"?>
<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <system.webServer>
    <aspNetCore hostingModel="inproc" xdt:Transform="SetAttributes(hostingModel)">
      <environmentVariables xdt:Transform="Insert">
        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" />
      </environmentVariables>
    </aspNetCore>
  </system.webServer>
</configuration>`;

describe('ancm published', () => {
  let root: string;
  const project = () => path.join(root, 'Shop.Web');

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ancm-published-'));
    mkdirSync(path.join(project(), 'Properties', 'PublishProfiles'), { recursive: true });
    writeFileSync(path.join(project(), 'Shop.Web.csproj'), PROJECT);
    writeFileSync(path.join(project(), 'web.config'), WEB_CONFIG);
    // As Visual Studio names it: MSBuild finds it for Configuration=Release, names ignoring case.
    writeFileSync(path.join(project(), 'Web.release.config'), RELEASE_TRANSFORM);
    writeFileSync(path.join(project(), 'Properties', 'PublishProfiles', 'IIS.pubxml'), '<Project><PropertyGroup><RuntimeIdentifier>win-x64</RuntimeIdentifier></PropertyGroup></Project>');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints the published web.config and names the steps that ran', async () => {
    const run = await runInProcess(['published', 'Shop.Web'], root);
    assert.equal(run.code, 0, run.stderr.join('\n'));
    const text = run.stdout.join('\n');
    assert.match(text, /processPath="dotnet" arguments="\.\\Shop\.Web\.dll"/);
    assert.match(text, /hostingModel="inproc"/);
    assert.match(text, /name="ASPNETCORE_ENVIRONMENT" value="Development"/);
    assert.equal(run.stderr[0], 'ancm published (Release):');
    // Named as the SDK names it; the file on disk is Web.release.config.
    assert.ok(run.stderr.some((line) => /^ {2}applied +web\.Release\.config: \$\(Configuration\)/.test(line)), run.stderr.join('\n'));
  });

  it('takes a profile and a configuration; given the web.config, it finds the project beside it', async () => {
    const run = await runInProcess(['published', path.join('Shop.Web', 'web.config'), '--configuration', 'Debug', '--profile', 'IIS'], root);
    assert.equal(run.code, 0);
    assert.match(run.stdout.join('\n'), /processPath="\.\\Shop\.Web\.exe"/);
    assert.doesNotMatch(run.stdout.join('\n'), /Development/);
    assert.equal(run.stderr[0], 'ancm published (Debug, profile IIS):');
  });

  it('--check runs the rules on the result and fails on an error there', async () => {
    const run = await runInProcess(['published', 'Shop.Web', '--check'], root);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.some((line) => /^web\.config \(published\):\d+:\d+: error: .*\[invalid-hosting-model\]$/.test(line)), run.stderr.join('\n'));
    assert.ok(run.stderr.some((line) => /^web\.config \(published\):\d+:\d+: \w+: .*\[development-environment\]$/.test(line)), run.stderr.join('\n'));
  });

  it('exits 1 when the publish fails, and 2 without a project', async () => {
    const failing = await runInProcess(['published', 'Shop.Web', '--profile', 'Missing'], root);
    assert.equal(failing.code, 1);
    assert.ok(failing.stderr.some((line) => line.startsWith('Properties/PublishProfiles/Missing.pubxml: error:')));
    const nothing = await runInProcess(['published', root], root);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr.join('\n'), /no project file/);
  });
});
