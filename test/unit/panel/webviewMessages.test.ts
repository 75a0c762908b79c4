import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWebviewToExtensionMessage } from '../../../client/src/panel/webviewMessages';

describe('webview messages', () => {
  it('accepts the messages the webview sends', () => {
    assert.ok(isWebviewToExtensionMessage({ type: 'ready' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'chooseWebConfig' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'loadEarlier', sourceId: 'debug' }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openRaw', sourceId: 'debug', offset: 120 }));
    assert.ok(isWebviewToExtensionMessage({ type: 'openRaw', sourceId: 'debug', offset: 120, line: 4 }));
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
      { type: 'openRaw', sourceId: 'debug', offset: 1, line: -3 },
      { type: 'openRaw', file: 'C:\\Windows\\win.ini', offset: 0 },
    ]) {
      assert.equal(isWebviewToExtensionMessage(message), false, JSON.stringify(message));
    }
  });
});
