// Raw ANCM logs opened in the editor, over stdio: hover on a line that shows a known failure says what it means and how
// to fix it (the log's own text escaped), a CodeLens at the top gives each worker process's startup verdict, and a log
// gets no diagnostics.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CodeLens, CodeLensRequest, DidOpenTextDocumentNotification, type Hover, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { type ServerUnderTest, positionOf, startServer, withTimeout } from './harness';

const STDOUT_URI = 'file:///srv/site/logs/stdout_20240101120000_4752.log';
const DEBUG_URI = 'file:///srv/site/logs/aspnetcore-debug.log';

const STDOUT = [
  'You must install or update .NET to run this application.',
  '',
  "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
  '',
  'The following frameworks were found:',
  '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
  '',
].join('\n');

const DEBUG = [
  "[2024-01-01T12:00:00.200Z, PID: 4752] [aspnetcorev2.dll] hostfxr.dll located at 'C:\\Program Files\\dotnet\\host\\fxr\\8.0.11\\hostfxr.dll'",
  "[2024-01-01T12:00:00.300Z, PID: 4752] [aspnetcorev2.dll] Event Log: 'Could not load configuration. Exception message:",
  "Unknown hosting model 'inproc<b>*x*</b>'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file.' ",
  'End Event Log Message.',
  '[2024-01-01T12:00:00.400Z, PID: 4752] [aspnetcorev2.dll] Known dotnet.exe location: \'\'',
  '',
].join('\n');

async function hover(server: ServerUnderTest, uri: string, text: string, offset: number): Promise<Hover | null> {
  return withTimeout(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, offset) }), 'hover');
}

async function lenses(server: ServerUnderTest, uri: string): Promise<CodeLens[]> {
  return (await withTimeout(server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), 'codeLens')) ?? [];
}

describe('raw logs in the editor', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await startServer();
    // As VS Code opens it: the language package.json gives stdout_*.log.
    void server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: STDOUT_URI, languageId: 'ancm-stdout-log', version: 1, text: STDOUT } });
    // Another client's language id: known by its name.
    server.open(DEBUG_URI, DEBUG);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('hover on an explained line of a stdout file: the meaning, the fix, the docs link, the verdict', async () => {
    const result = await hover(server, STDOUT_URI, STDOUT, STDOUT.indexOf('install or update'));
    assert.ok(result, 'a hover');
    const markdown = (result.contents as MarkupContent).value;
    assert.match(markdown, /`framework-not-found`/);
    assert.match(markdown, /Fix:\n\n1\. /);
    assert.match(markdown, /\[Microsoft's docs\]\(https:\/\/learn\.microsoft\.com\//);
    // The verdict names the versions from the log, escaped: `8\.0\.0`.
    assert.match(markdown, /Startup: PID&nbsp;4752&nbsp;did&nbsp;not&nbsp;start/);
    assert.match(markdown, /8\\\.0\\\.0/);
    assert.deepEqual(result.range, { start: { line: 0, character: 0 }, end: { line: 0, character: STDOUT.indexOf('\n') } });
  });

  it('no hover on a line that explains nothing', async () => {
    assert.equal(await hover(server, STDOUT_URI, STDOUT, STDOUT.indexOf('The following')), null);
    assert.equal(await hover(server, DEBUG_URI, DEBUG, DEBUG.indexOf('Known dotnet.exe')), null);
  });

  it('the log text in a hover is escaped: markup from the log stays text', async () => {
    const result = await hover(server, DEBUG_URI, DEBUG, DEBUG.indexOf('Could not load configuration'));
    assert.ok(result);
    const markdown = (result.contents as MarkupContent).value;
    assert.match(markdown, /`unknown-hosting-model`|`config-load-failed`/);
    assert.doesNotMatch(markdown, /<b>|\*x\*/, 'no markup or emphasis from the log');
    assert.match(markdown, /web\.config rules that find it: .*`invalid-hosting-model`/);
  });

  it('a CodeLens at the top with the verdict, and no diagnostics for a log', async () => {
    const [lens, ...more] = await lenses(server, STDOUT_URI);
    assert.deepEqual(more, []);
    assert.deepEqual(lens.range.start, { line: 0, character: 0 });
    assert.equal(lens.command?.title, 'PID 4752 did not start: framework Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25) → install the .NET 8 Hosting Bundle (x64)');
    const [debugLens] = await lenses(server, DEBUG_URI);
    assert.match(debugLens.command?.title ?? '', /^PID 4752 did not start: /);
    assert.deepEqual(await lenses(server, 'file:///srv/site/web.config'), []);
    assert.equal(server.published.filter((params) => params.uri === STDOUT_URI || params.uri === DEBUG_URI).length, 0, 'no diagnostics published for a log');
  });

  it('Event Log text copied into a text file: hover and verdict; any other text file gets nothing', async () => {
    const eventsUri = 'file:///srv/notes/what-the-server-said.txt';
    const events = [
      'Log Name:      Application',
      'Source:        IIS AspNetCore Module V2',
      'Date:          1/1/2024 12:00:01 PM',
      'Event ID:      1034',
      'Level:         Error',
      'Description:',
      "Could not load configuration. Exception message: Unknown hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file.",
      '',
    ].join('\r\n');
    const plainUri = 'file:///srv/notes/todo.txt';
    const plain = 'Log Name: shopping\r\nEvent ID: 7\r\nbuy milk\r\n';
    for (const [uri, text] of [[eventsUri, events], [plainUri, plain]]) {
      void server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    }
    const result = await hover(server, eventsUri, events, events.indexOf('Unknown hosting model'));
    assert.ok(result, 'a hover on the event');
    assert.match((result.contents as MarkupContent).value, /`unknown-hosting-model`|invalid-hosting-model/);
    assert.equal(await hover(server, plainUri, plain, plain.indexOf('milk')), null);
    assert.deepEqual(await lenses(server, plainUri), []);
  });
});
