import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCondition, expandProperties } from '../../../server/src/service/project/msbuildCondition';
import { configurationsOf, evaluateProperties, readProjectFile } from '../../../server/src/service/project/msbuildProject';

const CSPROJ = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <AspNetCoreHostingModel> InProcess </AspNetCoreHostingModel>
    <Empty />
  </PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)|$(Platform)'=='Release|AnyCPU'">
    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>
    <EnvironmentName Condition=" '$(Configuration)' == 'Release' ">Staging</EnvironmentName>
  </PropertyGroup>
</Project>
`;

const lookup = (values: Record<string, string>) => (name: string) => values[name];

describe('readProjectFile', () => {
  it('reads the SDK and every property with its trimmed value, offsets and condition', () => {
    const project = readProjectFile(CSPROJ);
    assert.equal(project.sdk, 'Microsoft.NET.Sdk.Web');
    assert.deepEqual(project.properties.map((property) => [property.name, property.value, property.condition]), [
      ['TargetFramework', 'net8.0', undefined],
      ['AspNetCoreHostingModel', 'InProcess', undefined],
      ['Empty', '', undefined],
      ['AspNetCoreHostingModel', 'OutOfProcess', "'$(Configuration)|$(Platform)'=='Release|AnyCPU'"],
      ['EnvironmentName', 'Staging', "('$(Configuration)|$(Platform)'=='Release|AnyCPU') and ( '$(Configuration)' == 'Release' )"],
    ]);
    const hosting = project.properties[1];
    assert.equal(CSPROJ.slice(hosting.valueStart, hosting.valueEnd), 'InProcess');
    assert.ok(CSPROJ.slice(hosting.start, hosting.end).startsWith('<AspNetCoreHostingModel>'));
    assert.ok(CSPROJ.slice(hosting.start, hosting.end).endsWith('</AspNetCoreHostingModel>'));
  });

  it('reads the Sdk element and Choose/When/Otherwise branches', () => {
    const project = readProjectFile(`<Project><Sdk Name="Microsoft.NET.Sdk.Web" />
  <Choose>
    <When Condition="'$(Configuration)' == 'Debug'"><PropertyGroup><UseAppHost>false</UseAppHost></PropertyGroup></When>
    <Otherwise><PropertyGroup><UseAppHost>true</UseAppHost></PropertyGroup></Otherwise>
  </Choose>
</Project>`);
    assert.equal(project.sdk, 'Microsoft.NET.Sdk.Web');
    assert.equal(evaluateProperties([project], { Configuration: 'Debug' }).get('UseAppHost')?.value, 'false');
    assert.equal(evaluateProperties([project], { Configuration: 'Release' }).get('UseAppHost')?.value, 'true');
  });

  it('never throws on half-typed files, and leaves out a property still being typed', () => {
    for (let end = 0; end <= CSPROJ.length; end++) readProjectFile(CSPROJ.slice(0, end));
    const project = readProjectFile('<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><AspNetCoreHostingModel>InPro');
    assert.deepEqual(project.properties, []);
    assert.deepEqual(readProjectFile('not xml at all').properties, []);
    assert.deepEqual(readProjectFile('').properties, []);
  });
});

describe('MSBuild conditions', () => {
  it('compares strings case-insensitively after expanding properties', () => {
    const values = lookup({ Configuration: 'Release', Platform: 'AnyCPU' });
    assert.equal(evaluateCondition("'$(Configuration)|$(Platform)'=='release|anycpu'", values), true);
    assert.equal(evaluateCondition("'$(Configuration)' == 'Debug'", values), false);
    assert.equal(evaluateCondition("'$(Configuration)' != 'Debug'", values), true);
    assert.equal(evaluateCondition("'$(Undefined)' == ''", values), true);
  });

  it('combines with and, or, not and parentheses, and compares numbers', () => {
    const values = lookup({ Configuration: 'Release', Version: '3.1' });
    assert.equal(evaluateCondition("'$(Configuration)' == 'Debug' or '$(Configuration)' == 'Release'", values), true);
    assert.equal(evaluateCondition("'$(Configuration)' == 'Release' AND !('$(Version)' < '3.0')", values), true);
    assert.equal(evaluateCondition("'$(Version)' >= '10'", values), false);
    assert.equal(evaluateCondition('true', values), true);
    assert.equal(evaluateCondition('', values), true);
  });

  it('is unknown for what needs the file system, property functions or a well-formed condition', () => {
    const values = lookup({ Configuration: 'Release' });
    assert.equal(evaluateCondition("Exists('Directory.Build.props')", values), undefined);
    assert.equal(evaluateCondition("$(TargetFramework.StartsWith('net8'))", values), undefined);
    assert.equal(evaluateCondition("'$(Configuration)' == ", values), undefined);
    assert.equal(evaluateCondition("'$(Configuration) == 'Release'", values), undefined);
    // Unknown and false is false; unknown or true is true.
    assert.equal(evaluateCondition("Exists('x') and '$(Configuration)' == 'Debug'", values), false);
    assert.equal(evaluateCondition("Exists('x') or '$(Configuration)' == 'Release'", values), true);
  });

  it('expands simple references and gives up on functions and item lists', () => {
    assert.equal(expandProperties('win-$(Arch)', lookup({ Arch: 'x86' })), 'win-x86');
    assert.equal(expandProperties('$(Missing)', lookup({})), '');
    assert.equal(expandProperties("$([System.IO.Path]::Combine('a'))", lookup({})), undefined);
    assert.equal(expandProperties('@(Items)', lookup({})), undefined);
  });
});

describe('evaluateProperties', () => {
  it('gives the value in effect per configuration', () => {
    const project = readProjectFile(CSPROJ);
    const debug = evaluateProperties([project], { Configuration: 'Debug' });
    assert.equal(debug.get('AspNetCoreHostingModel')?.value, 'InProcess');
    assert.equal(debug.get('EnvironmentName'), undefined);
    const release = evaluateProperties([project], { Configuration: 'Release' });
    assert.equal(release.get('AspNetCoreHostingModel')?.value, 'OutOfProcess');
    assert.equal(release.get('EnvironmentName')?.value, 'Staging');
    assert.equal(evaluateProperties([project], { Configuration: 'Release', Platform: 'x64' }).get('AspNetCoreHostingModel')?.value, 'InProcess');
  });

  it('lets later files override earlier ones and expands references to earlier values', () => {
    const props = readProjectFile('<Project><PropertyGroup><Arch>x86</Arch><AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel></PropertyGroup></Project>');
    const csproj = readProjectFile('<Project><PropertyGroup><RuntimeIdentifier>win-$(Arch)</RuntimeIdentifier></PropertyGroup></Project>');
    const pubxml = readProjectFile('<Project><PropertyGroup><aspnetcorehostingmodel>InProcess</aspnetcorehostingmodel><Configuration>Debug</Configuration></PropertyGroup></Project>');
    const values = evaluateProperties([props, csproj, pubxml], { Configuration: 'Release' });
    assert.equal(values.get('RuntimeIdentifier')?.value, 'win-x86');
    assert.equal(values.get('RuntimeIdentifier')?.file, 1);
    // Property names are case-insensitive; the table's spelling is the key.
    assert.equal(values.get('AspNetCoreHostingModel')?.value, 'InProcess');
    assert.equal(values.get('AspNetCoreHostingModel')?.file, 2);
    // A global property is not overridden by a file.
    assert.equal(values.get('Configuration'), undefined);
  });

  it('lists the configurations a file distinguishes', () => {
    const project = readProjectFile(`<Project>
  <PropertyGroup Condition="'$(Configuration)|$(Platform)' == 'Staging|AnyCPU'"><X>1</X></PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)' == 'Release' and '$(Y)' == 'true'"><X>2</X></PropertyGroup>
</Project>`);
    assert.deepEqual(configurationsOf(project), ['Debug', 'Release', 'Staging']);
  });
});
