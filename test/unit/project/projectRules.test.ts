import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostingModelCrossCheck } from '../../../server/src/service/project/hostingModelCrossCheck';
import { readProjectFile } from '../../../server/src/service/project/msbuildProject';
import { validateProjectFile } from '../../../server/src/service/project/projectValidation';
import type { Issue, TextEdit } from '../../../server/src/service/types';

function project(body: string, sdk = 'Microsoft.NET.Sdk.Web'): string {
  return `<Project Sdk="${sdk}">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n${body}\n  </PropertyGroup>\n</Project>\n`;
}

function issues(text: string, rule: string, context?: { webConfigHostingModel?: { value: string } }): Issue[] {
  return validateProjectFile(readProjectFile(text), context).filter((issue) => issue.rule === rule);
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('project-invalid-hosting-model', () => {
  it('reports a value the SDK rejects, quoting its error, with a fix', () => {
    const text = project('    <AspNetCoreHostingModel>InProc</AspNetCoreHostingModel>');
    const [issue] = issues(text, 'project-invalid-hosting-model');
    assert.equal(issue.severity, 'error');
    assert.match(issue.message, /^AspNetCoreHostingModel 'InProc' fails dotnet publish: "The acceptable value for AspNetCoreHostingModel property is either "InProcess" or "OutOfProcess"\."/);
    assert.equal(text.slice(issue.start, issue.end), 'InProc');
    assert.match(apply(text, issue.fixes![0].edits), /<AspNetCoreHostingModel>InProcess<\/AspNetCoreHostingModel>/);
    assert.ok(issue.message.length <= 200);
  });

  it('accepts any casing, an empty value and unexpanded references', () => {
    for (const value of ['inprocess', 'OUTOFPROCESS', '', '$(Model)']) {
      assert.deepEqual(issues(project(`    <AspNetCoreHostingModel>${value}</AspNetCoreHostingModel>`), 'project-invalid-hosting-model'), [], value);
    }
  });

  it('is a warning when web.config sets hostingModel, since publish then never reads the property', () => {
    const [issue] = issues(project('    <AspNetCoreHostingModel>Hybrid</AspNetCoreHostingModel>'), 'project-invalid-hosting-model', { webConfigHostingModel: { value: 'inprocess' } });
    assert.equal(issue.severity, 'warning');
  });
});

describe('project-in-process-v1-module', () => {
  it('reports ANCM V1 with the in-process default of .NET Core 3.0+, quoting the SDK error', () => {
    const text = project('    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>');
    const [issue] = issues(text, 'project-in-process-v1-module');
    assert.match(issue.message, /In process hosting is not supported for AspNetCoreModule/);
    assert.equal(text.slice(issue.start, issue.end), 'AspNetCoreModule');
    assert.match(apply(text, issue.fixes![0].edits), /<AspNetCoreModuleName>AspNetCoreModuleV2</);
    assert.ok(issue.message.length <= 200);
  });

  it('names the configuration when only one is in-process', () => {
    const text = `<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName><AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel></PropertyGroup>
<PropertyGroup Condition="'$(Configuration)' == 'Release'"><AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel></PropertyGroup></Project>`;
    const [issue] = issues(text, 'project-in-process-v1-module');
    assert.match(issue.message, /\(in Release\)/);
    assert.equal(issue.fixes!.length, 3); // V2, and out-of-process on each hosting model element
  });

  it('stays quiet out-of-process, with V2, for .NET Framework, and when web.config sets hostingModel', () => {
    assert.deepEqual(issues(project('    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>\n    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>'), 'project-in-process-v1-module'), []);
    assert.deepEqual(issues(project('    <AspNetCoreModuleName>AspNetCoreModuleV2</AspNetCoreModuleName>'), 'project-in-process-v1-module'), []);
    assert.deepEqual(issues(project('    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>').replace('net8.0', 'net48'), 'project-in-process-v1-module'), []);
    assert.deepEqual(issues(project('    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>'), 'project-in-process-v1-module', { webConfigHostingModel: { value: 'outofprocess' } }), []);
  });
});

describe('project-single-file-in-process', () => {
  it('reports PublishSingleFile with in-process hosting (500.38)', () => {
    const text = project('    <PublishSingleFile>true</PublishSingleFile>\n    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>');
    const [issue] = issues(text, 'project-single-file-in-process');
    assert.equal(issue.severity, 'error');
    assert.match(issue.message, /500\.38/);
    assert.equal(text.slice(issue.start, issue.end), 'true');
    assert.match(apply(text, issue.fixes![1].edits), /<AspNetCoreHostingModel>OutOfProcess</);
  });

  it('uses web.config\'s hostingModel when it has one', () => {
    const text = project('    <PublishSingleFile>true</PublishSingleFile>\n    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>');
    assert.equal(issues(text, 'project-single-file-in-process').length, 0);
    assert.equal(issues(text, 'project-single-file-in-process', { webConfigHostingModel: { value: 'InProcess' } }).length, 1);
    assert.equal(issues(project('    <PublishSingleFile>true</PublishSingleFile>'), 'project-single-file-in-process', { webConfigHostingModel: { value: 'outofprocess' } }).length, 0);
  });

  it('stays quiet without single-file', () => {
    assert.deepEqual(issues(project('    <PublishSingleFile>false</PublishSingleFile>'), 'project-single-file-in-process'), []);
  });
});

describe('UseAppHost rules', () => {
  it('reports a self-contained app without its apphost (NETSDK1067) with a safe fix', () => {
    const text = project('    <SelfContained>true</SelfContained>\n    <RuntimeIdentifier>win-x64</RuntimeIdentifier>\n    <UseAppHost>false</UseAppHost>');
    const [issue] = issues(text, 'project-self-contained-without-app-host');
    assert.match(issue.message, /NETSDK1067/);
    assert.equal(issue.fixes![0].safe, true);
    assert.deepEqual(issues(text, 'project-app-host-disabled'), []);
  });

  it('informs that a framework-dependent app with a RID is started with dotnet', () => {
    const text = project('    <RuntimeIdentifier>win-x64</RuntimeIdentifier>\n    <UseAppHost>false</UseAppHost>');
    const [issue] = issues(text, 'project-app-host-disabled');
    assert.equal(issue.severity, 'information');
    assert.match(issue.message, /processPath="dotnet"/);
    assert.deepEqual(issues(project('    <UseAppHost>false</UseAppHost>'), 'project-app-host-disabled'), []);
    assert.deepEqual(issues(project('    <RuntimeIdentifier>win-x64</RuntimeIdentifier>'), 'project-app-host-disabled'), []);
  });
});

describe('project-32-bit', () => {
  it('informs on a 32-bit PlatformTarget or RuntimeIdentifier', () => {
    const text = project('    <PlatformTarget>x86</PlatformTarget>');
    const [issue] = issues(text, 'project-32-bit');
    assert.equal(issue.severity, 'information');
    assert.match(issue.message, /Enable 32-Bit Applications/);
    assert.equal(text.slice(issue.start, issue.end), 'x86');
    assert.equal(issues(project('    <RuntimeIdentifier>win-x86</RuntimeIdentifier>'), 'project-32-bit').length, 1);
  });

  it('stays quiet for 64-bit and portable apps; a 64-bit RID wins over PlatformTarget', () => {
    assert.deepEqual(issues(project('    <PlatformTarget>AnyCPU</PlatformTarget>'), 'project-32-bit'), []);
    assert.deepEqual(issues(project('    <RuntimeIdentifier>win-x64</RuntimeIdentifier>'), 'project-32-bit'), []);
    assert.deepEqual(issues(project('    <PlatformTarget>x86</PlatformTarget>\n    <RuntimeIdentifier>win-x64</RuntimeIdentifier>'), 'project-32-bit'), []);
  });
});

describe('project-environment-name and project-web-config-transform-disabled', () => {
  it('says what EnvironmentName does at publish, and warns on Development', () => {
    const [staging] = issues(project('    <EnvironmentName>Staging</EnvironmentName>'), 'project-environment-name');
    assert.equal(staging.severity, 'information');
    assert.match(staging.message, /ASPNETCORE_ENVIRONMENT=Staging.*web\.Staging\.config/);
    const [development] = issues(project('    <EnvironmentName>Development</EnvironmentName>'), 'project-environment-name');
    assert.equal(development.severity, 'warning');
    assert.deepEqual(issues(project(''), 'project-environment-name'), []);
  });

  it('informs when either spelling (or PublishIISAssets=false) turns the transform off', () => {
    for (const body of ['<IsTransformWebConfigDisabled>true</IsTransformWebConfigDisabled>', '<IsWebConfigTransformDisabled>True</IsWebConfigTransformDisabled>', '<PublishIISAssets>false</PublishIISAssets>']) {
      const [issue] = issues(project(body), 'project-web-config-transform-disabled');
      assert.equal(issue.severity, 'information', body);
      assert.match(issue.message, /web\.config as is/);
    }
    assert.deepEqual(issues(project('<IsTransformWebConfigDisabled>false</IsTransformWebConfigDisabled>'), 'project-web-config-transform-disabled'), []);
  });
});

describe('hosting model cross-check', () => {
  it('reports on the project side when web.config says otherwise, with a fix to agree', () => {
    const text = project('    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>');
    const [issue] = issues(text, 'project-hosting-model-mismatch', { webConfigHostingModel: { value: 'outofprocess' } });
    assert.equal(issue.severity, 'warning');
    assert.match(issue.message, /publish keeps web\.config's hostingModel/);
    assert.match(apply(text, issue.fixes![0].edits), /<AspNetCoreHostingModel>OutOfProcess</);
    assert.deepEqual(issues(text, 'project-hosting-model-mismatch', { webConfigHostingModel: { value: 'INPROCESS' } }), []);
    assert.deepEqual(issues(text, 'project-hosting-model-mismatch'), []);
  });

  it('reports on the web.config side in web.config\'s casing', () => {
    const webConfig = '<aspNetCore hostingModel="outofprocess" />';
    const start = webConfig.indexOf('outofprocess');
    const [issue] = hostingModelCrossCheck({ value: 'outofprocess', start, end: start + 'outofprocess'.length }, { value: 'InProcess' });
    assert.equal(issue.rule, 'web-config-project-hosting-model-mismatch');
    assert.ok(issue.message.length <= 200);
    assert.equal(apply(webConfig, issue.fixes![0].edits), '<aspNetCore hostingModel="inprocess" />');
    assert.deepEqual(hostingModelCrossCheck({ value: 'InProcess', start, end: start + 9 }, { value: 'inprocess' }), []);
    assert.deepEqual(hostingModelCrossCheck(undefined, { value: 'InProcess' }), []);
    assert.deepEqual(hostingModelCrossCheck({ value: 'bogus', start, end: start + 5 }, { value: 'InProcess' }), []);
  });
});

describe('validateProjectFile', () => {
  it('reports nothing on a template project and never throws on a half-typed one', () => {
    const template = project('    <Nullable>enable</Nullable>\n    <ImplicitUsings>enable</ImplicitUsings>');
    assert.deepEqual(validateProjectFile(readProjectFile(template)), []);
    const text = project('    <PublishSingleFile>true</PublishSingleFile>\n    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>');
    for (let end = 0; end <= text.length; end++) validateProjectFile(readProjectFile(text.slice(0, end)));
  });

  it('keeps every message within 200 characters', () => {
    const text = project(`    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>
    <AspNetCoreModuleName>AspNetCoreModule</AspNetCoreModuleName>
    <PublishSingleFile>true</PublishSingleFile>
    <RuntimeIdentifier>win-x86</RuntimeIdentifier>
    <UseAppHost>false</UseAppHost>
    <EnvironmentName>Staging</EnvironmentName>
    <IsWebConfigTransformDisabled>true</IsWebConfigTransformDisabled>`);
    const all = validateProjectFile(readProjectFile(text));
    assert.ok(all.length >= 6);
    for (const issue of all) assert.ok(issue.message.length <= 200, issue.message);
  });
});
