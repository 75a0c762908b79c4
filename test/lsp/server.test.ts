import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  type Hover,
  HoverRequest,
  InsertTextFormat,
  LSPErrorCodes,
  type MarkupContent,
  type ResponseError,
} from 'vscode-languageserver-protocol/node';
import { publishedConfig, withCursor } from '../unit/cursor';
import { type ServerUnderTest, positionOf, startServer, withTimeout } from './harness';

const WEB_CONFIG = 'file:///srv/site/web.config';

async function complete(server: ServerUnderTest, uri: string, text: string, offset: number): Promise<CompletionItem[] | null> {
  const result = await withTimeout(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, offset) }), 'completion');
  if (result === null) return null;
  return Array.isArray(result) ? result : (result as CompletionList).items;
}

async function hover(server: ServerUnderTest, uri: string, text: string, offset: number): Promise<Hover | null> {
  return withTimeout(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, offset) }), 'hover');
}

describe('ancm-language-server --stdio', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'the server exits cleanly after shutdown and exit');
  });

  it('completes attribute names inside <aspNetCore> as snippets with exact edit ranges', async () => {
    const { text, offset } = withCursor(publishedConfig('<aspNetCore proc|'));
    server.open(WEB_CONFIG, text);
    const items = await complete(server, WEB_CONFIG, text, offset);
    const processPath = items?.find((item) => item.label === 'processPath');
    assert.ok(processPath, 'processPath offered');
    assert.equal(processPath.insertTextFormat, InsertTextFormat.Snippet);
    assert.ok(processPath.textEdit && 'range' in processPath.textEdit);
    assert.deepEqual(processPath.textEdit.range, { start: positionOf(text, offset - 4), end: positionOf(text, offset) });
    assert.equal(processPath.textEdit.newText, 'processPath="${1:dotnet}"');
  });

  it('follows incremental changes: completion sees the new version', async () => {
    const uri = 'file:///srv/site/Web.Release.config';
    const { text } = withCursor(publishedConfig('<aspNetCore |/>'));
    server.open(uri, text);
    const insertAt = text.indexOf('<aspNetCore ') + '<aspNetCore '.length;
    const inserted = 'hostingModel="In" ';
    server.change(uri, 2, inserted, { start: positionOf(text, insertAt), end: positionOf(text, insertAt) });
    const updated = text.slice(0, insertAt) + inserted + text.slice(insertAt);
    const items = await complete(server, uri, updated, insertAt + 'hostingModel="In'.length);
    assert.deepEqual(items?.map((item) => item.label).sort(), ['InProcess', 'OutOfProcess']);
  });

  it('answers hover with markdown and the hovered range', async () => {
    const { text, offset } = withCursor(publishedConfig('<aspNetCore processPath="dotnet" startup|TimeLimit="120" />'));
    const uri = 'file:///srv/site/WEB.CONFIG';
    server.open(uri, text);
    const result = await hover(server, uri, text, offset);
    assert.ok(result);
    assert.equal((result.contents as MarkupContent).kind, 'markdown');
    assert.match((result.contents as MarkupContent).value, /startupTimeLimit/);
    assert.match((result.contents as MarkupContent).value, /0 to 3600/);
    assert.deepEqual(result.range?.start, positionOf(text, text.indexOf('startupTimeLimit')));
  });

  it('returns document symbols for the outline', async () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess"><environmentVariables><environmentVariable name="A" value="1" /></environmentVariables></aspNetCore>');
    const uri = 'file:///srv/site2/web.config';
    server.open(uri, text);
    const symbols = (await withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols')) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['handler aspNetCore', 'aspNetCore']);
    assert.deepEqual(symbols[1].children?.map((child) => child.name), ['processPath', 'hostingModel', 'environmentVariables']);
  });

  it('leaves files that are not web.config alone', async () => {
    const { text, offset } = withCursor(publishedConfig('<aspNetCore |'));
    const uri = 'file:///srv/site/app.config';
    server.open(uri, text);
    assert.equal(await complete(server, uri, text, offset), null);
    assert.equal(await hover(server, uri, text, offset), null);
  });

  it('honours cancellation and keeps serving', async () => {
    const { text, offset } = withCursor(publishedConfig('<aspNetCore |'));
    const uri = 'file:///srv/cancel/web.config';
    server.open(uri, text);
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, offset) }, source.token);
    source.cancel();
    const outcome = await withTimeout(pending.then((result) => ({ result }), (error: ResponseError<unknown>) => ({ error })), 'cancelled completion');
    if ('error' in outcome) assert.equal(outcome.error.code, LSPErrorCodes.RequestCancelled);
    else assert.ok(outcome.result === null || 'items' in outcome.result, 'an empty or complete answer');
    const items = await complete(server, uri, text, offset);
    assert.ok(items?.some((item) => item.label === 'processPath'));
  });

  it('answers a request for a document it never saw with an empty result', async () => {
    assert.equal(await complete(server, 'file:///never/opened/web.config', '', 0), null);
  });
});

describe('ancm-language-server for clients without snippet support', () => {
  it('sends plain text with each placeholder\'s default, and the retrigger command only when asked', async () => {
    const plain = await startServer({}, { retriggerCompletionCommand: 'editor.action.triggerSuggest' });
    try {
      const { text, offset } = withCursor(publishedConfig('<aspNetCore |'));
      plain.open(WEB_CONFIG, text);
      const items = await complete(plain, WEB_CONFIG, text, offset);
      const byLabel = new Map(items?.map((item) => [item.label, item]));
      const arguments_ = byLabel.get('arguments')!;
      assert.equal(arguments_.insertTextFormat, InsertTextFormat.PlainText);
      assert.ok(arguments_.textEdit && 'newText' in arguments_.textEdit);
      assert.equal(arguments_.textEdit.newText, 'arguments=".\\MyApp.dll"');
      const hostingModel = byLabel.get('hostingModel')!;
      assert.equal((hostingModel.textEdit as { newText: string }).newText, 'hostingModel="inprocess"');
      assert.equal(arguments_.command?.command, 'editor.action.triggerSuggest');
      assert.equal(hostingModel.command, undefined, 'a choice snippet shows its own list');
    } finally {
      await plain.stop();
    }
  });
});
