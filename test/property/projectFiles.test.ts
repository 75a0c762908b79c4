// The files around web.config in every state a person types them through: seeded mutations of a project file, a
// launchSettings.json, an applicationHost.config, an XDT transform and its source. Nothing throws, every range lies in
// its text, every fix's edits stay in the text, and a transform that is not applied leaves the source as it was.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Issue,
  applicationHostSymbols,
  applyXdtTransform,
  completeProjectFile,
  evaluateProperties,
  hoverProjectFile,
  readApplicationHost,
  readLaunchSettings,
  readProjectFile,
  validateApplicationHost,
  validateLaunchSettings,
  validateProjectFile,
} from '../../server/src/service/languageService';
import { generatePublishedWebConfig } from '../../server/src/service/published/sdkWebConfig';
import type { SymbolNode } from '../../server/src/service/types';
import { randomSource } from '../seededRandom';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 600);

const PROJECT = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>
    <PublishSingleFile>true</PublishSingleFile>
    <RuntimeIdentifier>win-x86</RuntimeIdentifier>
  </PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)|$(Platform)' == 'Release|AnyCPU'">
    <UseAppHost>false</UseAppHost>
    <EnvironmentName>Staging</EnvironmentName>
  </PropertyGroup>
</Project>`;

const LAUNCH_SETTINGS = `{
  "iisSettings": { "iisExpress": { "applicationUrl": "http://localhost:5000/api", "sslPort": 44300 } },
  "profiles": {
    "IIS Express": { "commandName": "IISExpress", "ancmHostingModel": "OutOfProcess", "use64Bit": false },
    "Shop": { "commandName": "Project", "applicationUrl": "https://localhost:5001" }
  }
}`;

const APPLICATION_HOST = `<configuration>
  <configSections><sectionGroup name="system.webServer"><section name="aspNetCore" overrideModeDefault="Deny" /></sectionGroup></configSections>
  <system.applicationHost>
    <applicationPools><add name="Shared" enable32BitAppOnWin64="true" /><applicationPoolDefaults managedRuntimeVersion="" /></applicationPools>
    <sites>
      <site name="Shop" id="1"><application path="/" applicationPool="Shared"><virtualDirectory path="/" physicalPath="C:\\s\\A" /></application>
        <application path="/api" applicationPool="Missing"><virtualDirectory path="/" physicalPath="C:\\s\\B" /></application></site>
      <applicationDefaults applicationPool="Shared" />
    </sites>
  </system.applicationHost>
  <system.webServer><globalModules><add name="AspNetCoreModuleV2" image="%IIS_BIN%\\aspnetcorev2.dll" /></globalModules></system.webServer>
  <location path="Shop" overrideMode="Deny"><system.webServer><handlers /></system.webServer></location>
</configuration>`;

const WEB_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <location path="." inheritInChildApplications="false">
    <system.webServer>
      <handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers>
      <aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" stdoutLogEnabled="false" hostingModel="inprocess">
        <environmentVariables><environmentVariable name="A" value="1" /><environmentVariable name="B" value="2" /></environmentVariables>
      </aspNetCore>
    </system.webServer>
  </location>
</configuration>`;

const TRANSFORM = `<?xml version="1.0"?>
<configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
  <location>
    <system.webServer>
      <aspNetCore stdoutLogEnabled="true" xdt:Transform="SetAttributes(stdoutLogEnabled)" xdt:Locator="Condition(@hostingModel='inprocess' and not(@x))">
        <environmentVariables>
          <environmentVariable name="A" xdt:Locator="Match(name)" xdt:Transform="Remove" />
          <environmentVariable name="C" value="3" xdt:Transform="InsertAfter(/configuration/location/system.webServer/aspNetCore/environmentVariables/environmentVariable[@name='B'])" />
          <environmentVariable name="B" xdt:Transform="RemoveAttributes(value)" xdt:Locator="XPath(//environmentVariable[starts-with(@name,'B')][1])" />
        </environmentVariables>
      </aspNetCore>
    </system.webServer>
  </location>
</configuration>`;

const FRAGMENTS = ['<', '>', '/>', '"', "'", '=', ' ', '\n', '\r\n', '{', '}', '[', ']', ',', ':', '$(', ')', '&', '&amp;', '<!-- ', ' -->',
  'xdt:Transform="Replace"', 'xdt:Transform="Insert"', 'xdt:Locator="Match()"', 'xdt:Locator="XPath(//*[)"', 'xdt:Transform="RemoveAll"',
  '<PropertyGroup>', '</PropertyGroup>', 'Condition="\'$(Configuration)\' == \'\'"', '"ancmHostingModel": "x",', 'null', 'true', '\uFEFF', '😀'];

function mutate(text: string, random: () => number): string {
  let result = text;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * (result.length + 1));
    result = random() < 0.5
      ? result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 10))
      : result.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + result.slice(at);
  }
  return result;
}

function issuesInRange(text: string, issues: readonly Issue[]): string | undefined {
  for (const issue of issues) {
    if (!(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length)) return `${issue.rule}: ${issue.start}-${issue.end} outside 0-${text.length}`;
    for (const fix of issue.fixes ?? []) {
      for (const edit of fix.edits) if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) return `${issue.rule} fix '${fix.title}': ${edit.start}-${edit.end}`;
    }
  }
  return undefined;
}

function symbolsInRange(text: string, symbols: readonly SymbolNode[]): string | undefined {
  for (const symbol of symbols) {
    if (!(symbol.start <= symbol.selectionStart && symbol.selectionEnd <= symbol.end && symbol.start >= 0 && symbol.end <= text.length)) return `symbol ${symbol.name}`;
    const inner = symbolsInRange(text, symbol.children);
    if (inner) return inner;
  }
  return undefined;
}

function check(name: string, seedText: string, property: (text: string, random: () => number) => string | undefined): void {
  const random = randomSource(SEED);
  for (let index = 0; index < DOCUMENTS; index++) {
    const text = index === 0 ? seedText : mutate(seedText, random);
    let problem: string | undefined;
    try {
      problem = property(text, random);
    } catch (error) {
      problem = `threw ${error instanceof Error ? error.stack : String(error)}`;
    }
    assert.equal(problem, undefined, `${name} ${index} (seed ${SEED}):\n${problem}\n---\n${text}`);
  }
}

describe('the files around web.config hold their properties in every typed state', () => {
  it('project files: validation, completion and hover', () => {
    check('project', PROJECT, (text, random) => {
      const project = readProjectFile(text);
      const problem = issuesInRange(text, validateProjectFile(project, { webConfigHostingModel: { value: 'outofprocess' } }));
      if (problem) return problem;
      const offset = Math.floor(random() * (text.length + 1));
      for (const entry of completeProjectFile(project, offset)) if (!(entry.replaceStart <= offset && offset <= entry.replaceEnd && entry.replaceEnd <= text.length)) return `completion ${entry.label}`;
      const hover = hoverProjectFile(project, offset);
      if (hover && !(hover.start <= offset && offset <= hover.end && hover.end <= text.length)) return 'hover out of range';
      return undefined;
    });
  });

  it('launchSettings.json against a project', () => {
    const values = evaluateProperties([readProjectFile(PROJECT)], { Configuration: 'Debug' });
    check('launchSettings', LAUNCH_SETTINGS, (text) => issuesInRange(text, validateLaunchSettings(readLaunchSettings(text), values)));
  });

  it('applicationHost.config: validation with facts, and the outline', () => {
    check('applicationHost', APPLICATION_HOST, (text) => {
      const model = readApplicationHost(text);
      return issuesInRange(text, validateApplicationHost(model, () => ({ hostingModel: 'inprocess', bitness: 'x64' }))) ?? symbolsInRange(text, applicationHostSymbols(model));
    });
  });

  it('XDT: a mutated transform, or a mutated source, never throws, and an unapplied one leaves the source', () => {
    check('transform', TRANSFORM, (transform) => {
      const result = applyXdtTransform(WEB_CONFIG, transform);
      for (const problem of result.problems) if (!(problem.start >= 0 && problem.start <= problem.end && problem.end <= transform.length)) return `problem at ${problem.start}-${problem.end}`;
      if (!result.applied && result.text !== WEB_CONFIG) return 'not applied, yet the text changed';
      return undefined;
    });
    check('source', WEB_CONFIG, (source) => {
      const result = applyXdtTransform(source, TRANSFORM);
      if (!result.applied && result.text !== source) return 'not applied, yet the text changed';
      return undefined;
    });
  });

  it('the Web SDK\'s rewrite of a mutated web.config never throws', () => {
    check('sdk', WEB_CONFIG, (source) => {
      const result = generatePublishedWebConfig(source, { targetFileName: 'Shop.dll', useAppHost: false, executableExtension: '', hostingModel: 'InProcess', environmentName: 'Staging' });
      return typeof result.text === 'string' ? undefined : 'no text';
    });
  });
});
