import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listStatus, stdoutOffNotice, withheldNotice } from '../../../client/src/panel/web/listStatus';
import type { LogSourceInfo, SiteLogsStatus } from '../../../server/src/protocol/logs';

const SITE: SiteLogsStatus = { stdoutEnabled: true, stdoutPattern: 'logs/stdout_*.log', stdoutFolder: 'logs', stdoutFolderExists: true, debugLog: 'logs/aspnetcore-debug.log', withheld: [] };
const STDOUT: LogSourceInfo = { id: 'stdout:stdout_1.log', kind: 'stdout', file: '/s/logs/stdout_1.log', label: 'stdout', exists: true };

describe('what the empty list says', () => {
  it('offers Enable while stdout logging is off', () => {
    const status = listStatus({ held: 0, shown: 0, site: { ...SITE, stdoutEnabled: false }, sources: [] });
    assert.equal(status?.text, 'stdout logging is off —');
    assert.deepEqual(status?.actions, [{ label: 'Enable', action: 'enableStdoutLogging' }]);
    assert.equal(status?.detail, 'The debug log (logs/aspnetcore-debug.log) has no entries yet.');
    const nothing = listStatus({ held: 0, shown: 0, site: { ...SITE, stdoutEnabled: false, debugLog: undefined }, sources: [] });
    assert.deepEqual(nothing?.actions.map((action) => action.label), ['Enable', 'Choose web.config…']);
  });

  it('says where it waits for the stdout files, and why they are not there yet', () => {
    assert.equal(listStatus({ held: 0, shown: 0, site: SITE, sources: [] })?.text, 'Waiting for logs/stdout_*.log (the folder exists, no worker has started yet).');
    assert.equal(
      listStatus({ held: 0, shown: 0, site: { ...SITE, stdoutFolderExists: false }, sources: [] })?.text,
      'Waiting for logs/stdout_*.log (ANCM creates the folder logs when a worker process starts).',
    );
    assert.match(listStatus({ held: 0, shown: 0, site: SITE, sources: [STDOUT] })?.text ?? '', /the log files are empty/);
  });

  it('offers Show All when the filter hides everything, and says nothing while entries show', () => {
    assert.deepEqual(listStatus({ held: 1200, shown: 0, site: SITE, sources: [STDOUT] }), { text: 'All 1,200 entries are hidden by the filter.', actions: [{ label: 'Show All', action: 'showAll' }] });
    assert.equal(listStatus({ held: 5, shown: 5, site: { ...SITE, stdoutEnabled: false }, sources: [] }), undefined);
  });

  it('keeps saying stdout logging is off above a list of other entries', () => {
    assert.match(stdoutOffNotice({ ...SITE, stdoutEnabled: false }, 3) ?? '', /stdout logging is off/);
    assert.equal(stdoutOffNotice(SITE, 3), undefined);
    assert.equal(stdoutOffNotice({ ...SITE, stdoutEnabled: false }, 0), undefined);
  });
});

describe('the notice about logs not read', () => {
  it('says which setting named which path and why, and offers Read… only when the user may agree', () => {
    assert.equal(withheldNotice(SITE), undefined);
    const restricted = withheldNotice({ ...SITE, withheld: [{ setting: 'debugFile', configured: '\\\\evil\\x.log', path: '/evil/x.log', reason: 'network', askable: false }] });
    assert.deepEqual(restricted, { text: 'Restricted Mode reads only the logs inside the site. Not read — debugFile "\\\\evil\\x.log": a network path.', canAsk: false });
    const trusted = withheldNotice({ ...SITE, withheld: [{ setting: 'ancm.logs.extraFiles', configured: '/var/log/x.log', path: '/var/log/x.log', reason: 'outside-workspace', askable: true }] });
    assert.deepEqual(trusted, { text: 'Not read until you allow it — ancm.logs.extraFiles "/var/log/x.log": outside the workspace.', canAsk: true });
  });
});
