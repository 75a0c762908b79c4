import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { publishedConfig } from '../unit/cursor';
import { type ServerUnderTest, EDITOR_CAPABILITIES, startServer } from './harness';

/** 5,000 environment variables all named X: 4,999 duplicate-entry warnings. */
const MANY = publishedConfig(
  `<aspNetCore processPath="dotnet" arguments=".\\App.dll">\n      <environmentVariables>\n${Array.from({ length: 5000 }, (_, index) => `        <environmentVariable name="X" value="${index}" />`).join('\n')}\n      </environmentVariables>\n    </aspNetCore>`,
);

describe('diagnostics cap over LSP', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await startServer(EDITOR_CAPABILITIES, { validationDelay: 20 });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('publishes at most 1000 diagnostics for a file, the last saying how many more there are', async () => {
    const uri = 'file:///many/web.config';
    server.open(uri, MANY);
    const { diagnostics } = await server.diagnostics(uri);
    assert.equal(diagnostics.length, 1000);
    const last = diagnostics.at(-1)!;
    assert.equal(last.code, 'too-many-problems');
    assert.equal(last.source, 'ancm');
    assert.equal(last.severity, DiagnosticSeverity.Warning);
    assert.match(String(last.message), /^4000 more problems not shown/);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-entry').length, 999);
  });
});
