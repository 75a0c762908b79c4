import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FilterSyntaxError, createEntryFilter, levelShows, parseLevel } from '../../server/src/protocol/entryFilter';
import type { AncmLevel } from '../../server/src/protocol/levels';

const entries: { level: AncmLevel; text: string }[] = [
  { level: 'ERROR', text: "[aspnetcorev2.dll] Failed HRESULT returned: 0x8007023e at dllmain.cpp:131" },
  { level: 'WARNING', text: 'warn: Microsoft.AspNetCore.HttpsPolicy[3]\n      Failed to determine the https port for redirect.' },
  { level: 'INFO', text: 'info: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.' },
  { level: 'TRACE', text: '[aspnetcorev2_outofprocess.dll] FORWARDING_HANDLER::FORWARDING_HANDLER' },
];

function shown(options: Parameters<typeof createEntryFilter>[0]): AncmLevel[] {
  const keep = createEntryFilter(options);
  return entries.filter(keep).map((entry) => entry.level);
}

describe('entry filter', () => {
  it('levels are cumulative, as in ANCM: TRACE shows everything, ERROR only errors', () => {
    assert.deepEqual(shown({ level: 'TRACE' }), ['ERROR', 'WARNING', 'INFO', 'TRACE']);
    assert.deepEqual(shown({ level: 'INFO' }), ['ERROR', 'WARNING', 'INFO']);
    assert.deepEqual(shown({ level: 'WARNING' }), ['ERROR', 'WARNING']);
    assert.deepEqual(shown({ level: 'ERROR' }), ['ERROR']);
    assert.deepEqual(shown({}), ['ERROR', 'WARNING', 'INFO', 'TRACE']);
    assert.equal(levelShows('INFO', 'TRACE'), false);
  });

  it('matches text case-insensitively over the whole entry, continuation lines included', () => {
    assert.deepEqual(shown({ text: 'failed' }), ['ERROR', 'WARNING']);
    assert.deepEqual(shown({ text: 'HTTPS PORT' }), ['WARNING']);
    assert.deepEqual(shown({ text: 'failed', level: 'ERROR' }), ['ERROR']);
    assert.deepEqual(shown({ text: '[0]' }), ['INFO'], 'regex characters are literal in substring mode');
  });

  it('runs regular expressions in linear time, so a catastrophic pattern cannot stall', { timeout: 10_000 }, () => {
    assert.deepEqual(shown({ text: '0x8007[0-9a-f]{4}', regex: true }), ['ERROR']);
    const keep = createEntryFilter({ text: '(a+)+$', regex: true });
    assert.equal(keep({ level: 'INFO', text: 'a'.repeat(100_000) + '!' }), false);
  });

  it('reports a pattern that does not compile with a clear error', () => {
    assert.throws(() => createEntryFilter({ text: '(unclosed', regex: true }), (error: unknown) => error instanceof FilterSyntaxError && /Invalid regular expression "\(unclosed"/.test(error.message));
  });

  it('reads level names the way users type them', () => {
    assert.equal(parseLevel('warning'), 'WARNING');
    assert.equal(parseLevel('Warn'), 'WARNING');
    assert.equal(parseLevel(' trace '), 'TRACE');
    assert.equal(parseLevel('verbose'), undefined);
  });
});
