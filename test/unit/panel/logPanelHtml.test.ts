import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, logPanelHtml } from '../../../client/src/panel/logPanelHtml';
import { createDom } from './panelFixtures';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('log panel page', () => {
  const nonce = createNonce();
  const html = logPanelHtml({
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: `${CSP_SOURCE}/ext/dist/logPanel.js`,
    styleUris: [`${CSP_SOURCE}/ext/dist/codicons/codicon.css`, `${CSP_SOURCE}/ext/dist/logPanel.css`],
  });

  it('has a strict content security policy: nothing inline, the script by nonce, resources only from the extension', () => {
    const policy = contentSecurityPolicy(CSP_SOURCE, nonce);
    assert.equal(policy, `default-src 'none'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; img-src ${CSP_SOURCE}; script-src 'nonce-${nonce}'`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads one script, with the nonce, and no inline script, style or handler', () => {
    const { document } = createDom();
    document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>|<\/html>\s*$/g, '');
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    assert.equal(policy, contentSecurityPolicy(CSP_SOURCE, nonce));
    const scripts = [...document.querySelectorAll('script')];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].getAttribute('nonce'), nonce);
    assert.equal(scripts[0].textContent, '');
    assert.equal(document.querySelectorAll('style, [style]').length, 0);
    for (const element of document.querySelectorAll('*')) {
      assert.ok(element.getAttributeNames().every((name) => !name.startsWith('on')), element.tagName);
    }
  });

  it('makes a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    assert.equal(Buffer.from(createNonce(), 'base64').length, 16);
  });
});
