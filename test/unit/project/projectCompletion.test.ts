import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readProjectFile } from '../../../server/src/service/project/msbuildProject';
import { completeProjectFile } from '../../../server/src/service/project/projectCompletion';
import { hoverProjectFile } from '../../../server/src/service/project/projectHover';
import { withCursor } from '../cursor';

function complete(marked: string) {
  const { text, offset } = withCursor(marked);
  return { text, entries: completeProjectFile(readProjectFile(text), offset) };
}

function hover(marked: string) {
  const { text, offset } = withCursor(marked);
  return { text, result: hoverProjectFile(readProjectFile(text), offset) };
}

describe('project completion', () => {
  it('offers the ANCM properties after < inside a PropertyGroup, as snippets with their values', () => {
    const { entries } = complete('<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <Asp|\n  </PropertyGroup>\n</Project>');
    const hosting = entries.find((entry) => entry.label === 'AspNetCoreHostingModel');
    assert.ok(hosting);
    assert.equal(hosting.snippet, true);
    assert.equal(hosting.insertText, 'AspNetCoreHostingModel>${1|InProcess,OutOfProcess|}</AspNetCoreHostingModel>');
    assert.equal(entries[0].label, 'AspNetCoreHostingModel');
    assert.ok(entries.some((entry) => entry.label === 'PublishSingleFile'));
    assert.match(hosting.documentation ?? '', /web\.config wins/);
  });

  it('offers the whole element on a bare word, and only the name when the element is already closed', () => {
    const bare = complete('<Project><PropertyGroup>\n  Publish|\n</PropertyGroup></Project>');
    const single = bare.entries.find((entry) => entry.label === 'PublishSingleFile')!;
    assert.equal(single.insertText, '<PublishSingleFile>${1|true,false|}</PublishSingleFile>');
    assert.equal(bare.text.slice(single.replaceStart, single.replaceEnd), 'Publish');
    const closed = complete('<Project><PropertyGroup><Asp|></Asp></PropertyGroup></Project>');
    assert.equal(closed.entries.find((entry) => entry.label === 'AspNetCoreModuleName')?.insertText, 'AspNetCoreModuleName');
  });

  it('offers the values inside a property, replacing the whole value', () => {
    const { text, entries } = complete('<Project><PropertyGroup><AspNetCoreHostingModel>In|Proc</AspNetCoreHostingModel></PropertyGroup></Project>');
    assert.deepEqual(entries.map((entry) => entry.label), ['InProcess', 'OutOfProcess']);
    assert.equal(text.slice(entries[0].replaceStart, entries[0].replaceEnd), 'InProc');
    assert.match(entries[0].detail ?? '', /default/);
  });

  it('offers nothing outside a PropertyGroup, for unknown properties, or in a broken file', () => {
    assert.deepEqual(complete('<Project><ItemGroup><Asp|</ItemGroup></Project>').entries, []);
    assert.deepEqual(complete('<Project><PropertyGroup><Nullable>|</Nullable></PropertyGroup></Project>').entries, []);
    assert.deepEqual(complete('|').entries, []);
    const text = '<Project><PropertyGroup><PublishSingleFile>true</PublishSingleFile></PropertyGroup></Project>';
    for (let offset = 0; offset <= text.length; offset++) {
      completeProjectFile(readProjectFile(text.slice(0, offset)), offset);
      hoverProjectFile(readProjectFile(text.slice(0, offset)), offset);
    }
  });
});

describe('project hover', () => {
  it('documents a property on its name, its end tag and its value', () => {
    const name = hover('<Project><PropertyGroup><PublishSing|leFile>true</PublishSingleFile></PropertyGroup></Project>');
    assert.match(name.result?.markdown ?? '', /500\.38/);
    assert.equal(name.text.slice(name.result!.start, name.result!.end), 'PublishSingleFile');
    const value = hover('<Project><PropertyGroup><UseAppHost>fa|lse</UseAppHost></PropertyGroup></Project>');
    assert.equal(value.text.slice(value.result!.start, value.result!.end), 'false');
    assert.match(value.result!.markdown, /processPath="dotnet"/);
    const endTag = hover('<Project><PropertyGroup><EnvironmentName>Staging</Environment|Name></PropertyGroup></Project>');
    assert.match(endTag.result?.markdown ?? '', /ASPNETCORE_ENVIRONMENT/);
  });

  it('says nothing for unknown properties or outside a PropertyGroup', () => {
    assert.equal(hover('<Project><PropertyGroup><Nulla|ble>enable</Nullable></PropertyGroup></Project>').result, undefined);
    assert.equal(hover('<Project><ItemGroup><PublishSing|leFile>true</PublishSingleFile></ItemGroup></Project>').result, undefined);
  });
});
