import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortOrigin, sourceLabel } from '../../../client/src/panel/web/sourceLabel';
import type { LogSourceInfo } from '../../../server/src/protocol/logs';
import { entry } from './panelFixtures';

describe('source and origin columns', () => {
  it('names the source by kind and process', () => {
    const stdout: LogSourceInfo = { id: 'stdout:stdout_20240101000000_4752.log', kind: 'stdout', file: '/l/stdout_20240101000000_4752.log', label: 'x', exists: true, pid: 4752 };
    const events: LogSourceInfo = { id: 'extra:/l/app.evtx.xml', kind: 'events', file: '/l/app.evtx.xml', label: 'app.evtx.xml', exists: true };
    assert.equal(sourceLabel(stdout, entry('INFO', 'a', stdout.id)), 'stdout 4752');
    assert.equal(sourceLabel(undefined, { ...entry('INFO', 'a', 'debug'), pid: 42 }), 'debug 42');
    assert.equal(sourceLabel(undefined, entry('INFO', 'a', 'debug')), 'debug');
    assert.equal(sourceLabel(events, { ...entry('INFO', 'a', events.id), pid: 9 }), 'events');
    // Never an internal id, even for a source the panel was not told about.
    assert.equal(sourceLabel(undefined, entry('INFO', 'a', 'extra:/secret/path.log')), 'log');
  });

  it('shortens the origin: a dll to its name without .dll (the handlers to their kind), a category to its last part', () => {
    assert.equal(shortOrigin('aspnetcorev2.dll'), 'aspnetcorev2');
    assert.equal(shortOrigin('aspnetcorev2_inprocess.dll'), 'inprocess');
    assert.equal(shortOrigin('aspnetcorev2_outofprocess.dll'), 'outofprocess');
    assert.equal(shortOrigin('aspnetcore.dll'), 'aspnetcore');
    assert.equal(shortOrigin('Microsoft.AspNetCore.Hosting.Diagnostics'), 'Diagnostics');
    assert.equal(shortOrigin('Program'), 'Program');
    assert.equal(shortOrigin(undefined), '');
  });
});
