// A version is validated once: a code action that arrives while the version's validation waits for the
// client's settings shares that pass instead of running the rules a second time (issue 13). The passes are
// counted from the server's log (the logValidationPasses initialization option); the settings answer is held
// back by the test until both the code action and the validation are under way, so no timing decides the count.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionRequest, ConfigurationRequest, DocumentSymbolRequest, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { publishedConfig } from '../unit/cursor';
import { EDITOR_CAPABILITIES, startServer, withTimeout } from './harness';

const TEXT = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" hostingModel="inprocess" stdoutLogEnabled="maybe" />');

/** Holds every workspace/configuration answer until `release`. */
class SettingsGate {
  private opened: (() => void) | undefined;
  private readonly gate = this.close();
  requests = 0;

  attach(connection: ProtocolConnection): void {
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.requests++;
      await this.gate;
      return params.items.map(() => ({}));
    });
  }

  release(): void {
    this.opened?.();
  }

  private close(): Promise<void> {
    return new Promise((resolve) => {
      this.opened = resolve;
    });
  }
}

function passesPerVersion(log: readonly string[], uri: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of log) {
    const match = /validation pass (\S+) version (\d+)/.exec(line);
    if (match && match[1] === uri) counts.set(Number(match[2]), (counts.get(Number(match[2])) ?? 0) + 1);
  }
  return counts;
}

test('a code action before the validation pass of its version shares that pass', async () => {
  const gate = new SettingsGate();
  const server = await startServer({ ...EDITOR_CAPABILITIES, workspace: { configuration: true } }, { validationDelay: 0, logValidationPasses: true }, (connection) => gate.attach(connection));
  try {
    const uri = 'file:///once/web.config';
    const codeAction = () => withTimeout(server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 7, character: 8 }, end: { line: 7, character: 8 } }, context: { diagnostics: [] } }), 'codeAction');
    // The server answers in order: once this is answered, the code action before it has started its validation.
    const barrier = () => withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'documentSymbol');

    // Version 1: the pass of the open and a code action, both waiting for the first settings pull.
    server.open(uri, TEXT);
    const firstActions = codeAction();
    await barrier();
    gate.release();
    await firstActions;
    const first = await server.diagnostics(uri, (params) => params.version === 1);
    assert.ok(first.diagnostics.some((diagnostic) => String(diagnostic.message).includes('maybe')), 'the published diagnostics are of version 1');

    // Version 2: a keystroke and at once a code action; the debounced pass that follows must reuse its validation.
    server.change(uri, 2, TEXT.replace('maybe', 'perhaps'));
    await codeAction();
    const published = await server.diagnostics(uri, (params) => params.version === 2);
    assert.ok(published.diagnostics.some((diagnostic) => String(diagnostic.message).includes('perhaps')), 'the published diagnostics are of version 2');
    await barrier();

    const passes = passesPerVersion(server.log, uri);
    assert.deepEqual([...passes], [[1, 1], [2, 1]], `one validation pass per version; log:\n${server.log.join('\n')}`);
    assert.equal(gate.requests, 1, 'settings pulled once for the uri');
  } finally {
    await server.stop();
  }
});

test('without the option the server logs no validation passes', async () => {
  const server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 0 });
  try {
    const uri = 'file:///quiet/web.config';
    server.open(uri, TEXT);
    await server.diagnostics(uri);
    assert.equal(passesPerVersion(server.log, uri).size, 0);
  } finally {
    await server.stop();
  }
});
