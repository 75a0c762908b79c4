import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msbuildHostingModel, setProjectHostingModel } from '../../../server/src/service/edits/projectHostingModelEdit';
import { applyResult, lines, reasonOf } from './editKit';

const SDK_PROJECT = lines(
  '<Project Sdk="Microsoft.NET.Sdk.Web">',
  '',
  '  <PropertyGroup>',
  '    <TargetFramework>net8.0</TargetFramework>',
  '    <Nullable>enable</Nullable>',
  '  </PropertyGroup>',
  '',
  '</Project>',
  '',
);

describe('project hosting model', () => {
  it('writes the values as MSBuild projects spell them', () => {
    assert.equal(msbuildHostingModel('inprocess'), 'InProcess');
    assert.equal(msbuildHostingModel('outofprocess'), 'OutOfProcess');
  });

  it('adds the property at the end of the first PropertyGroup, indented like its siblings', () => {
    assert.equal(
      applyResult(SDK_PROJECT, setProjectHostingModel(SDK_PROJECT, 'outofprocess')),
      SDK_PROJECT.replace('    <Nullable>enable</Nullable>', '    <Nullable>enable</Nullable>\n    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>'),
    );
  });

  it('updates an existing property, whatever its casing, and leaves a matching one alone', () => {
    const text = SDK_PROJECT.replace('<Nullable>enable</Nullable>', '<AspNetCoreHostingModel>inprocess</AspNetCoreHostingModel>');
    assert.equal(applyResult(text, setProjectHostingModel(text, 'outofprocess')), text.replace('>inprocess<', '>OutOfProcess<'));
    assert.deepEqual(setProjectHostingModel(text, 'inprocess'), { edits: [] });
  });

  it('updates every occurrence, conditional groups included, and expands an empty element', () => {
    const text = lines(
      '<Project Sdk="Microsoft.NET.Sdk.Web">',
      '  <PropertyGroup>',
      '    <AspNetCoreHostingModel />',
      '  </PropertyGroup>',
      "  <PropertyGroup Condition=\"'$(Configuration)' == 'Debug'\">",
      '    <AspNetCoreHostingModel> OutOfProcess </AspNetCoreHostingModel>',
      '  </PropertyGroup>',
      '</Project>',
    );
    assert.equal(
      applyResult(text, setProjectHostingModel(text, 'inprocess')),
      text.replace('<AspNetCoreHostingModel />', '<AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>').replace('> OutOfProcess <', '>InProcess<'),
    );
  });

  it('works on an old-style project with the MSBuild namespace, CRLF and tabs, skipping conditional groups', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">',
      "\t<PropertyGroup Condition=\" '$(Configuration)|$(Platform)' == 'Debug|AnyCPU' \">",
      '\t\t<DebugSymbols>true</DebugSymbols>',
      '\t</PropertyGroup>',
      '\t<PropertyGroup>',
      '\t\t<OutputType>Exe</OutputType>',
      '\t</PropertyGroup>',
      '\t<Import Project="$(MSBuildToolsPath)\\Microsoft.CSharp.targets" />',
      '</Project>',
    ].join('\r\n');
    assert.equal(
      applyResult(text, setProjectHostingModel(text, 'inprocess')),
      text.replace('\t\t<OutputType>Exe</OutputType>', '\t\t<OutputType>Exe</OutputType>\r\n\t\t<AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>'),
    );
  });

  it('fills an empty PropertyGroup', () => {
    const text = lines('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup></PropertyGroup>', '</Project>');
    assert.equal(
      applyResult(text, setProjectHostingModel(text, 'inprocess')),
      lines('<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>', '  </PropertyGroup>', '</Project>'),
    );
  });

  it('gives a reason instead of guessing', () => {
    const cases: [string, RegExp][] = [
      ['', /no <Project> element/],
      ['<configuration />', /no <Project> element/],
      ['<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n', /<Project> element is not closed/],
      ['<Project>\n  <PropertyGroup Condition="true">\n  </PropertyGroup>\n</Project>', /no <PropertyGroup> without a Condition/],
      ['<Project>\n  <PropertyGroup>\n    <AspNetCoreHostingModel>$(Model)<!-- x --></AspNetCoreHostingModel>\n  </PropertyGroup>\n</Project>', /holds markup/],
      ['<Project>\n  <PropertyGroup>\n    <AspNetCoreHostingModel>InProc\n  </PropertyGroup>\n</Project>', /<AspNetCoreHostingModel> element is not closed/],
    ];
    for (const [text, reason] of cases) assert.match(reasonOf(setProjectHostingModel(text, 'outofprocess')), reason, text);
  });
});
