import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEBUG_LOG_MESSAGES, EVENT_LOG_MESSAGES, findDebugLogMessage } from '../../server/src/ancm/debugLogCatalog';
import { DEBUG_LEVELS } from '../../server/src/ancm/debugLevel';

/** The message a format prints with some values filled in (only its first line: the rest goes on continuation lines). */
function instance(format: string): string {
  return format
    .split(/\r?\n/, 1)[0]
    .replace(/%s:%d /g, 'D:\\a\\_work\\1\\s\\src\\x.cpp:12 ')
    .replace(/%(?:ls|s|S)/g, 'C:\\inetpub\\site')
    .replace(/%0?\d*[dux]/g, '42');
}

describe('debug-log catalog', () => {
  it('lists each format once, with a level and the ANCM source file', () => {
    const all = [...DEBUG_LOG_MESSAGES, ...EVENT_LOG_MESSAGES];
    assert.ok(DEBUG_LOG_MESSAGES.length >= 120, `${DEBUG_LOG_MESSAGES.length} direct messages`);
    assert.ok(EVENT_LOG_MESSAGES.length >= 30, `${EVENT_LOG_MESSAGES.length} event messages`);
    assert.equal(new Set(all.map((message) => message.format)).size, all.length);
    for (const message of all) {
      assert.ok(DEBUG_LEVELS.includes(message.level), message.format);
      assert.match(message.source, /^(?:AspNetCore|CommonLib|InProcessRequestHandler|OutOfProcessRequestHandler|RequestHandlerLib)\/\w+\.(?:cpp|h)/);
    }
  });

  it('finds every format from a message it prints', () => {
    for (const message of DEBUG_LOG_MESSAGES) {
      const text = instance(message.format);
      assert.equal(findDebugLogMessage(text), message, text);
    }
    for (const message of EVENT_LOG_MESSAGES) {
      const text = `Event Log: '${instance(message.format)}' `;
      assert.equal(findDebugLogMessage(text), message, text);
    }
  });

  it('knows the header line in both its current and its pre-.NET 6 form', () => {
    assert.equal(
      findDebugLogMessage("Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: 812. File Version: 19.0.24303.0. Description: IIS ASP.NET Core Module V2. Commit: .")?.level,
      'INFO',
    );
    assert.equal(findDebugLogMessage("Initializing logs for 'C:\\x\\aspnetcorev2.dll'. Process Id: 812.. File Version: 12.2.18316.0.")?.source, 'CommonLib/debugutil.cpp');
  });

  it('matches the two spaces of "Loading request handler:  \'...\'" exactly', () => {
    assert.equal(findDebugLogMessage("Loading request handler:  'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\19.0.24303\\aspnetcorev2_outofprocess.dll'")?.level, 'INFO');
    assert.equal(findDebugLogMessage("Loading request handler: 'C:\\x.dll'")?.level, undefined);
  });

  it('puts the forwarding and websocket call traces at TRACE, and their failures at ERROR', () => {
    assert.equal(findDebugLogMessage('FORWARDING_HANDLER::FORWARDING_HANDLER')?.level, 'TRACE');
    assert.equal(findDebugLogMessage('FORWARDING_HANDLER::OnWinHttpCompletionInternal 20000 -- 5120 --000001F2A3B4C5D0')?.level, 'TRACE');
    assert.equal(findDebugLogMessage('Adding request. Total Request Count 3')?.level, 'TRACE');
    assert.equal(findDebugLogMessage('WEBSOCKET_HANDLER::OnIisSendComplete')?.level, 'TRACE');
    assert.equal(findDebugLogMessage('WEBSOCKET_HANDLER::OnIisSendComplete failed with HR=800704cd')?.level, 'ERROR');
    assert.equal(findDebugLogMessage('WEBSOCKET_HANDLER::DoIisWebSocketSend 1')?.level, 'TRACE');
    assert.equal(findDebugLogMessage('WEBSOCKET_HANDLER::DoIisWebSocketSend failed with 800704cd')?.level, 'ERROR');
  });

  it('reads Event Log lines by event type: error events at ERROR, warnings and information at INFO', () => {
    assert.equal(findDebugLogMessage("Event Log: 'Application '/LM/W3SVC/4/ROOT' with physical root 'E:\\web\\shop\\' failed to load coreclr. Exception message:")?.level, 'ERROR');
    assert.equal(findDebugLogMessage("Event Log: 'Application 'E:\\web\\shop\\' started successfully.' ")?.level, 'INFO');
    assert.equal(findDebugLogMessage("Event Log: 'Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.' ")?.level, 'INFO');
    assert.equal(findDebugLogMessage("Event Log: 'Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.' ")?.eventType, 'warning');
    assert.equal(findDebugLogMessage("Event Log: 'Application '/LM/W3SVC/4/ROOT' with physical root 'E:\\web\\shop\\' has exited from Program.Main with exit code = '1'. Last 30KB characters of captured stdout and stderr logs:")?.level, 'ERROR');
    // Same wording up to the command line, different event types.
    assert.equal(findDebugLogMessage("Event Log: 'Application '/LM/W3SVC/4/ROOT' with physical root 'E:\\web\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll' at stage 'PostStartCheck', ErrorCode = '0x800705b4', assigned port 21711, retryCounter '1'.' ")?.level, 'INFO');
    assert.equal(findDebugLogMessage("Event Log: 'Application '/LM/W3SVC/4/ROOT' with physical root 'E:\\web\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll' with multiple retries. Failed to bind to port '21711'. See previous warnings for details.' ")?.level, 'ERROR');
    assert.equal(findDebugLogMessage("Event Log: 'Something ANCM never said.' ")?.level, undefined);
  });

  it('puts exceptions.h failures at ERROR, with the source location before or after the text', () => {
    assert.equal(findDebugLogMessage('Failed HRESULT returned: 0x80070002 at D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\AspNetCore\\applicationinfo.cpp:98 ')?.level, 'ERROR');
    assert.equal(findDebugLogMessage("InvalidOperationException 'Managed server didn't initialize after 120000 ms.' caught at D:\\a\\_work\\inprocessapplication.cpp:233 ")?.level, 'ERROR');
    assert.equal(findDebugLogMessage("Exception 'bad allocation' caught at c:\\b\\w\\handlerresolver.cpp:80 ")?.level, 'ERROR');
    assert.equal(findDebugLogMessage('c:\\b\\w\\1d4a\\src\\servers\\iis\\aspnetcoremodulev2\\aspnetcore\\handlerresolver.cpp:224 Operation failed with LastError: 193 HR: 0x800700c1')?.level, 'ERROR');
    assert.equal(findDebugLogMessage('D:\\a\\_work\\1\\s\\src\\Servers\\IIS\\AspNetCoreModuleV2\\AspNetCore\\globalmodule.h:40 Unhandled non-standard exception')?.level, 'ERROR');
  });

  it('knows the few WARNING messages', () => {
    assert.equal(findDebugLogMessage('Thread reading stdout/err hit timeout, forcibly closing thread.')?.level, 'WARNING');
    assert.equal(findDebugLogMessage('ASPNETCORE_OUTPUT_REDIRECTION_TERMINATION_TIMEOUT_MS must be an integer between 0 and 1800000. Ignoring.')?.level, 'WARNING');
  });

  it('returns undefined for text ANCM does not write', () => {
    for (const text of ['', ' ', 'Hosting environment: Production', 'C:\\Program Files (x86)\\dotnet\\dotnet.exe', "'", 'x.cpp:12', '\u0000\u0000']) {
      assert.equal(findDebugLogMessage(text)?.level, undefined, JSON.stringify(text));
    }
  });

  it('stays fast on a huge line that almost matches', () => {
    const text = `Event Log: 'Application '${"x' with physical root '".repeat(50_000)}`;
    const started = performance.now();
    assert.equal(findDebugLogMessage(text)?.level, undefined);
    assert.ok(performance.now() - started < 100);
  });
});
