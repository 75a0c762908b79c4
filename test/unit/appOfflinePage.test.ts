import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APP_OFFLINE_NAME } from '../../client/src/commands/appOfflineFile';
import { appOfflinePage, isGeneratedAppOfflinePage } from '../../client/src/commands/appOfflinePage';

describe('app_offline.htm', () => {
  it('is the file name ANCM watches for', () => {
    assert.equal(APP_OFFLINE_NAME, 'app_offline.htm');
  });

  it('tells our page, even re-saved with CRLF, from a page the user wrote', () => {
    const page = appOfflinePage();
    assert.match(page, /<title>Down for maintenance<\/title>/);
    assert.ok(isGeneratedAppOfflinePage(page));
    assert.ok(isGeneratedAppOfflinePage(page.replace(/\n/g, '\r\n')));
    assert.ok(!isGeneratedAppOfflinePage('<html><body>Back soon!</body></html>'));
  });
});
