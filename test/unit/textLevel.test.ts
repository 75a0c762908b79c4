// Levels from what a text says: ANCM's and the host's failure messages are ERROR wherever they appear.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_LOG_MESSAGES } from '../../server/src/ancm/debugLogCatalog';
import { FAILURE_PHRASES, isFailureMessage } from '../../server/src/ancm/failureMessages';
import { levelFromText } from '../../server/src/logs/textLevel';

describe('failure messages', () => {
  it("knows every error event of ANCM's catalog by a phrase of its template", () => {
    const errorEvents = EVENT_LOG_MESSAGES.filter((message) => message.eventType === 'error');
    for (const event of errorEvents) {
      const sample = event.format.replace(/%[-+ #0]*\d*(?:\.\d+)?(?:l|h|ll)?[sSdiuxXc]/g, 'VALUE');
      assert.ok(isFailureMessage(`prefix ${sample}`), event.format);
    }
    // Information and warning events are no failure.
    assert.equal(isFailureMessage("Application '/LM/W3SVC/1/ROOT' started successfully."), false);
    for (const phrase of FAILURE_PHRASES) assert.ok(String(phrase.text).length >= 15, `too short to be distinctive: ${String(phrase.text)}`);
  });

  it('finds the host messages in the middle of a capture', () => {
    for (const text of [
      "First 30KB characters of captured stdout and stderr logs:\nIt was not possible to find any compatible framework version\nThe framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.",
      "The framework 'Microsoft.NETCore.App', version '6.0.0' (x64) was not found.",
      "InvalidOperationException 'CLR worker thread exited prematurely' caught at dllmain.cpp:131",
      "A process serving application pool 'SSO' terminated unexpectedly. The process id was '11960'. The process exit code was '0xc0000409'.",
      "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\site\\' hit unexpected managed exception, exception code = '0xe0434352'.",
      "Managed server didn't initialize after 120000 ms.",
    ]) {
      assert.equal(levelFromText(text), 'ERROR', text);
    }
  });
});

describe('levels from words', () => {
  it('reads failure, warning and server-error words, and nothing else', () => {
    assert.equal(levelFromText('Request ended: http://localhost:50948/HelloWorld with HTTP status 500.30'), 'ERROR');
    assert.equal(levelFromText('Request ended: http://localhost:50948/HelloWorld with HTTP status 200'), 'INFO');
    assert.equal(levelFromText('Warning: Could not create stdoutLogFile \\?\\C:\\logs\\stdout.log, ErrorCode = -2147024893.'), 'WARNING');
    assert.equal(levelFromText('Waiting for all LISTENER_CHANNELS to stop'), 'INFO');
    assert.equal(levelFromText(''), 'INFO');
  });

  it('is linear on long hostile text', () => {
    // A pattern with nested repetition would take minutes here; the whole test runs in milliseconds.
    const text = `${"The framework '".repeat(20_000)}${' '.repeat(100_000)}`;
    assert.equal(levelFromText(text), 'INFO');
    assert.equal(isFailureMessage(`terminated unexpectedly${' x'.repeat(50_000)}`), false);
  });
});
