// The failure knowledge (ancm/failureCauses.ts, ancm/failureKeys.ts, ancm/explainFailure.ts): every catalog failure,
// error page substatus and .NET host error code has a cause; log lines written here for each main cause get its id;
// the tables hold together (unique ids, known rule ids, every cause reachable); matching stays linear.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEBUG_LOG_MESSAGES, EVENT_LOG_MESSAGES } from '../../server/src/ancm/debugLogCatalog';
import { catalogCauses, explainCode, explainEntry, isFailureLevel, scanHresults } from '../../server/src/ancm/explainFailure';
import { FAILURE_CAUSES, findFailureCause } from '../../server/src/ancm/failureCauses';
import { ANCM_EVENT_KEYS, HOST_ERROR_KEYS, HRESULT_KEYS, PHRASE_KEYS, STATUS_CODE_KEYS } from '../../server/src/ancm/failureKeys';
import { FAILURE_PHRASES, sampleOfFormat } from '../../server/src/ancm/failureMessages';
import { createEntryParser } from '../../server/src/logs/createEntryParser';
import { detectLogFormat } from '../../server/src/logs/detectLogFormat';
import { parseAllLines } from '../../server/src/logs/entryParser';
import { linesOf } from './logs/logLines';

const RULES = path.join(__dirname, '..', '..', 'server', 'src', 'service', 'rules');

/** The rule ids as the rule files declare them (`id: '...'`), read from disk. */
function ruleIdsOnDisk(): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(RULES).filter((file) => file.endsWith('.ts'))) {
    for (const match of readFileSync(path.join(RULES, name), 'utf8').matchAll(/\bid:\s*'([a-z0-9-]+)'/g)) ids.add(match[1]);
  }
  return ids;
}

/** The causes a log text shows, parsed as `ancm explain` parses it (kind told by content). */
function causesOfLog(text: string): string[] {
  const kind = detectLogFormat(text);
  const entries = parseAllLines(createEntryParser(kind, 'fixture.log'), linesOf(text));
  return [...new Set(entries.flatMap((entry) => explainEntry(entry)))];
}

const sample = (format: string) => sampleOfFormat(format, 'X').replace(/0xX/g, '0x1').replace(/'X'/g, "'1'");

describe('failure causes: coverage', () => {
  it('every ERROR and WARNING debug-log message and every error and warning Event Log template has a cause', () => {
    const missing = [...DEBUG_LOG_MESSAGES, ...EVENT_LOG_MESSAGES].filter(isFailureLevel).filter((message) => !(catalogCauses().get(message)?.length));
    assert.deepEqual(missing.map((message) => message.format), []);
  });

  it('a catalog failure line, as ANCM writes it, is explained by the cause of its entry', () => {
    for (const [message, causes] of catalogCauses()) {
      const body = sample(message.format).split(/\r?\n/)[0];
      const line = message.eventType ? `Event Log: '${body}` : body.replace(/^X:X /, 'D:\\a\\src\\dllmain.cpp:131 ').replace(/ at X:X $/, ' at D:\\a\\src\\dllmain.cpp:131 ');
      const found = explainEntry({ message: line, text: line });
      assert.ok(causes.every((cause) => found.includes(cause)), `${message.format} -> ${found.join(', ')}`);
    }
  });

  it('every error page substatus ANCM and IIS answer with has a cause', () => {
    for (const code of ['500.0', '500.19', '500.30', '500.31', '500.32', '500.33', '500.34', '500.35', '500.36', '500.37', '500.38', '502.3', '502.5', '503']) {
      const explanation = explainCode(code);
      assert.ok(explanation && explanation.kind === 'status' && explanation.causes.length > 0, code);
      assert.equal(explainCode(`HTTP Error ${code}`)?.code, code);
    }
  });

  it('every .NET host error code from 0x80008081 to 0x8000809C has a row with its documented name', () => {
    // The failure codes docs/design/features/host-error-codes.md (dotnet/runtime) lists in that range.
    const documented: Record<number, string> = {
      0x81: 'InvalidArgFailure', 0x82: 'CoreHostLibLoadFailure', 0x83: 'CoreHostLibMissingFailure', 0x84: 'CoreHostEntryPointFailure',
      0x85: 'CoreHostCurHostFindFailure', 0x87: 'CoreClrResolveFailure', 0x88: 'CoreClrBindFailure', 0x89: 'CoreClrInitFailure',
      0x8a: 'CoreClrExeFailure', 0x8b: 'ResolverInitFailure', 0x8c: 'ResolverResolveFailure', 0x8e: 'LibHostInitFailure',
      0x91: 'LibHostSdkFindFailure', 0x92: 'LibHostInvalidArgs', 0x93: 'InvalidConfigFile', 0x94: 'AppArgNotRunnable',
      0x95: 'AppHostExeNotBoundFailure', 0x96: 'FrameworkMissingFailure', 0x97: 'HostApiFailed', 0x98: 'HostApiBufferTooSmall',
      0x9a: 'AppPathFindFailure', 0x9b: 'SdkResolveFailure', 0x9c: 'FrameworkCompatFailure',
    };
    for (const [low, name] of Object.entries(documented)) {
      const code = `0x${(0x80008000 + Number(low)).toString(16)}`;
      const explanation = explainCode(code);
      assert.ok(explanation && explanation.causes.length > 0, code);
      assert.equal(explanation.name, name, code);
    }
    assert.equal(HOST_ERROR_KEYS.length, Object.keys(documented).length, 'no host code beyond the documented ones');
  });

  it('the HRESULTs users meet most have a cause', () => {
    for (const code of ['0x800700c1', '0x8007023e', '0x80070002', '0x80070003', '0x80070005', '0xe0434352', '0xc00000fd', '0x800704e7', '0x80070057', '0x8000ffff']) {
      assert.ok(explainCode(code)?.causes.length, code);
    }
  });

  it('every ANCM event id from 1000 to 1036 (aspnetcore_msg.mc) has a row, and each failure event a cause', () => {
    const ids = [1000, 1001, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1018, 1020, 1021, 1022, 1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1032, 1033, 1034, 1035, 1036];
    assert.deepEqual(ANCM_EVENT_KEYS.map((key) => key.id), ids);
    for (const id of [1000, 1003, 1004, 1005, 1007, 1008, 1009, 1010, 1011, 1013, 1018, 1020, 1022, 1024, 1028, 1029, 1031, 1034, 1035]) {
      assert.ok(explainCode(`event ${id}`)?.causes.length, String(id));
    }
    assert.deepEqual(explainCode('1034')?.causes.map((cause) => cause.id).slice(0, 2), ['config-load-failed', 'unknown-hosting-model']);
  });

  it("every failure text of failureMessages.ts (hostfxr's and ANCM's) has a cause", () => {
    const samples: Record<string, string> = {
      "The (?:specified )?framework '[^'\\r\\n]{1,200}'[^\\r\\n]{0,200}? was not found": "The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.",
      'terminated unexpectedly[^\\r\\n]{0,200}?exit code': "A process serving application pool 'Site' terminated unexpectedly. The process id was '42'. The process exit code was '0xc0000005'.",
    };
    for (const phrase of FAILURE_PHRASES) {
      const text = typeof phrase.text === 'string' ? phrase.text : samples[phrase.text.source];
      assert.ok(text, `a sample for ${String(phrase.text)}`);
      assert.ok(explainEntry({ message: text, text }).length > 0, text);
    }
  });
});

describe('failure causes: the tables hold together', () => {
  it('no two causes share an id, and ids are kebab-case', () => {
    const ids = FAILURE_CAUSES.map((cause) => cause.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('each cause has a meaning on one line, fix steps, a Microsoft or .NET docs link and its sources', () => {
    for (const cause of FAILURE_CAUSES) {
      assert.ok(cause.meaning.length > 10 && !cause.meaning.includes('\n'), cause.id);
      assert.ok(cause.fix.length > 0, cause.id);
      assert.match(cause.docs, /^https:\/\/(?:learn\.microsoft\.com\/aspnet\/core\/|github\.com\/dotnet\/runtime\/)/, cause.id);
      assert.ok(cause.sources.length > 0, cause.id);
    }
  });

  it('every rule id a cause names is a rule of service/rules', () => {
    const onDisk = ruleIdsOnDisk();
    assert.ok(onDisk.has('invalid-hosting-model') && onDisk.size > 30, `rule ids read from disk: ${onDisk.size}`);
    const unknown = FAILURE_CAUSES.flatMap((cause) => (cause.rules ?? []).filter((rule) => !onDisk.has(rule)).map((rule) => `${cause.id}: ${rule}`));
    assert.deepEqual(unknown, []);
    assert.deepEqual(findFailureCause('unknown-hosting-model')?.rules, ['invalid-hosting-model']);
    assert.deepEqual(findFailureCause('missing-process-path')?.rules, ['missing-process-path']);
  });

  it('every cause a key names exists, and every cause is reached by some key', () => {
    const named = [
      ...STATUS_CODE_KEYS.flatMap((key) => key.causes),
      ...HRESULT_KEYS.flatMap((key) => key.causes),
      ...ANCM_EVENT_KEYS.flatMap((key) => key.causes),
      ...PHRASE_KEYS.flatMap((key) => key.causes),
      ...[...catalogCauses().values()].flat(),
    ];
    assert.deepEqual(named.filter((id) => !findFailureCause(id)), []);
    assert.deepEqual(FAILURE_CAUSES.map((cause) => cause.id).filter((id) => !named.includes(id)), []);
  });

  it('no HRESULT or status is listed twice', () => {
    assert.equal(new Set(HRESULT_KEYS.map((key) => key.code)).size, HRESULT_KEYS.length);
    assert.equal(new Set(STATUS_CODE_KEYS.map((key) => key.code)).size, STATUS_CODE_KEYS.length);
  });
});

describe('explainCode', () => {
  it('reads an HRESULT in hex, bare hex, signed decimal, or a Win32 error code', () => {
    for (const input of ['0x8007023E', '0x8007023e', '8007023e', '-2147024322', ' 0x8007023E ']) assert.equal(explainCode(input)?.code, '0x8007023E', input);
    assert.equal(explainCode('193')?.code, '0x800700C1');
    assert.equal(explainCode('0x800700c1')?.causes[0].id, 'bitness-mismatch');
    assert.equal(explainCode('-2147450730')?.name, 'FrameworkMissingFailure');
  });

  it('reads a status with or without "HTTP Error", and an event id with or without "event"', () => {
    assert.equal(explainCode('500.31')?.causes[0].id, 'framework-not-found');
    assert.equal(explainCode('HTTP Error 500.31 - ANCM Failed to Find Native Dependencies')?.code, '500.31');
    assert.equal(explainCode('502.5')?.causes[0].id, 'process-start-failed');
    assert.equal(explainCode('500')?.code, '500.0');
    assert.equal(explainCode('503')?.code, '503');
    assert.equal(explainCode('1034')?.kind, 'event');
    assert.equal(explainCode('Event ID: 1007')?.code, '1007');
  });

  it('says nothing for what it does not know', () => {
    for (const input of ['0x12345678', '500.99', '1002', 'hello', '', '99999999999']) assert.equal(explainCode(input), undefined, input);
  });
});

describe('explainEntry over log lines written for each main cause', () => {
  const cases: [cause: string, log: string][] = [
    ['unknown-hosting-model', "[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2.dll] Event Log: 'Could not load configuration. Exception message:\r\nUnknown hosting model 'inproc'. Please specify either hostingModel=\"inprocess\" or hostingModel=\"outofprocess\" in the web.config file.' \r\n[2024-03-05T09:14:05.519Z, PID: 6312] [aspnetcorev2.dll] End Event Log Message.\r\n"],
    ['config-load-failed', "[aspnetcorev2.dll] Event Log: 'Could not load configuration. Exception message:\r\nAttribute 'processPath' is required.' \r\nEnd Event Log Message.\r\n"],
    ['missing-process-path', "[aspnetcorev2.dll] Event Log: 'Could not load configuration. Exception message:\r\nAttribute 'processPath' is required.' \r\nEnd Event Log Message.\r\n"],
    ['framework-not-found', "It was not possible to find any compatible framework version\nThe framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.\n  - The following frameworks were found:\n      6.0.25 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\n"],
    ['framework-not-found', 'Log Name:      Application\nSource:        IIS AspNetCore Module V2\nEvent ID:      1027\nLevel:         Error\nDescription:\nUnable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App targeted by the application are installed.\n'],
    ['bitness-mismatch', "[aspnetcorev2.dll] Event Log: 'Unable to load 'C:\\Program Files\\dotnet\\host\\fxr\\8.0.0\\hostfxr.dll'. This might be caused by a bitness mismatch between IIS application pool and published application.' \r\nEnd Event Log Message.\r\n"],
    ['bitness-mismatch', '[aspnetcorev2.dll] handlerresolver.cpp:224 Operation failed with LastError: 193 HR: 0x800700c1\n'],
    ['app-crashed-on-startup', "[2024-09-26T13:02:33.124Z, PID: 6980] [aspnetcorev2_inprocess.dll] InvalidOperationException 'CLR worker thread exited prematurely' caught at D:\\a\\src\\inprocessapplication.cpp:489 \n"],
    ['app-crashed-on-startup', 'Source: IIS AspNetCore Module V2\nEventId: 1035\nApplication \'/LM/W3SVC/2/ROOT\' with physical root \'C:\\site\\\' has exited from Program.Main with exit code = \'1\'. First 30KB characters of captured stdout and stderr logs:\nUnhandled exception. System.InvalidOperationException: No connection string.\n'],
    ['startup-timeout', "Source: IIS AspNetCore Module V2\nEventId: 1007\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\site\\' failed to load coreclr. Exception message:\nManaged server didn't initialize after 120000 ms.\n"],
    ['stack-overflow', 'Stack overflow.\nRepeat 19208 times:\n--------------------------------\n   at Contoso.Node.get_Parent()\n'],
    ['stack-overflow', "Source: IIS AspNetCore Module V2\nEventId: 1018\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\site\\' hit unexpected managed exception, exception code = '0xc00000fd'. Please check the stderr logs for more information.\n"],
    ['clr-exception', "Source: IIS AspNetCore Module V2\nEventId: 1018\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\site\\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information.\n"],
    ['in-process-handler-not-found', "[aspnetcorev2.dll] Event Log: 'Could not find 'aspnetcorev2_inprocess.dll'. Exception message:\r\nIt was not possible to find any compatible framework version' \r\nEnd Event Log Message.\r\n"],
    ['request-handler-not-referenced', "[aspnetcorev2.dll] Event Log: 'Could not find the assembly 'aspnetcorev2_inprocess.dll' referenced for the in-process application. Please confirm the Microsoft.AspNetCore.Server.IIS or Microsoft.AspNetCore.App is referenced in your application.' \r\n"],
    ['out-of-process-handler-not-found', "[aspnetcorev2.dll] Event Log: 'Could not find the assembly 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\18.0.0\\aspnetcorev2_outofprocess.dll' for out-of-process application. Please confirm the assembly is installed correctly for IIS or IISExpress.' \r\n"],
    ['mixed-hosting-models', "[aspnetcorev2.dll] Event Log: 'Mixed hosting model is not supported. Application '/LM/W3SVC/2/ROOT/api' configured with different hostingModel value '1' other than the one of running application(s).' \r\n"],
    ['multiple-in-process-apps', "[aspnetcorev2.dll] Event Log: 'Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/2/ROOT/api' to a different IIS application pool.' \r\n"],
    ['application-dll-not-found', "[aspnetcorev2.dll] Event Log: 'Application 'C:\\site\\' failed to start. Exception message:\r\nApplication .dll was not found at C:\\site\\App.dll. Confirm the application dll is present and is not published as a single executable.' \r\n"],
    ['executable-not-found', "[aspnetcorev2.dll] InvalidOperationException 'Executable was not found at 'C:\\site\\App.exe'' caught at D:\\a\\src\\HostFxrResolver.cpp:120 \n"],
    ['dotnet-not-found', "[aspnetcorev2.dll] InvalidOperationException 'Could not find dotnet.exe at 'C:\\site\\dotnet.exe' or using the system PATH environment variable.' caught at D:\\a\\src\\HostFxrResolver.cpp:300 \n"],
    ['dotnet-arguments-not-app', "[aspnetcorev2.dll] InvalidOperationException 'Application arguments are empty.' caught at D:\\a\\src\\HostFxrResolver.cpp:60 \n"],
    ['process-path-not-exe', "[aspnetcorev2.dll] InvalidOperationException 'Process path 'C:\\site\\App.dll' doesn't have '.exe' extension.' caught at D:\\a\\src\\HostFxrResolver.cpp:40 \n"],
    ['process-start-failed', "Source: IIS AspNetCore Module V2\nEventId: 1020\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\site\\' failed to start process with commandline 'dotnet .\\App.dll' with multiple retries. Failed to bind to port '2345'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nUnhandled exception.\n"],
    ['process-not-listening', "Source: IIS AspNetCore Module V2\nEventId: 1000\nApplication '/LM/W3SVC/2/ROOT' with physical root 'C:\\site\\' created process with commandline 'dotnet .\\App.dll' but either crashed, did not respond, or did not listen on the given port '2345', ErrorCode = '0x800705b4'\n"],
    ['stdout-log-not-created', "[aspnetcorev2_inprocess.dll] Event Log: 'Could not start stdout file redirection to '.\\logs\\stdout' with application base 'C:\\site\\'. create_directories: Access is denied.: \"C:\\site\\.\\logs\".' \r\n"],
    ['address-in-use', 'Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.\n ---> Microsoft.AspNetCore.Connections.AddressInUseException: Only one usage of each socket address is normally permitted.\n'],
    ['app-offline', "[aspnetcorev2_inprocess.dll] Event Log: 'Application 'C:\\site\\' was recycled after detecting app_offline.htm.' \r\n"],
    ['host-component-missing', "Error occurred when initializing in-process application, Return code: 0x80008083\n"],
    ['self-contained-app-incomplete', "A fatal error was encountered. The library 'hostpolicy.dll' required to execute the application was not found in 'C:\\Program Files\\dotnet'.\nFailed to run as a self-contained app.\n"],
    ['host-invalid-arguments', "> Application 'MACHINE/WEBROOT/APPHOST/SITE' with physical root 'D:\\home\\site\\wwwroot\\' failed to start process with commandline 'dotnet .\\Ap.dll', ErrorCode = '0x80004005 : 80008081.\n"],
    ['clr-init-failed', 'Failed to create CoreCLR, HRESULT: 0x80004005\n'],
    ['worker-process-crashed', "Source: WAS\nEventId: 5009\nA process serving application pool 'Site' terminated unexpectedly. The process id was '42'. The process exit code was '0xc0000005'.\n"],
    ['in-process-start-failed', '[1.922s] [Deployer] [Information] iisexpress stdout: [aspnetcorev2_inprocess.dll] Failed HRESULT returned: 0x8007023e at F:\\src\\dllmain.cpp:131 \n'],
    ['module-disabled', "[aspnetcorev2.dll] Event Log: 'AspNetCore Module is disabled' \r\n"],
    ['rapid-fail-protection', "Source: IIS AspNetCore Module V2\nEventId: 1003\nMaximum rapid fail count per minute of '10' exceeded.\n"],
  ];
  for (const [cause, log] of cases) {
    it(`${cause}: ${log.split('\n')[0].slice(0, 70)}`, () => {
      assert.ok(findFailureCause(cause), `${cause} is a cause`);
      const found = causesOfLog(log);
      assert.ok(found.includes(cause), `expected ${cause}, got ${found.join(', ') || 'nothing'}`);
    });
  }

  it('lines of healthy starts and shutdowns are not explained as failures', () => {
    const healthy = [
      "[aspnetcorev2.dll] hostfxr.dll not found at 'C:\\site\\.\\hostfxr.dll', treating application as portable with launcher\n",
      "[aspnetcorev2_inprocess.dll] Event Log: 'Application 'C:\\site\\' started successfully.' \r\nEnd Event Log Message.\r\n",
      "[aspnetcorev2.dll] Loading request handler:  'C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.0\\aspnetcorev2_inprocess.dll'\n",
      '[2024-12-11T20:40:43.469Z, PID: 9096] [aspnetcorev2.dll] Shutdown starting in 1000 ms.\n',
      'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://127.0.0.1:5000\ninfo: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.\n',
      'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]\n      No XML encryptor configured. Key {bd490136-0c6d-4132-887b-1cb18ffd9f33} may be persisted to storage in unencrypted form.\n',
      "Source: IIS AspNetCore Module V2\nEventId: 1032\nApplication '/LM/W3SVC/2/ROOT' started successfully.\n",
    ];
    for (const log of healthy) assert.deepEqual(causesOfLog(log), [], log);
  });

  it('an event id counts only for ANCM\'s provider', () => {
    assert.deepEqual(explainEntry({ message: 'Something else', text: 'Something else', eventId: 1034, origin: 'Contoso.Worker' }), []);
    assert.deepEqual(explainEntry({ message: 'Something else', text: 'Something else', eventId: 1034, origin: 'IIS AspNetCore Module V2' }), ['config-load-failed']);
  });
});

describe('matching is linear', () => {
  it('reads HRESULTs in their forms and nothing else', () => {
    const codes: number[] = [];
    scanHresults("HR: 0x800700c1, HR=8007023e, '0x80004005 : 80008081. exit code '-2147450743' GUID {bd490136-0c6d} 0x8007023eab commit e276c8174b8bfdeb", (code) => codes.push(code));
    assert.deepEqual(codes.map((code) => code.toString(16)), ['800700c1', '8007023e', '80004005', '80008081', '80008089', 'bd490136']);
  });

  it('a megabyte of near-misses takes milliseconds', () => {
    const text = "framework 'x' ".repeat(40_000) + 'HTTP Error 5'.repeat(20_000) + '0x8007'.repeat(20_000);
    const started = performance.now();
    for (let round = 0; round < 5; round++) explainEntry({ message: text, text });
    const elapsed = (performance.now() - started) / 5;
    assert.ok(elapsed < 500, `${elapsed.toFixed(0)} ms per entry`);
  });
});
