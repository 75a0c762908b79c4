// The client's side of the edit requests, against a fake connection: a stale answer is asked again with the
// document's version at that moment, and a server that is not running gives a plain reason, never a throw.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EDIT_ATTEMPTS, ServerRequests, type LanguageServerConnection } from '../../client/src/serverRequests';
import type { WebConfigEditParams, WebConfigEditResult } from '../../server/src/protocol/edits';
import { HOSTING_MODEL_STATE_REQUEST, WEB_CONFIG_EDIT_REQUEST } from '../../server/src/protocol/requests';

const URI = 'file:///srv/site/web.config';

/** A document whose version moves on by one each time the server answers stale (the user typing). */
function typingDocument() {
  return { uri: { toString: () => URI }, version: 1 };
}

function fakeConnection(answer: (method: string, params: unknown) => unknown, running = true): LanguageServerConnection & { readonly sent: { method: string; params: unknown }[] } {
  const sent: { method: string; params: unknown }[] = [];
  return {
    sent,
    sendRequest: (async (type: { method: string }, params: unknown) => {
      sent.push({ method: type.method, params });
      return answer(type.method, params);
    }) as LanguageServerConnection['sendRequest'],
    isRunning: () => running,
  };
}

describe('ServerRequests', () => {
  it('sends the action with the uri, version and cursor, and returns the edits', async () => {
    const edits: WebConfigEditResult = { edits: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } }, newText: 'x' }], version: 1, hostingModel: 'inprocess' };
    const connection = fakeConnection(() => edits);
    const result = await new ServerRequests(connection).computeEdit(typingDocument(), { action: 'setHostingModel', arg: 'inprocess' }, { line: 3, character: 5 });
    assert.deepEqual(result, edits);
    assert.deepEqual(connection.sent, [{ method: WEB_CONFIG_EDIT_REQUEST.method, params: { action: 'setHostingModel', arg: 'inprocess', uri: URI, version: 1, position: { line: 3, character: 5 } } }]);
  });

  it('asks again with the current version after a stale answer', async () => {
    const document = typingDocument();
    const connection = fakeConnection((_, params) => {
      const { version } = params as WebConfigEditParams;
      if (version < 3) {
        document.version++;
        return { cannot: 'changed', stale: true };
      }
      return { edits: [], version };
    });
    const result = await new ServerRequests(connection).computeEdit(document, { action: 'enableStdoutLogging' });
    assert.deepEqual(result, { edits: [], version: 3 });
    assert.deepEqual(connection.sent.map(({ params }) => (params as WebConfigEditParams).version), [1, 2, 3]);
  });

  it(`gives up after ${MAX_EDIT_ATTEMPTS} stale answers with the server's reason`, async () => {
    const document = typingDocument();
    const connection = fakeConnection(() => {
      document.version++;
      return { cannot: 'web.config changed while the edit was being computed: run the command again.', stale: true };
    });
    const result = await new ServerRequests(connection).computeEdit(document, { action: 'disableDebugLog' });
    assert.deepEqual(result, { cannot: 'web.config changed while the edit was being computed: run the command again.', stale: true });
    assert.equal(connection.sent.length, MAX_EDIT_ATTEMPTS);
  });

  it('does not ask again for a reason that is not stale', async () => {
    const connection = fakeConnection(() => ({ cannot: 'The <aspNetCore> start tag is not closed yet.' }));
    const result = await new ServerRequests(connection).computeEdit(typingDocument(), { action: 'toggleHostingModel' });
    assert.deepEqual(result, { cannot: 'The <aspNetCore> start tag is not closed yet.' });
    assert.equal(connection.sent.length, 1);
  });

  it('says plainly that the server is not running instead of throwing', async () => {
    const stopped = fakeConnection(() => {
      throw new Error('Client is not running');
    }, false);
    const result = await new ServerRequests(stopped).computeEdit(typingDocument(), { action: 'toggleHostingModel' });
    assert.ok('cannot' in result);
    assert.match(result.cannot, /^The ANCM language server is not running \(Client is not running\)/);
    assert.equal(await new ServerRequests(stopped).hostingModelState(typingDocument()), null, 'the status bar hides');

    const failing = fakeConnection(() => {
      throw new Error('Request ancm/webConfig/edit failed.');
    });
    const failed = await new ServerRequests(failing).computeEdit(typingDocument(), { action: 'toggleHostingModel' });
    assert.deepEqual(failed, { cannot: 'The ANCM language server did not answer (Request ancm/webConfig/edit failed.).' });
  });

  it('asks the hosting model state with the cursor', async () => {
    const connection = fakeConnection(() => ({ version: 1, state: { kind: 'mixed' } }));
    assert.deepEqual(await new ServerRequests(connection).hostingModelState(typingDocument(), { line: 0, character: 1 }), { version: 1, state: { kind: 'mixed' } });
    assert.deepEqual(connection.sent, [{ method: HOSTING_MODEL_STATE_REQUEST.method, params: { uri: URI, position: { line: 0, character: 1 } } }]);
  });
});
