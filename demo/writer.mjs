#!/usr/bin/env node
// Stands in for IIS, ANCM and an ASP.NET Core app, so the ANCM Logs panel has something to follow without
// Windows: it writes what ANCM writes, where demo/web.config says ANCM writes it.
//   - the ANCM debug log (debugFile .\logs\aspnetcore-debug.log, debugLevel FILE,TRACE): the module's
//     start-up trace, request counting, and a recycle;
//   - the app's stdout log (stdoutLogFile .\logs\stdout): logs\stdout_<yyyyMMddHHmmss>_<pid>.log, named the
//     way ANCM V2 names it (UTC time the worker started, the worker's pid), holding console-logger output:
//     requests, warnings, and now and then an exception with its stack trace.
// Every `--recycle-after` requests the "worker process" recycles: ANCM logs the shutdown, and the next worker
// writes a new stdout file.
//
// With --fail 500.31 (or ANCM_DEMO_FAIL=500.31) each worker fails to start instead, as when the ASP.NET Core runtime the
// app targets (8.0.0) is not installed (6.0.25 is): the host's "You must install or update .NET" text in the stdout file,
// ANCM's event 1031 text and the failed HRESULT in the debug log, and no requests; every `--recycle-after` intervals
// IIS tries a new worker, which fails the same way.
//
// Usage: node demo/writer.mjs [--site <folder>] [--interval <ms>] [--recycle-after <requests>] [--stdin] [--fail 500.31]
//   --site           the site root, the folder holding web.config (default: this folder)
//   --interval       time between requests (default 1500 ms)
//   --recycle-after  requests per worker process before a recycle (default 40; 0: never)
//   --stdin          write nothing by itself: append what stdin asks, one JSON object a line,
//                    {"stdout": "text"} to the stdout file or {"debug": "message"} as an ANCM debug line
//                    ({"debugRaw": "text"} as written); answers "ok <n>" on stdout after each write.
//                    The file names carry this process's pid. Used by the end-to-end tests. With --fail, the failed
//                    start is written before "ready".
//   --fail           play a failed start: 500.31 (the framework is not installed)
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    site: { type: 'string', default: dirname(fileURLToPath(import.meta.url)) },
    interval: { type: 'string', default: '1500' },
    'recycle-after': { type: 'string', default: '40' },
    stdin: { type: 'boolean', default: false },
    fail: { type: 'string', default: process.env.ANCM_DEMO_FAIL ?? '' },
  },
});

const FAILURES = { '500.31': frameworkNotFoundStart };
const failedStart = options.fail === '' ? undefined : FAILURES[options.fail];
if (options.fail !== '' && !failedStart) {
  process.stderr.write(`writer: --fail ${options.fail} is not played (known: ${Object.keys(FAILURES).join(', ')})\n`);
  process.exit(2);
}

const site = resolve(options.site);
const logs = join(site, 'logs');
const siteWindowsPath = 'C:\\inetpub\\contoso\\';
const DLL = 'aspnetcorev2.dll';
const INPROCESS_DLL = 'aspnetcorev2_inprocess.dll';
mkdirSync(logs, { recursive: true });

const pad = (value, width = 2) => String(value).padStart(width, '0');
/** ANCM V2's stdout file name: <prefix>_<yyyyMMddHHmmss>_<pid>.log, UTC. */
function stdoutFileName(start, pid) {
  const stamp = `${start.getUTCFullYear()}${pad(start.getUTCMonth() + 1)}${pad(start.getUTCDate())}${pad(start.getUTCHours())}${pad(start.getUTCMinutes())}${pad(start.getUTCSeconds())}`;
  return `stdout_${stamp}_${pid}.log`;
}

/** Appends with the file kept open, as ANCM and the app do (each write is one system call). */
class LogFile {
  constructor(path) {
    this.path = path;
    this.fd = openSync(path, 'a');
  }
  append(text) {
    writeSync(this.fd, text.endsWith('\n') ? text : `${text}\n`);
  }
  close() {
    closeSync(this.fd);
  }
}

const debugLog = new LogFile(join(logs, 'aspnetcore-debug.log'));
let workerPid = process.pid;
let stdout = new LogFile(join(logs, stdoutFileName(new Date(), workerPid)));

/** One ANCM debug-log line: [time, PID: pid] [dll] message. */
function debug(message, dll = DLL) {
  debugLog.append(`[${new Date().toISOString()}, PID: ${workerPid}] [${dll}] ${message}`);
}

/** One console-logger entry: `level: Category[event]` and the message indented on the next line. */
function app(level, category, eventId, message) {
  const indented = message
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  stdout.append(`${level}: ${category}[${eventId}]\n${indented}`);
}

if (options.stdin) {
  // Driven by a test: nothing but what it asks for, acknowledged once written.
  let written = 0;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    const command = JSON.parse(line);
    if (typeof command.stdout === 'string') stdout.append(command.stdout);
    if (typeof command.debug === 'string') debug(command.debug);
    if (typeof command.debugRaw === 'string') debugLog.append(command.debugRaw);
    process.stdout.write(`ok ${++written}\n`);
  });
  lines.on('close', () => shutdown(0));
  failedStart?.();
  process.stdout.write(`ready ${stdout.path}\n`);
} else if (failedStart) {
  failedStart();
  // IIS starts a new worker on the next request; each fails the same way.
  const interval = Math.max(50, Number(options.interval) || 1500) * Math.max(1, Number(options['recycle-after']) || 10);
  const timer = setInterval(() => {
    stdout.close();
    workerPid += 1 + Math.floor(Math.random() * 900);
    stdout = new LogFile(join(logs, stdoutFileName(new Date(), workerPid)));
    failedStart();
  }, interval);
  process.stdout.write(`Writing a failed start (${options.fail}) into ${logs} (Ctrl+C to stop)\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (clearInterval(timer), shutdown(0)));
} else {
  startWorker();
  const interval = Math.max(50, Number(options.interval) || 1500);
  const recycleAfter = Math.max(0, Number(options['recycle-after']) || 0);
  let requests = 0;
  const timer = setInterval(() => {
    requests++;
    request(requests);
    if (recycleAfter > 0 && requests % recycleAfter === 0) recycle();
  }, interval);
  process.stdout.write(`Writing ANCM logs into ${logs} (Ctrl+C to stop)\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (clearInterval(timer), shutdown(0)));
}

function startWorker() {
  const version = '18.0.24052.0';
  debug(`Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: ${workerPid}. File Version: ${version}. Description: IIS ASP.NET Core Module V2. Commit: 2b9ec3c3f1b0c1b2a4f6a0e1d9c3b5a7e8f90123.`);
  debug(`Resolving hostfxr parameters for application: 'dotnet' arguments: '.\\Contoso.Web.dll' path: '${siteWindowsPath}'`);
  debug("Known dotnet.exe location: ''");
  debug("Process path 'dotnet.exe' is dotnet, treating application as portable");
  debug("hostFxrDllpath 'C:\\Program Files\\dotnet\\host\\fxr\\8.0.11\\hostfxr.dll'");
  debug(`Converted argument '.\\Contoso.Web.dll' to '${siteWindowsPath}.\\Contoso.Web.dll'`);
  debug("Loading request handler:  'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11\\aspnetcorev2_inprocess.dll'");
  debug(`Initializing logs for 'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11\\aspnetcorev2_inprocess.dll'. Process Id: ${workerPid}. File Version: ${version}. Description: IIS ASP.NET Core Module V2 Request Handler. Commit: 2b9ec3c3f1b0c1b2a4f6a0e1d9c3b5a7e8f90123.`, INPROCESS_DLL);
  debug('Creating handler application');
  debug(`Starting app_offline monitoring in application '${siteWindowsPath}'`, INPROCESS_DLL);
  debug('Starting in-process worker thread', INPROCESS_DLL);
  debug(`Setting environment variable ASPNETCORE_IIS_PHYSICAL_PATH=${siteWindowsPath}`, INPROCESS_DLL);
  debug('In-process callbacks set', INPROCESS_DLL);
  debugLog.append(`[${new Date().toISOString()}, PID: ${workerPid}] [${INPROCESS_DLL}] Event Log: 'Application '${siteWindowsPath}' started successfully.' \nEnd Event Log Message.`);
  app('info', 'Microsoft.Hosting.Lifetime', 14, 'Now listening on: http://127.0.0.1:19342');
  app('info', 'Microsoft.Hosting.Lifetime', 0, 'Application started. Press Ctrl+C to shut down.');
  app('info', 'Microsoft.Hosting.Lifetime', 0, 'Hosting environment: Production');
  app('info', 'Microsoft.Hosting.Lifetime', 0, 'Content root path: C:\\inetpub\\contoso');
  app('warn', 'Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository', 50, 'Using an in-memory repository. Keys will not be persisted to storage.');
}

/**
 * A worker whose app targets ASP.NET Core 8.0.0 on a server that has 6.0.25 only (HTTP 500.31): the shim resolves
 * hostfxr, asks it for the in-process handler, and the host prints why it cannot (ANCM captures it into the stdout file).
 */
function frameworkNotFoundStart() {
  const version = '18.0.24052.0';
  const hostError = [
    'You must install or update .NET to run this application.',
    '',
    `App: ${siteWindowsPath}Contoso.Web.dll`,
    'Architecture: x64',
    "Framework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)",
    '.NET location: C:\\Program Files\\dotnet\\',
    '',
    'The following frameworks were found:',
    '  6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]',
    '',
    'Learn more:',
    'https://aka.ms/dotnet/app-launch-failed',
    '',
    'To install missing framework, download:',
    'https://aka.ms/dotnet-core-applaunch?framework=Microsoft.AspNetCore.App&framework_version=8.0.0&arch=x64&rid=win-x64&os=win10',
  ];
  debug(`Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: ${workerPid}. File Version: ${version}. Description: IIS ASP.NET Core Module V2. Commit: 2b9ec3c3f1b0c1b2a4f6a0e1d9c3b5a7e8f90123.`);
  debug(`Resolving hostfxr parameters for application: 'dotnet' arguments: '.\\Contoso.Web.dll' path: '${siteWindowsPath}'`);
  debug("Known dotnet.exe location: ''");
  debug("Process path 'dotnet.exe' is dotnet, treating application as portable");
  debug("hostfxr.dll located at 'C:\\Program Files\\dotnet\\host\\fxr\\8.0.11\\hostfxr.dll'");
  stdout.append(hostError.join('\n'));
  debugLog.append(
    `[${new Date().toISOString()}, PID: ${workerPid}] [${DLL}] Event Log: 'Could not find 'aspnetcorev2_inprocess.dll'. Exception message:\r\n` +
      `Error occurred when initializing inprocess application, Return code: 0x80008096, Error logs: ${hostError.join('\r\n')}' \r\nEnd Event Log Message.`,
  );
  debug('Failed HRESULT returned: 0x80008096 at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\AspNetCore\\HandlerResolver.cpp:121 ');
}

const PATHS = ['/', '/orders/latest', '/orders/42', '/api/products?page=2', '/health', '/account/login', '/css/site.css'];
let totalRequests = 0;

function request(n) {
  const path = PATHS[n % PATHS.length];
  const started = Date.now();
  totalRequests++;
  debug(`Adding request. Total Request Count ${totalRequests}`, INPROCESS_DLL);
  app('info', 'Microsoft.AspNetCore.Hosting.Diagnostics', 1, `Request starting HTTP/1.1 GET http://contoso.example${path} - - -`);
  if (path === '/orders/latest' && n % 3 === 1) {
    app(
      'fail',
      'Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware',
      1,
      [
        'An unhandled exception has occurred while executing the request.',
        'System.InvalidOperationException: Sequence contains no elements',
        '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
        '   at Contoso.Web.Controllers.OrdersController.Latest() in C:\\src\\Contoso.Web\\Controllers\\OrdersController.cs:line 42',
        '   at lambda_method5(Closure, Object, Object[])',
        '   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncActionResultExecutor.Execute(ActionContext actionContext)',
      ].join('\n'),
    );
    finish(path, 500, started);
  } else if (path === '/account/login' && n % 2 === 0) {
    app('warn', 'Contoso.Web.Account.LoginHandler', 7, `Login failed for user 'jdoe' from 10.0.3.${n % 250}: password expired.`);
    finish(path, 302, started);
  } else {
    if (path.startsWith('/api/')) app('dbug', 'Microsoft.EntityFrameworkCore.Database.Command', 20101, 'Executed DbCommand (3ms) [Parameters=[@__p_0=\'20\'], CommandType=\'Text\', CommandTimeout=\'30\']');
    finish(path, path === '/health' ? 204 : 200, started);
  }
}

function finish(path, status, started) {
  const elapsed = (Date.now() - started + 3 + Math.random() * 40).toFixed(4);
  app('info', 'Microsoft.AspNetCore.Hosting.Diagnostics', 2, `Request finished HTTP/1.1 GET http://contoso.example${path} - ${status} - text/html;+charset=utf-8 ${elapsed}ms`);
  debug(`Removing Request ${totalRequests - 1}`, INPROCESS_DLL);
}

/** The app pool recycles: ANCM shuts the old worker down and a new worker (new pid) writes a new stdout file. */
function recycle() {
  debug('ASPNET_CORE_GLOBAL_MODULE::OnGlobalStopListening');
  debug('Shutdown starting in 0 ms.');
  debug("Stopping application '/LM/W3SVC/2/ROOT'");
  debug('Stopping file watching.', INPROCESS_DLL);
  debug('Stopping CLR', INPROCESS_DLL);
  app('info', 'Microsoft.Hosting.Lifetime', 0, 'Application is shutting down...');
  debugLog.append(`[${new Date().toISOString()}, PID: ${workerPid}] [${INPROCESS_DLL}] Event Log: 'Application 'MACHINE/WEBROOT/APPHOST/CONTOSO' has shutdown.' \nEnd Event Log Message.`);
  debug('ASPNET_CORE_GLOBAL_MODULE::Terminate');
  stdout.close();
  // A real recycle gets a new w3wp.exe; this demo has one process, so it numbers the next worker itself.
  workerPid += 1 + Math.floor(Math.random() * 900);
  stdout = new LogFile(join(logs, stdoutFileName(new Date(), workerPid)));
  startWorker();
}

function shutdown(code) {
  try {
    stdout.close();
    debugLog.close();
  } finally {
    process.exit(code);
  }
}
