// The published web.config the Web SDK writes before XDT transforms. Each expectation cites where it comes from in
// dotnet/sdk: src/WebSdk/Publish/Tasks/WebConfigTransform.cs (Transform and its helpers), Tasks/TransformWebConfig.cs
// (Execute), WebConfigTemplate.cs, WebConfigTelemetry.cs, Properties/Resources.resx, and the SDK's own tests in
// test/Microsoft.NET.Sdk.Publish.Tasks.Tests/WebConfigTransformTests.cs. The golden files are in
// test/fixtures/published/ (written with "\n" line breaks; the SDK writes Environment.NewLine).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { generatePublishedWebConfig, SdkWebConfigProblemCode, type SdkWebConfigInputs } from '../../../server/src/service/published/sdkWebConfig';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'published');

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A framework-dependent publish without RuntimeIdentifier of a project with the Web SDK's defaults. */
const FRAMEWORK_DEPENDENT: SdkWebConfigInputs = {
  targetFileName: 'MyApp.dll', useAppHost: false, executableExtension: '', hostingModel: 'InProcess', moduleName: 'AspNetCoreModuleV2', newLine: '\n',
};
/** The same published with -r win-x64 (UseAppHost true, _ExecutableExtension .exe). */
const APPHOST: SdkWebConfigInputs = { ...FRAMEWORK_DEPENDENT, useAppHost: true, executableExtension: '.exe' };

function aspNetCoreTag(text: string): string {
  return /<aspNetCore\b[^>]*>/.exec(text)?.[0] ?? '';
}

describe('published web.config: a project without web.config', () => {
  it('writes the template with the location wrapper, the handler and dotnet .\\MyApp.dll (golden)', () => {
    // WebConfigTransform.Transform(null, ...) parses WebConfigTemplate.Template; WebConfigTransformTests
    // WebConfigTransform_creates_new_config_if_one_does_not_exist (portable case) and _configures_portable_apps_correctly.
    const result = generatePublishedWebConfig(undefined, FRAMEWORK_DEPENDENT);
    assert.deepEqual(result.problems, []);
    assert.equal(result.text, fixture('none.framework-dependent.published.config'));
  });

  it('uses the apphost, the environment and the ProjectGuid comment (golden)', () => {
    // WebConfigTransformTests: _creates_ProcessPath_WithCorrectExtension, _will_append_Env_IfPassed,
    // _Adds_ProjectGuid_IfNotPresent (braces trimmed: AddProjectGuidToWebConfig), _UsesAspNetCoreHostingModelValue_ForHostingModel.
    const result = generatePublishedWebConfig(undefined, {
      ...APPHOST, hostingModel: 'OutOfProcess', environmentName: 'Staging', projectGuid: '{ 66964EC2-712A-451A-AB4F-33F18D8F54F1 }',
    });
    assert.deepEqual(result.problems, []);
    assert.equal(result.text, fixture('none.apphost-staging.published.config'));
  });

  it('drops the extension when the apphost has none (a non-Windows RuntimeIdentifier)', () => {
    // WebConfigTransformTests _creates_ProcessPath_WithCorrectExtension (WebConfigTemplateWithOutExe): Path.ChangeExtension(path, null).
    const result = generatePublishedWebConfig(undefined, { ...APPHOST, executableExtension: '' });
    assert.match(aspNetCoreTag(result.text), /^<aspNetCore processPath="\.\\MyApp" stdoutLogEnabled/);
  });

  it('writes AspNetCoreModule when the project names no module', () => {
    // WebConfigTransform.TransformHandlers: an empty aspNetCoreModuleName falls back to "AspNetCoreModule".
    const result = generatePublishedWebConfig(undefined, { ...FRAMEWORK_DEPENDENT, moduleName: undefined, hostingModel: undefined });
    assert.match(result.text, /<add name="aspNetCore" path="\*" verb="\*" modules="AspNetCoreModule" resourceType="Unspecified" \/>/);
    assert.doesNotMatch(result.text, /hostingModel/, 'WebConfigTransformTests _DoesNotSet_HostingModelIfEmpty');
  });

  it('separates lines with Environment.NewLine, "\\r\\n" unless told otherwise, with no line break at the end', () => {
    // XDocument.Save through an XmlWriter with Indent = true (TransformWebConfig.Execute).
    const { newLine: _, ...inputs } = FRAMEWORK_DEPENDENT;
    const text = generatePublishedWebConfig(undefined, inputs).text;
    assert.equal(text, fixture('none.framework-dependent.published.config').replaceAll('\n', '\r\n'));
  });
});

describe('published web.config: the Visual Studio web.config with launcher placeholders', () => {
  it('framework-dependent: dotnet with .\\MyApp.dll, %LAUNCHER_ARGS% removed, layout re-indented (golden)', () => {
    // WebConfigTransform.RemoveLauncherArgs and TransformAspNetCore; WebConfigTransformTests
    // _wont_override_existing_args_for_portable_apps ("%LAUNCHER_ARGS%" -> ".\myapp.dll"). The blank lines go
    // (XDocument.Load drops whitespace-only text), the comment stays, `<remove .../>` becomes `<remove ... />`.
    const result = generatePublishedWebConfig(fixture('vs-launcher.web.config'), FRAMEWORK_DEPENDENT);
    assert.deepEqual(result.problems, []);
    assert.equal(result.text, fixture('vs-launcher.framework-dependent.published.config'));
  });

  it('apphost: processPath .\\MyApp.exe and an emptied arguments attribute (golden)', () => {
    // WebConfigTransformTests _removes_LAUNCHER_ARGS_from_arguments_for_standalone_apps ("%LAUNCHER_ARGS%" -> "").
    const result = generatePublishedWebConfig(fixture('vs-launcher.web.config'), APPHOST);
    assert.equal(result.text, fixture('vs-launcher.apphost.published.config'));
  });

  it('removes every placeholder in any case and keeps the other arguments (SDK test rows)', () => {
    // Rows of WebConfigTransformTests _removes_LAUNCHER_ARGS_from_arguments_for_standalone_apps and
    // _wont_override_existing_args_for_portable_apps.
    const rows: readonly [string, boolean, string][] = [
      [' %launcher_args% -my-switch', true, '-my-switch'],
      ['-switch-1 %LAUNCHER_ARGS% -switch-2', true, '-switch-1  -switch-2'],
      ['%launcher_args% -switch-1 -argFile IISExeLauncherArgs.txt -switch-2', true, '-switch-1  -switch-2'],
      ['-argFile IISExeLauncherArgs.txt -switch -argFile IISExeLauncherArgs.txt %launcher_args%', true, '-switch'],
      ['', false, '.\\MyApp.dll'],
      ['-my-switch %LaUnChEr_ArGs% -argFile iisexelauncherargs.txt', false, '.\\MyApp.dll -my-switch'],
      ['%LAUNCHER_ARGS% -switch %launcher_args%', false, '.\\MyApp.dll -switch'],
    ];
    for (const [input, useAppHost, expected] of rows) {
      const source = `<configuration><system.webServer><aspNetCore processPath="%LAUNCHER_PATH%" arguments="${input}" /></system.webServer></configuration>`;
      const tag = aspNetCoreTag(generatePublishedWebConfig(source, useAppHost ? APPHOST : FRAMEWORK_DEPENDENT).text);
      assert.ok(tag.includes(` arguments="${expected}"`), `${JSON.stringify(input)} -> ${tag}`);
    }
  });

  it('puts the app path in front of arguments that are not exactly the app path, even when they already hold it', () => {
    // TransformAspNetCore compares the whole arguments value with .\MyApp.dll (OrdinalIgnoreCase), nothing finer;
    // an equal value is kept as written.
    const exact = '<configuration><system.webServer><aspNetCore processPath="dotnet" arguments=".\\myapp.DLL" /></system.webServer></configuration>';
    assert.ok(aspNetCoreTag(generatePublishedWebConfig(exact, FRAMEWORK_DEPENDENT).text).includes('arguments=".\\myapp.DLL"'));
    const withMore = '<configuration><system.webServer><aspNetCore processPath="dotnet" arguments=".\\MyApp.dll --port 5" /></system.webServer></configuration>';
    assert.ok(aspNetCoreTag(generatePublishedWebConfig(withMore, FRAMEWORK_DEPENDENT).text).includes('arguments=".\\MyApp.dll .\\MyApp.dll --port 5"'));
  });
});

describe('published web.config: hosting model', () => {
  const noHostingModel = '<configuration><system.webServer><aspNetCore /></system.webServer></configuration>';

  it('writes InProcess and OutOfProcess as the project spells them', () => {
    // SetAspNetCoreHostingModel sets the raw value after a ToUpperInvariant switch; WebConfigTransformTests
    // _UsesAspNetCoreHostingModelValue_ForHostingModel rows "inprocess", "OutOfProcess".
    for (const hostingModel of ['inprocess', 'InProcess', 'outofprocess', 'OutOfProcess']) {
      const tag = aspNetCoreTag(generatePublishedWebConfig(noHostingModel, { ...FRAMEWORK_DEPENDENT, hostingModel }).text);
      assert.ok(tag.endsWith(` hostingModel="${hostingModel}" />`), tag);
    }
  });

  it('fails the publish for a value other than InProcess or OutOfProcess, with the SDK message', () => {
    // Resources.resx WebConfigTransform_HostingModel_Error; WebConfigTransformTests _Throws_IfHostingModelValueIsUndefined ("foo").
    const result = generatePublishedWebConfig(noHostingModel, { ...FRAMEWORK_DEPENDENT, hostingModel: 'foo' });
    assert.deepEqual(result.problems, [{
      code: SdkWebConfigProblemCode.hostingModelInvalid, severity: 'error',
      message: 'The acceptable value for AspNetCoreHostingModel property is either "InProcess" or "OutOfProcess".',
    }]);
    assert.equal(result.text, noHostingModel, 'the publish stops: the project web.config is what the publish folder holds');
    assert.equal(generatePublishedWebConfig(undefined, { ...FRAMEWORK_DEPENDENT, hostingModel: 'foo' }).text, '');
  });

  it('fails InProcess with AspNetCoreModule, also when only the existing handler names that module', () => {
    // Resources.resx WebConfigTransform_InvalidHostingOption; WebConfigTransformTests _Throws_ForInValidHostingModel.
    // Transform passes the handler's modules value in force, and TransformHandlers keeps an existing one
    // (_UsesAspNetCoreHostingVersion_FromWebConfigIfPresent).
    const message = 'In process hosting is not supported for AspNetCoreModule. Change the AspNetCoreModule to at least AspNetCoreModuleV2.';
    const fromProject = generatePublishedWebConfig(undefined, { ...FRAMEWORK_DEPENDENT, moduleName: 'AspNetCoreModule' });
    assert.deepEqual(fromProject.problems, [{ code: SdkWebConfigProblemCode.inProcessNeedsModuleV2, severity: 'error', message }]);
    const v1Handler = '<configuration><system.webServer><handlers><add name="aspNetCore" modules="AspNetCoreModule" /></handlers></system.webServer></configuration>';
    assert.deepEqual(generatePublishedWebConfig(v1Handler, FRAMEWORK_DEPENDENT).problems.map((problem) => problem.message), [message]);
    // OutOfProcess is fine with it (WebConfigTransformTests _UsingAspNetCoreModule_SupportsOutOfProc).
    assert.deepEqual(generatePublishedWebConfig(v1Handler, { ...FRAMEWORK_DEPENDENT, hostingModel: 'OutOfProcess' }).problems, []);
  });

  it('keeps a hostingModel the web.config already has and does not validate the project value then', () => {
    // TransformAspNetCore: with the project's web.config present, the hosting model is set only when absent;
    // WebConfigTransformTests _will_UseHostingModel_FromWebConfigIfPresent (project value "foo").
    const source = '<configuration><system.webServer><aspNetCore hostingModel="outofprocess" /></system.webServer></configuration>';
    const result = generatePublishedWebConfig(source, { ...FRAMEWORK_DEPENDENT, hostingModel: 'foo' });
    assert.deepEqual(result.problems, []);
    assert.ok(aspNetCoreTag(result.text).includes('hostingModel="outofprocess"'));
  });
});

describe('published web.config: an existing web.config', () => {
  it('keeps values, fixes the handler name casing, overwrites ASPNETCORE_ENVIRONMENT and moves aspNetCore after handlers (golden)', () => {
    // WebConfigTransformTests: _fixes_aspnetcore_casing, _will_Override_Env_IfUpdated, _wont_override_custom_values,
    // _does_not_remove_children_of_aspNetCore_element; Transform's "aspNetCore after handlers" step; arguments moved
    // next to processPath (TransformAspNetCore). Tabs and single quotes do not survive XDocument.Load/Save.
    const result = generatePublishedWebConfig(fixture('existing-settings.web.config'), { ...FRAMEWORK_DEPENDENT, environmentName: 'Production' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.text, fixture('existing-settings.published.config'));
  });

  it('adds ASPNETCORE_ENVIRONMENT after the variables already there', () => {
    // TransformEnvironmentVariables appends a new environmentVariable to the first environmentVariables element.
    const source = '<configuration><system.webServer><aspNetCore><environmentVariables><environmentVariable name="A" value="1" /></environmentVariables></aspNetCore></system.webServer></configuration>';
    const text = generatePublishedWebConfig(source, { ...FRAMEWORK_DEPENDENT, environmentName: 'Staging' }).text;
    assert.match(text, /name="A" value="1" \/>\n\s*<environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Staging" \/>/);
  });

  it('does not touch stdoutLogEnabled, stdoutLogFile, path, verb, modules or resourceType that are set, even when empty', () => {
    // WebConfigTransformTests _wont_override_custom_values; SetAttributeValueIfEmpty only fills absent attributes.
    const source = '<configuration><system.webServer><handlers><add name="aspNetCore" path="" verb="GET" modules="mods" resourceType="Either" /></handlers>'
      + '<aspNetCore stdoutLogEnabled="true" stdoutLogFile="" /></system.webServer></configuration>';
    const text = generatePublishedWebConfig(source, { ...FRAMEWORK_DEPENDENT, hostingModel: undefined }).text;
    assert.match(text, /<add name="aspNetCore" path="" verb="GET" modules="mods" resourceType="Either" \/>/);
    // A new processPath is appended (SetAttributeValue) and arguments goes right after it.
    assert.equal(aspNetCoreTag(text), '<aspNetCore stdoutLogEnabled="true" stdoutLogFile="" processPath="dotnet" arguments=".\\MyApp.dll" />');
  });

  it('always writes the Azure log path when publishing to Azure', () => {
    // TransformAspNetCore (configureForAzure); WebConfigTransformTests _overwrites_stdoutLogPath_for_Azure.
    const source = '<configuration><system.webServer><aspNetCore stdoutLogFile="mylog.txt" /></system.webServer></configuration>';
    const tag = aspNetCoreTag(generatePublishedWebConfig(source, { ...APPHOST, configureForAzure: true }).text);
    assert.ok(tag.includes('stdoutLogFile="\\\\?\\%home%\\LogFiles\\stdout"'), tag);
  });

  it('uses the location the aspNetCore is in, and the root when it is outside any location', () => {
    // WebConfigTransformTests _HandlesLocations_Correctly: a web.config already complete comes out unchanged.
    const source = '<configuration><location path="api"><system.web /></location><system.webServer><handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers>'
      + '<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="InProcess" /></system.webServer></configuration>';
    const text = generatePublishedWebConfig(source, FRAMEWORK_DEPENDENT).text;
    assert.equal(text.match(/<system\.webServer>/g)?.length, 1);
    assert.match(text, /<location path="api">\n\s*<system\.web \/>\n\s*<\/location>/);
  });

  it('replaces a document whose root is not <configuration> with the template, without a problem', () => {
    // Transform checks Root.Name.LocalName; WebConfigTransformTests _creates_new_config_if_one_has_unexpected_format.
    const result = generatePublishedWebConfig('<unexpected />', FRAMEWORK_DEPENDENT);
    assert.deepEqual(result.problems, []);
    assert.equal(result.text, fixture('none.framework-dependent.published.config'));
  });

  it('generates a new web.config with the SDK warning when the file is not well-formed XML', () => {
    // TransformWebConfig.Execute catches the XmlException, logs this warning and passes null to Transform.
    const result = generatePublishedWebConfig(fixture('malformed.web.config'), FRAMEWORK_DEPENDENT);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]?.code, SdkWebConfigProblemCode.notXml);
    assert.equal(result.problems[0]?.severity, 'warning');
    assert.match(result.problems[0]?.message ?? '', /^Cannot parse web\.config as XML\. A new web\.config will be generated\. Error Details : ./);
    assert.equal(result.text, fixture('none.framework-dependent.published.config'));
    assert.equal(generatePublishedWebConfig('', FRAMEWORK_DEPENDENT).problems[0]?.code, SdkWebConfigProblemCode.notXml);
  });

  it('fails instead of throwing when the first aspNetCore sits in a location that is not a child of the root', () => {
    // Transform takes Root.Element("location"), null here, and GetOrCreateChild dereferences it.
    const source = '<configuration><system.webServer><location><aspNetCore /></location></system.webServer></configuration>';
    const result = generatePublishedWebConfig(source, FRAMEWORK_DEPENDENT);
    assert.deepEqual(result.problems.map((problem) => [problem.code, problem.message]), [[SdkWebConfigProblemCode.taskFailed, 'Object reference not set to an instance of an object.']]);
    assert.equal(result.text, source);
  });

  it('writes elements it creates under a default namespace with xmlns=""', () => {
    // Transform asks for names in no namespace, so an old web.config with xmlns="...NETConfiguration/v2.0" gets a new
    // system.webServer; XmlWriter undeclares the default namespace on it.
    const source = '<configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0"><system.webServer /></configuration>';
    const text = generatePublishedWebConfig(source, FRAMEWORK_DEPENDENT).text;
    assert.match(text, /<system\.webServer \/>\n  <system\.webServer xmlns="">\n    <handlers>/);
  });

  it('keeps mixed content on one line and indents the rest', () => {
    // XmlWriter indenting stops inside an element that received text (XmlWriterSettings.Indent documentation).
    const source = '<configuration><appSettings><add key="k" value="&lt;v&gt;" /><!--note--></appSettings><p>text <b>bold</b></p></configuration>';
    const text = generatePublishedWebConfig(source, { ...FRAMEWORK_DEPENDENT, hostingModel: undefined }).text;
    assert.match(text, /<appSettings>\n    <add key="k" value="&lt;v&gt;" \/>\n    <!--note-->\n  <\/appSettings>\n  <p>text <b>bold<\/b><\/p>/);
  });
});

describe('published web.config: telemetry and .NET Framework', () => {
  it('removes the ProjectGuid comment when IgnoreProjectGuid is set and does not add it twice', () => {
    // WebConfigTransform.AddProjectGuidToWebConfig; WebConfigTransformTests _Removes_ProjectGuid_IfIgnorePropertyIsSet.
    const withGuid = generatePublishedWebConfig(undefined, { ...FRAMEWORK_DEPENDENT, projectGuid: '(66964EC2-712A-451A-AB4F-33F18D8F54F1)' }).text;
    const again = generatePublishedWebConfig(withGuid, { ...FRAMEWORK_DEPENDENT, projectGuid: '66964ec2-712a-451a-ab4f-33f18d8f54f1' }).text;
    assert.equal(again, withGuid);
    const ignored = generatePublishedWebConfig(withGuid, { ...FRAMEWORK_DEPENDENT, projectGuid: '66964EC2-712A-451A-AB4F-33F18D8F54F1', ignoreProjectGuid: true }).text;
    assert.equal(ignored, fixture('none.framework-dependent.published.config'));
  });

  it('leaves a .NET Framework web.config without ASP.NET Core elements (only reformatted)', () => {
    // TransformWebConfig.Execute skips WebConfigTransform.Transform when TargetFrameworkIdentifier is .NETFramework (dotnet/sdk#34595).
    const source = '<configuration>\n\n<system.web><compilation debug="true"/></system.web></configuration>';
    const result = generatePublishedWebConfig(source, { ...FRAMEWORK_DEPENDENT, targetFrameworkIdentifier: '.NETFramework' });
    assert.equal(result.text, '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <system.web>\n    <compilation debug="true" />\n  </system.web>\n</configuration>');
    assert.deepEqual(result.problems, []);
  });
});
