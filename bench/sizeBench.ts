// A 20 MB web.config (the size guards of the hardening issue): how long the language server takes, over stdio,
// from didOpen to its first diagnostics, and its peak memory (VmHWM) meanwhile, with a PASS/FAIL against
// 300 MB. Times are also given as a ratio against fast-xml-parser parsing the same text in this process, in
// the same run, since the shared machines drift. Two files: every entry valid (the parse and the collection
// walks dominate), and every entry a problem (the diagnostics cap and the LSP conversion dominate).
//   npm run bench:size

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { publishedConfig } from '../test/unit/cursor';
import { processMemoryMb } from './memory';
import { ensureServerBundle } from './serverBundle';

const TARGET_BYTES = 20 * 1024 * 1024;
const PEAK_RSS_LIMIT_MB = 300;
/** A server that never publishes must not hold the shared machine. */
const WATCHDOG_MS = 180_000;
const SERVER_BIN = path.join(__dirname, '..', 'bin', 'ancm-language-server.js');

/** Where the entries go in the published layout. */
const ENTRIES = '<!--entries-->';

/** A published web.config whose <environmentVariables> holds entries until the text is `bytes` long. */
export function hugeWebConfig(bytes: number, entry: (index: number) => string): string {
  const [head, tail] = publishedConfig([
    '<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess">',
    '        <environmentVariables>',
    `${ENTRIES}        </environmentVariables>`,
    '      </aspNetCore>',
  ].join('\n')).split(ENTRIES);
  const parts = [head];
  let length = head.length + tail.length;
  for (let index = 0; length < bytes; index++) {
    const line = `          ${entry(index)}\n`;
    parts.push(line);
    length += line.length;
  }
  parts.push(tail);
  return parts.join('');
}

const VALID = (index: number) => `<environmentVariable name="APP_SETTING_${index}" value="value-${index}-abcdefghij" />`;
/** Every entry a duplicate of the one before (duplicate-entry) with a port ANCM rejects (invalid-aspnetcore-port). */
const PROBLEMS = (index: number) => `<environmentVariable name="ASPNETCORE_PORT" value="${index % 2 === 0 ? '80' : 'x'}${index}" />`;

interface SizeResult {
  readonly name: string;
  readonly megabytes: number;
  readonly firstDiagnosticsMs: number;
  readonly diagnostics: number;
  readonly peakMb: number | undefined;
  readonly baselineMs: number;
}

async function measure(name: string, text: string): Promise<SizeResult> {
  const parser = new XMLParser({ ignoreAttributes: false });
  parser.parse(text);
  let baselineMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    parser.parse(text);
    baselineMs = Math.min(baselineMs, performance.now() - started);
  }
  // Its own client rather than bench/lspClient's: the first publication may take far longer than a request's
  // timeout there, and the count of diagnostics is part of the answer.
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const watchdog = setTimeout(() => child.kill(), WATCHDOG_MS);
  try {
    const uri = `file:///bench/${name}/web.config`;
    const published = new Promise<number>((resolve) => {
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri) resolve(params.diagnostics.length);
      });
    });
    const exited = new Promise<never>((_, reject) => child.once('exit', () => reject(new Error(`the server exited before diagnostics (${name})`))));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    const started = performance.now();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version: 1, text } });
    const diagnostics = await Promise.race([published, exited]);
    const firstDiagnosticsMs = performance.now() - started;
    const peakMb = processMemoryMb(child.pid!, 'VmHWM');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return { name, megabytes: text.length / (1024 * 1024), firstDiagnosticsMs, diagnostics, peakMb, baselineMs };
  } finally {
    clearTimeout(watchdog);
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

async function main(): Promise<void> {
  ensureServerBundle();
  const results: SizeResult[] = [];
  for (const [name, entry] of [['valid entries', VALID], ['a problem per entry', PROBLEMS]] as const) {
    results.push(await measure(name.replace(/ /g, '-'), hugeWebConfig(TARGET_BYTES, entry)));
  }
  let failed = false;
  for (const result of results) {
    const peak = result.peakMb === undefined ? 'not measured (no /proc)' : `${result.peakMb.toFixed(0)} MB ${result.peakMb < PEAK_RSS_LIMIT_MB ? 'PASS' : 'FAIL'} (< ${PEAK_RSS_LIMIT_MB} MB)`;
    if (result.peakMb !== undefined && result.peakMb >= PEAK_RSS_LIMIT_MB) failed = true;
    console.log(
      `${result.name}, ${result.megabytes.toFixed(1)} MB: first diagnostics (${result.diagnostics}) after ${(result.firstDiagnosticsMs / 1000).toFixed(2)} s ` +
        `= ${(result.firstDiagnosticsMs / result.baselineMs).toFixed(1)}x fast-xml-parser's parse (${result.baselineMs.toFixed(0)} ms); server peak RSS ${peak}`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

if (require.main === module) main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
