import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../server/src/service/languageService';
import type { SymbolNode } from '../../server/src/service/types';
import { publishedConfig } from './cursor';

const service = getLanguageService();

function outline(symbols: readonly SymbolNode[]): unknown[] {
  return symbols.map((symbol) => (symbol.children.length > 0 ? [symbol.name, symbol.detail, outline(symbol.children)] : [symbol.name, symbol.detail]));
}

describe('document symbols', () => {
  it('outlines the handler line and the section with its attributes, collections and entries', () => {
    const text = publishedConfig(`<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="InProcess">
        <environmentVariables>
          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />
        </environmentVariables>
        <handlerSettings>
          <handlerSetting name="debugLevel" value="FILE,TRACE" />
          <handlerSetting value="orphan" />
        </handlerSettings>
      </aspNetCore>`);
    const symbols = service.findDocumentSymbols(service.parseWebConfig(text));
    assert.deepEqual(outline(symbols), [
      ['handler aspNetCore', 'AspNetCoreModuleV2'],
      ['aspNetCore', 'in-process · dotnet .\\app.dll', [
        ['processPath', 'dotnet'],
        ['arguments', '.\\app.dll'],
        ['hostingModel', 'InProcess'],
        ['environmentVariables', '1 entry', [['ASPNETCORE_ENVIRONMENT', 'Production']]],
        ['handlerSettings', '2 entries', [['debugLevel', 'FILE,TRACE'], ['(handlerSetting without name)', 'orphan']]],
      ]],
    ]);
    for (const symbol of symbols) {
      assert.ok(symbol.selectionStart >= symbol.start && symbol.selectionEnd <= symbol.end);
    }
  });

  it('outlines a half-typed section and nothing for an unrelated XML file', () => {
    const halfTyped = service.findDocumentSymbols(service.parseWebConfig('<configuration><system.webServer><aspNetCore hostingModel="bogus'));
    assert.deepEqual(outline(halfTyped), [['aspNetCore', 'unknown hosting model', [['hostingModel', 'bogus']]]]);
    assert.deepEqual(service.findDocumentSymbols(service.parseWebConfig('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup/></Project>')), []);
  });
});
