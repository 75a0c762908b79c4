import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest, ConfigurationRequest, type Diagnostic, DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, EDITOR_CAPABILITIES, startServer, withTimeout } from './harness';

const BROKEN = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="InProcess" />').replace('AspNetCoreModuleV2', 'AspNetCoreModule');

function byRule(diagnostics: readonly Diagnostic[], rule: string): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => diagnostic.code === rule);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'xml', 1, text), [...edits]);
}

async function codeActions(server: ServerUnderTest, uri: string, diagnostic: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> {
  const range = diagnostic?.range ?? { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
  const result = await withTimeout(server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: diagnostic ? [diagnostic] : [], ...(only && { only }) } }), 'codeAction');
  return (result ?? []) as CodeAction[];
}

describe('diagnostics over LSP', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 20 });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('publishes diagnostics with the rule id as code, source ancm, a docs link and a severity', async () => {
    const uri = 'file:///site/web.config';
    server.open(uri, BROKEN);
    const { diagnostics } = await server.diagnostics(uri);
    const mismatch = byRule(diagnostics, 'in-process-v1-module');
    assert.ok(mismatch, JSON.stringify(diagnostics));
    assert.equal(mismatch.source, 'ancm');
    assert.equal(mismatch.severity, DiagnosticSeverity.Warning);
    assert.match(mismatch.codeDescription?.href ?? '', /^https:\/\/learn\.microsoft\.com\//);
  });

  it('offers the quick fix for a diagnostic, and its edit repairs the file', async () => {
    const uri = 'file:///site/web.config';
    const { diagnostics } = await server.diagnostics(uri);
    const actions = await codeActions(server, uri, byRule(diagnostics, 'in-process-v1-module'), ['quickfix']);
    const fix = actions.find((action) => action.title === 'Use AspNetCoreModuleV2');
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    const repaired = applyEdits(BROKEN, fix.edit.changes[uri]);
    server.change(uri, 2, repaired);
    const after = await server.diagnostics(uri, (params) => params.version === 2);
    assert.equal(byRule(after.diagnostics, 'in-process-v1-module'), undefined);
  });

  it('offers source.fixAll.ancm, which applies every safe fix at once', async () => {
    const uri = 'file:///site-fixall/web.config';
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="InProc" stdoutLogEnabled="yes"><handlerSettings><handlerSetting name="debugLevel" value="FILE, TRACE" /></handlerSettings></aspNetCore>');
    server.open(uri, text);
    await server.diagnostics(uri);
    const [fixAll, ...others] = await codeActions(server, uri, undefined, ['source.fixAll.ancm']);
    assert.equal(others.length, 0);
    assert.equal(fixAll.kind, 'source.fixAll.ancm');
    const fixed = applyEdits(text, fixAll.edit!.changes![uri]);
    for (const expected of ['hostingModel="InProcess"', 'stdoutLogEnabled="true"', 'value="FILE,TRACE"']) assert.ok(fixed.includes(expected), expected);
    server.change(uri, 2, fixed);
    const after = await server.diagnostics(uri, (params) => params.version === 2);
    assert.deepEqual(after.diagnostics.filter((diagnostic) => ['invalid-hosting-model', 'invalid-boolean', 'debug-level'].includes(String(diagnostic.code))), []);
  });

  it('publishes only for the latest version when changes arrive quickly', async () => {
    const uri = 'file:///site/Web.Debug.config';
    server.open(uri, BROKEN);
    for (let version = 2; version <= 6; version++) server.change(uri, version, version === 6 ? publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\app.dll" />') : BROKEN);
    const last = await server.diagnostics(uri, (params) => params.version === 6);
    assert.deepEqual(last.diagnostics, []);
    const stale = server.published.filter((params) => params.uri === uri && (params.version ?? 0) > 1 && (params.version ?? 0) < 6);
    assert.deepEqual(stale, [], 'intermediate versions are debounced away');
  });

  it('reports a not-well-formed file and keeps answering', async () => {
    const uri = 'file:///site3/web.config';
    server.open(uri, '<configuration><system.webServer><aspNetCore processPath="dotnet"></configuration>');
    const { diagnostics } = await server.diagnostics(uri);
    assert.equal(byRule(diagnostics, 'xml-not-well-formed')?.severity, DiagnosticSeverity.Error);
  });

  it('ignores files that are not web.config', async () => {
    const uri = 'file:///site/app.config';
    server.open(uri, BROKEN);
    const marker = 'file:///site4/web.config';
    server.open(marker, BROKEN);
    await server.diagnostics(marker);
    assert.equal(server.published.some((params) => params.uri === uri), false);
  });
});

describe('rule severities from settings', () => {
  it('pulls ancm settings per resource and applies overrides and off', async () => {
    const requested: unknown[] = [];
    const server = await startServer({ ...EDITOR_CAPABILITIES, workspace: { configuration: true } }, { validationDelay: 0 }, (connection) => {
      connection.onRequest(ConfigurationRequest.type, (params) => {
        requested.push(...params.items);
        return params.items.map(() => ({ diagnostics: { rules: { 'in-process-v1-module': 'error', 'missing-handler': 'off', 'bogus-rule': 'loud' } } }));
      });
    });
    try {
      const uri = 'file:///configured/web.config';
      server.open(uri, BROKEN);
      const { diagnostics } = await server.diagnostics(uri);
      assert.equal(byRule(diagnostics, 'in-process-v1-module')?.severity, DiagnosticSeverity.Error);
      assert.deepEqual(requested, [{ scopeUri: uri, section: 'ancm' }]);
      const noHandler = '<configuration><system.webServer><aspNetCore processPath="dotnet" /></system.webServer></configuration>';
      const second = 'file:///configured/other/web.config';
      server.open(second, noHandler);
      const quiet = await server.diagnostics(second);
      assert.equal(byRule(quiet.diagnostics, 'missing-handler'), undefined);
    } finally {
      await server.stop();
    }
  });
});

describe('the first diagnostics of an opened file', () => {
  it('come without waiting for the typing debounce, which still holds for later changes', async () => {
    // A debounce far longer than the request timeout: only a pass that skips it can answer in time.
    const server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 600_000 });
    try {
      const uri = 'file:///site/opened/web.config';
      server.open(uri, BROKEN);
      const { diagnostics, version } = await server.diagnostics(uri);
      assert.equal(version, 1);
      assert.ok(byRule(diagnostics, 'in-process-v1-module'));
      server.change(uri, 2, BROKEN.replace('AspNetCoreModule"', 'AspNetCoreModuleV2"'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!server.published.some((params) => params.uri === uri && params.version === 2), 'an edit waits for the debounce');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});

describe('diagnostic messages quoting a value', () => {
  it('show the characters that do not show as <U+XXXX>, so a bidi override cannot reorder a Problems row', async () => {
    const server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 0 });
    try {
      const uri = 'file:///site/hidden/web.config';
      server.open(uri, BROKEN.replace('hostingModel="InProcess"', 'hostingModel="in\u202eprocess"'));
      const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'invalid-hosting-model'));
      const message = String(byRule(diagnostics, 'invalid-hosting-model')!.message);
      assert.match(message, /in<U\+202E>process/);
      assert.doesNotMatch(message, /\u202e/);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
