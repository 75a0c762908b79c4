import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, startServer, withTimeout } from './harness';

/** Sends completion, hover and symbols at a few positions; every one must be answered. */
async function exercise(server: ServerUnderTest, uri: string, positions: readonly { line: number; character: number }[]): Promise<void> {
  for (const position of positions) {
    await withTimeout(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), `completion at ${JSON.stringify(position)}`);
    await withTimeout(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), `hover at ${JSON.stringify(position)}`);
  }
  await withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols');
}

function garbage(length: number, seed: number): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(state % 0xd7ff);
  }
  return text;
}

describe('the server survives bad input', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
    assert.ok(!server.log.some((line) => /Uncaught|failed for/.test(line)), server.log.join('\n'));
  });

  const origin = { line: 0, character: 0 };
  const cases: readonly [name: string, text: () => string, positions: { line: number; character: number }[]][] = [
    ['an empty file', () => '', [origin, { line: 3, character: 9 }]],
    ['binary garbage', () => garbage(200_000, 42), [origin, { line: 0, character: 5000 }]],
    ['NUL bytes and control characters', () => '\u0000\u0001<aspNetCore \u0000="\u0007', [origin, { line: 0, character: 8 }]],
    ['a 10 MB single line', () => publishedConfig('<aspNetCore processPath="dotnet" />').replace(/\n/g, ' ') + '<x a="1"/>'.repeat(1_000_000), [origin, { line: 0, character: 400 }, { line: 0, character: 9_000_000 }]],
    ['deeply nested unclosed tags', () => '<configuration><system.webServer>' + '<a>'.repeat(50_000) + '<aspNetCore ', [{ line: 0, character: 150_040 }]],
    ['deeply nested closed tags', () => '<a>'.repeat(20_000) + '</a>'.repeat(20_000), [{ line: 0, character: 60_000 }]],
    ['UTF-16 text with a BOM', () => '\uFEFF' + publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess" />'), [{ line: 7, character: 20 }, { line: 7, character: 60 }]],
    ['a non-web.config XML document', () => '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>', [{ line: 0, character: 10 }, { line: 0, character: 60 }]],
    ['positions past the end of the text', () => '<configuration>', [{ line: 99, character: 99 }, { line: 0, character: 999 }]],
  ];

  for (const [name, text, positions] of cases) {
    it(`answers every request on ${name}`, { timeout: 60_000 }, async () => {
      const uri = `file:///bad/${encodeURIComponent(name)}/web.config`;
      server.open(uri, text());
      await exercise(server, uri, positions);
    });
  }

  it('still serves a normal document afterwards', async () => {
    const text = publishedConfig('<aspNetCore  />');
    const uri = 'file:///good/web.config';
    server.open(uri, text);
    const result = await withTimeout(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 7, character: 18 } }), 'completion');
    assert.ok(result && 'items' in result && result.items.some((item) => item.label === 'processPath'));
  });
});
