import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWebviewToExtensionMessage } from '../../../server/src/protocol/webviewMessages';

describe('webview messages', () => {
  it('accepts the messages the webview sends', () => {
    assert.ok(isWebviewToExtensionMessage({ type: 'ready' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'chooseWebConfig' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'loadEarlier', sourceId: 'debug' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openRaw', sourceId: 'debug', offset: 120 }));
    assert.ok(isWebviewToExtensionMessage({ type: 'enableStdoutLogging' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openOlderStdout', fileName: 'stdout_20240101120000_1234.log' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openLocation', path: 'C:\\src\\Contoso Web\\Program.cs', line: 22 }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openLocation', path: '/src/x.cs' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openUrl', url: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openUrl', url: 'http://127.0.0.1:19342/orders?id=42' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'copyText', text: 'info: App[0]\n      started' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'allowWithheldLogs' }));
  });

  it('rejects anything else before the extension acts on it', () => {
    for (const message of [
      null,
      'ready',
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'loadEarlier' },
      { type: 'openRaw', sourceId: 'debug', offset: -1 },
      { type: 'openRaw', sourceId: 'debug', offset: 1.5 },
      { type: 'openRaw', sourceId: 'debug', offset: '12' },
      { type: 'openRaw', file: 'C:\\Windows\\win.ini', offset: 0 },
      // An older stdout file is named, never a path.
      { type: 'openOlderStdout' },
      { type: 'openOlderStdout', fileName: '../web.config' },
      { type: 'openOlderStdout', fileName: 'C:\\Windows\\win.ini' },
      { type: 'openOlderStdout', fileName: '/etc/passwd' },
      { type: 'openOlderStdout', fileName: '..' },
      { type: 'openOlderStdout', fileName: 'x'.repeat(256) },
      { type: 'openLocation', path: '' },
      { type: 'openLocation', path: 42 },
      { type: 'openLocation', path: '/src/x.cs', line: 0 },
      { type: 'openLocation', path: '/src/x.cs', line: 2.5 },
      { type: 'openLocation', path: '/src/x\0.cs' },
      { type: 'openLocation', path: 'x'.repeat(40_000) },
      // Only web links: no script, file, command or editor links.
      { type: 'openUrl', url: 'javascript:alert(1)' },
      { type: 'openUrl', url: 'file:///etc/passwd' },
      { type: 'openUrl', url: 'command:workbench.action.terminal.new' },
      { type: 'openUrl', url: 'vscode://vscode.git/clone?url=x' },
      { type: 'openUrl', url: 'https://' },
      { type: 'openUrl', url: 'not a url' },
      { type: 'openUrl', url: `https://x.example/${'a'.repeat(9000)}` },
      { type: 'copyText' },
      { type: 'copyText', text: 7 },
    ]) {
      assert.equal(isWebviewToExtensionMessage(message), false, JSON.stringify(message));
    }
  });
});
