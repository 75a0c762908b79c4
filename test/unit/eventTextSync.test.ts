import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventTextDocuments } from '../../client/src/eventTextSync';

const EVENT = 'Log Name: Application\r\nSource: IIS AspNetCore Module V2\r\nEvent ID: 1034\r\n';

describe('which text documents go to the server', () => {
  it('web.config and log languages always; plain text and .log only with ANCM event text', () => {
    const documents = new EventTextDocuments();
    assert.equal(documents.open('file:///a/web.config', 'xml', ''), true);
    assert.equal(documents.open('file:///a/aspnetcore-debug.log', 'ancm-debug-log', ''), true);
    assert.equal(documents.open('file:///a/events.txt', 'plaintext', EVENT), true);
    assert.equal(documents.open('file:///a/notes.txt', 'plaintext', 'buy milk'), false);
    assert.equal(documents.change('file:///a/notes.txt', 'plaintext', () => 'buy bread'), 'skip');
    assert.equal(documents.close('file:///a/notes.txt', 'plaintext'), false, 'never opened there, never closed there');
    assert.equal(documents.change('file:///a/events.txt', 'plaintext', () => ''), 'forward', 'once on the server, every change goes');
    assert.equal(documents.close('file:///a/events.txt', 'plaintext'), true);
  });

  it('opens a document on the server when event text is pasted into it, then forwards its changes', () => {
    const documents = new EventTextDocuments();
    assert.equal(documents.open('untitled:Untitled-1', 'plaintext', ''), false);
    assert.equal(documents.change('untitled:Untitled-1', 'plaintext', () => EVENT), 'openNow');
    assert.equal(documents.change('untitled:Untitled-1', 'plaintext', () => EVENT + 'more'), 'forward');
    assert.equal(documents.close('untitled:Untitled-1', 'plaintext'), true);
  });
});
