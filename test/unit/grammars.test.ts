// The TextMate grammars in syntaxes/, run through the tokenizer VS Code uses (vscode-textmate on the
// Oniguruma wasm): each piece of a real log line gets the scope that themes colour.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, type IGrammar, Registry, type StateStack, parseRawGrammar } from 'vscode-textmate';

const SYNTAXES = join(__dirname, '..', '..', 'syntaxes');
const GRAMMAR_FILES: Record<string, string> = {
  'text.ancm-debug-log': 'ancm-debug-log.tmLanguage.json',
  'text.ancm-stdout-log': 'ancm-stdout-log.tmLanguage.json',
};

async function loadGrammars(): Promise<Record<string, IGrammar>> {
  await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? parseRawGrammar(readFileSync(join(SYNTAXES, file), 'utf8'), file) : null;
    },
  });
  const grammars: Record<string, IGrammar> = {};
  for (const scopeName of Object.keys(GRAMMAR_FILES)) {
    const grammar = await registry.loadGrammar(scopeName);
    assert.ok(grammar, `${scopeName} loads`);
    grammars[scopeName] = grammar;
  }
  return grammars;
}

interface Token {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

function tokenize(grammar: IGrammar, text: string): { lines: string[]; tokens: Token[] } {
  const lines = text.split('\n');
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  lines.forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) tokens.push({ line, start: token.startIndex, end: token.endIndex, scopes: token.scopes });
    state = result.ruleStack;
  });
  return { lines, tokens };
}

const hasScope = (scopes: readonly string[], scope: string) => scopes.some((name) => name === scope || name.startsWith(`${scope}.`));

/** The scopes over every character of the first `piece` in `text` (a theme selector `scope` matches `scope.*`). */
function scopesOver(grammar: IGrammar, text: string, piece: string): (readonly string[])[] {
  const { lines, tokens } = tokenize(grammar, text);
  const line = lines.findIndex((lineText) => lineText.includes(piece));
  assert.notEqual(line, -1, `"${piece}" is in the sample`);
  const start = lines[line].indexOf(piece);
  const end = start + piece.length;
  return tokens.filter((token) => token.line === line && token.start < end && token.end > start).map((token) => token.scopes);
}

function assertScope(grammar: IGrammar, text: string, piece: string, scope: string): void {
  for (const scopes of scopesOver(grammar, text, piece)) {
    assert.ok(hasScope(scopes, scope), `"${piece}" should be ${scope}, got ${scopes.join(' ')}`);
  }
}

function assertNoScope(grammar: IGrammar, text: string, piece: string, scope: string): void {
  for (const scopes of scopesOver(grammar, text, piece)) {
    assert.ok(!hasScope(scopes, scope), `"${piece}" should not be ${scope}, got ${scopes.join(' ')}`);
  }
}

let debugLog: IGrammar;
let stdoutLog: IGrammar;
before(async () => {
  const grammars = await loadGrammars();
  debugLog = grammars['text.ancm-debug-log'];
  stdoutLog = grammars['text.ancm-stdout-log'];
});

describe('ANCM debug log grammar', () => {
  const modern =
    "[2024-11-23T03:40:41.554Z, PID: 16208] [aspnetcorev2.dll] Loading request handler:  'C:\\Program Files (x86)\\IIS\\Asp.Net Core Module\\V2\\19.0.24303\\aspnetcorev2_outofprocess.dll'";

  it('colours the .NET 6+ prefix: time and PID as numbers, the dll as a type', () => {
    assertScope(debugLog, modern, '2024-11-23T03:40:41.554Z', 'constant.numeric.timestamp');
    assertScope(debugLog, modern, '16208', 'constant.numeric.pid');
    assertScope(debugLog, modern, 'aspnetcorev2.dll', 'entity.name.type');
    assertNoScope(debugLog, modern, 'Loading request handler', 'invalid');
  });

  it('colours the legacy [dll] prefix and quoted paths', () => {
    const legacy = "[aspnetcorev2_inprocess.dll] Starting app_offline monitoring in application 'C:\\inetpub\\site\\'";
    assertScope(debugLog, legacy, 'aspnetcorev2_inprocess.dll', 'entity.name.type.module');
    assertScope(debugLog, legacy, "'C:\\inetpub\\site\\'", 'string.quoted.single');
  });

  it('marks the failure texts of ANCM error lines as errors, with the HRESULT and the source location', () => {
    const failed =
      '[2024-03-05T09:14:02.911Z, PID: 6312] [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at src\\servers\\iis\\aspnetcoremodulev2\\inprocessrequesthandler\\dllmain.cpp:120 ';
    assertScope(debugLog, failed, 'Failed HRESULT returned', 'invalid.illegal');
    assertScope(debugLog, failed, 'Failed HRESULT returned', 'token.error-token');
    assertScope(debugLog, failed, '0x8007023e', 'constant.numeric.hex');
    assertScope(debugLog, failed, 'dllmain.cpp', 'comment.source-location');
    assertScope(debugLog, failed, '120', 'constant.numeric.line');

    const caught = "[aspnetcorev2_inprocess.dll] Exception 'InvalidOperationException' caught at c:\\b\\w\\inprocessapplication.cpp:350 ";
    assertScope(debugLog, caught, 'Exception', 'invalid.illegal');
    assertScope(debugLog, caught, 'inprocessapplication.cpp:350', 'comment.source-location');

    const lastError = '[aspnetcorev2.dll] c:\\b\\handlerresolver.cpp:224 Operation failed with LastError: 193 HR: 0x800700c1';
    assertScope(debugLog, lastError, 'Operation failed with LastError', 'invalid.illegal');
  });

  it('marks the header that starts a process log', () => {
    const header = "[aspnetcorev2.dll] Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: 6008.";
    assertScope(debugLog, header, 'Initializing logs for', 'markup.heading');
  });

  it('keeps a multi-line Event Log block together up to End Event Log Message.', () => {
    const block = [
      "[aspnetcorev2.dll] Event Log: 'Could not find 'aspnetcorev2_inprocess.dll'. Exception message:",
      'It was not possible to find any compatible framework version',
      "' ",
      'End Event Log Message.',
      '[aspnetcorev2.dll] Failed HRESULT returned: 0x8000ffff at d:\\a\\1\\s\\handlerresolver.cpp:94 ',
    ].join('\n');
    assertScope(debugLog, block, 'Event Log:', 'keyword.other.event-log');
    assertScope(debugLog, block, "'aspnetcorev2_inprocess.dll'", 'string.quoted.single');
    assertScope(debugLog, block, 'It was not possible', 'meta.event-log');
    assertScope(debugLog, block, 'End Event Log Message.', 'keyword.other.event-log');
    assertNoScope(debugLog, block, 'Failed HRESULT returned', 'meta.event-log');
  });

  it('ends a block that lost its closing line at the next prefixed line', () => {
    const cut = ["[2023-03-13T16:30:14.434Z, PID: 4752] [aspnetcorev2_inprocess.dll] Event Log: 'Application failed to start", '[2023-03-13T16:30:14.436Z, PID: 4752] [aspnetcorev2_inprocess.dll] Waiting for initialization'].join('\n');
    assertNoScope(debugLog, cut, 'Waiting for initialization', 'meta.event-log');
    assertScope(debugLog, cut, '2023-03-13T16:30:14.436Z', 'constant.numeric.timestamp');
  });
});

describe('ASP.NET Core stdout log grammar', () => {
  const logging = [
    'info: Microsoft.Hosting.Lifetime[14]',
    '      Now listening on: http://127.0.0.1:19342',
    'warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50]',
    'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
    'crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]',
    'dbug: Microsoft.AspNetCore.Routing.Matching.DfaMatcher[1001]',
    'trce: Microsoft.EntityFrameworkCore.Infrastructure[10403]',
  ].join('\n');

  it('gives each Microsoft.Extensions.Logging level its scope, with the category and event id', () => {
    assertScope(stdoutLog, logging, 'info', 'markup.inserted.level.info');
    assertScope(stdoutLog, logging, 'info', 'token.info-token');
    assertScope(stdoutLog, logging, 'Microsoft.Hosting.Lifetime', 'entity.name.type.category');
    assertScope(stdoutLog, logging, '14', 'constant.numeric.event-id');
    assertScope(stdoutLog, logging, 'warn', 'markup.deleted.level.warning');
    assertScope(stdoutLog, logging, 'warn', 'token.warn-token');
    assertScope(stdoutLog, logging, 'fail', 'invalid.illegal.level.error');
    assertScope(stdoutLog, logging, 'crit', 'token.error-token');
    assertScope(stdoutLog, logging, 'dbug', 'comment');
    assertScope(stdoutLog, logging, 'trce', 'comment');
  });

  it('does not read a level into message text', () => {
    assertNoScope(stdoutLog, logging, 'Now listening on:', 'markup.inserted');
    assertNoScope(stdoutLog, 'See more info: the docs', 'info', 'markup.inserted');
  });

  it('colours the .NET 6+ chunk time and reads the level after it', () => {
    const prefixed = '2024-01-01T12:00:05.902Z: warn: Microsoft.AspNetCore.Server.IIS.Core.IISHttpServer[2]';
    assertScope(stdoutLog, prefixed, '2024-01-01T12:00:05.902Z', 'constant.numeric.timestamp');
    assertScope(stdoutLog, prefixed, 'warn', 'markup.deleted.level.warning');
    assertScope(stdoutLog, prefixed, 'Microsoft.AspNetCore.Server.IIS.Core.IISHttpServer', 'entity.name.type.category');
  });

  it('reads Serilog levels and times', () => {
    const serilog = ['[12:00:01 INF] Starting web host', '[12:00:03 WRN] Failed to determine the https port', '[12:00:07 ERR] HTTP GET /orders responded 500', '[12:00:09 FTL] Host terminated', '[12:00:08 VRB] Connection received FIN.'].join('\n');
    assertScope(stdoutLog, serilog, '12:00:01', 'constant.numeric.timestamp');
    assertScope(stdoutLog, serilog, 'INF', 'markup.inserted.level.info');
    assertScope(stdoutLog, serilog, 'WRN', 'markup.deleted.level.warning');
    assertScope(stdoutLog, serilog, 'ERR', 'invalid.illegal.level.error');
    assertScope(stdoutLog, serilog, 'FTL', 'invalid.illegal.level.error');
    assertScope(stdoutLog, serilog, 'VRB', 'comment');
  });

  it('marks an unhandled exception, its type, stack frames and inner exceptions', () => {
    const crash = [
      '2024-01-01T12:00:09.000Z: Unhandled exception. System.InvalidOperationException: The ConnectionString property has not been initialized.',
      '   at Microsoft.Data.SqlClient.SqlConnection.PermissionDemand()',
      " ---> System.ArgumentException: Keyword not supported: 'server name'.",
      '   --- End of inner exception stack trace ---',
      '   at Contoso.Program.Main(String[] args) in C:\\src\\Contoso\\Program.cs:line 19',
    ].join('\n');
    assertScope(stdoutLog, crash, 'Unhandled exception', 'invalid.illegal');
    assertScope(stdoutLog, crash, 'System.InvalidOperationException', 'entity.name.type.exception');
    assertScope(stdoutLog, crash, '   at Microsoft.Data.SqlClient.SqlConnection.PermissionDemand()', 'meta.stack-frame');
    assertScope(stdoutLog, crash, 'Microsoft.Data.SqlClient.SqlConnection.PermissionDemand()', 'entity.name.function');
    assertScope(stdoutLog, crash, '--->', 'keyword.operator.inner-exception');
    assertScope(stdoutLog, crash, '--- End of inner exception stack trace ---', 'comment');
    assertScope(stdoutLog, crash, 'C:\\src\\Contoso\\Program.cs', 'string.unquoted.path');
    assertScope(stdoutLog, crash, '19', 'constant.numeric.line');

    const aggregate = 'Unhandled Exception: System.AggregateException: One or more errors occurred. ---> System.Exception: boom';
    assertScope(stdoutLog, aggregate, 'Unhandled Exception', 'invalid.illegal');
    assertScope(stdoutLog, aggregate, 'System.Exception', 'entity.name.type.exception');
  });

  it('reads a frame after a chunk time and a frame indented by the logger', () => {
    assertScope(stdoutLog, '2024-01-01T12:00:09.001Z:    at Contoso.Program.Main(String[] args)', 'Contoso.Program.Main(String[] args)', 'entity.name.function');
    assertScope(stdoutLog, '         at lambda_method5(Closure, Object, Object[])', 'lambda_method5(Closure, Object, Object[])', 'entity.name.function');
  });

  it('underlines URLs without the sentence punctuation after them', () => {
    const bind = 'System.IO.IOException: Failed to bind to address http://127.0.0.1:31877: address already in use.';
    assertScope(stdoutLog, bind, 'http://127.0.0.1:31877', 'markup.underline.link');
    assertNoScope(stdoutLog, bind, ': address', 'markup.underline.link');
  });
});
