import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDebugLevel, parseDebugLevel } from '../../server/src/ancm/debugLevel';

describe('parseDebugLevel reads the value as ANCM does', () => {
  it('FILE,TRACE logs everything to the file', () => {
    const parsed = parseDebugLevel('FILE,TRACE');
    assert.equal(parsed.level, 'TRACE');
    assert.deepEqual(parsed.sinks, ['FILE']);
    assert.equal(parsed.flags, 0x2f);
  });

  it('does not trim: in "FILE, TRACE" the TRACE token is ignored and ANCM falls back to INFO', () => {
    const parsed = parseDebugLevel('FILE, TRACE');
    assert.equal(parsed.level, 'INFO');
    assert.equal(parsed.infoImplied, true);
    const trace = parsed.tokens[1];
    assert.equal(trace.text, ' TRACE');
    assert.equal(trace.problem, 'leadingWhitespace');
    assert.equal(trace.intended, 'TRACE');
    assert.deepEqual([trace.start, trace.end], [5, 11]);
    assert.equal(parseDebugLevel('FILE, warn').tokens[1].intended, 'WARNING');
  });

  it('a trailing space is harmless: the keyword is still a prefix of the token', () => {
    assert.equal(parseDebugLevel('TRACE ,FILE').level, 'TRACE');
  });

  it('matches case-insensitively and by prefix, but not abbreviations', () => {
    assert.equal(parseDebugLevel('file,errors').level, 'ERROR');
    assert.equal(parseDebugLevel('FILE,warn').level, 'INFO');
    assert.equal(parseDebugLevel('FILE,warn').tokens[1].intended, 'WARNING');
    assert.equal(parseDebugLevel('warning').level, 'WARNING');
  });

  it('ignores numeric levels (removed before ANCM 2.2 shipped)', () => {
    const parsed = parseDebugLevel('4');
    assert.equal(parsed.level, undefined);
    assert.equal(parsed.tokens[0].problem, 'numeric');
  });

  it('splits on commas only and reports empty tokens; no token after a trailing comma', () => {
    assert.deepEqual(parseDebugLevel('FILE;TRACE').tokens.map((token) => token.keyword), ['FILE']);
    assert.deepEqual(parseDebugLevel('a,,TRACE').tokens.map((token) => token.problem), ['unknown', 'empty', undefined]);
    assert.equal(parseDebugLevel('FILE,TRACE,').tokens.length, 2);
    assert.equal(parseDebugLevel('').tokens.length, 0);
  });

  it('a level with no sink logs only to the debugger (and a debugFile when set)', () => {
    const parsed = parseDebugLevel('INFO');
    assert.equal(parsed.level, 'INFO');
    assert.deepEqual(parsed.sinks, []);
  });

  it('levels are cumulative: the most verbose one wins', () => {
    assert.equal(parseDebugLevel('ERROR,TRACE,FILE').level, 'TRACE');
  });

  it('formats the normalized value', () => {
    assert.equal(formatDebugLevel('TRACE', ['FILE']), 'FILE,TRACE');
    assert.equal(formatDebugLevel(undefined, ['EVENTLOG']), 'EVENTLOG');
  });
});
