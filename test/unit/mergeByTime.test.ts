import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeByTime } from '../../server/src/logs/mergeByTime';

const entry = (text: string, time?: string) => ({ text, time });

describe('merging logs by time', () => {
  it('interleaves timed entries and keeps each log in its own order', () => {
    const debug = { startTime: undefined, entries: [entry('d1', '2024-01-01T12:00:01.000Z'), entry('d2', '2024-01-01T12:00:03.000Z'), entry('d2 continued')] };
    const stdout = { startTime: '2024-01-01T12:00:00.000Z', entries: [entry('s1'), entry('s2', '2024-01-01T12:00:02.000Z'), entry('s3')] };
    assert.deepEqual(mergeByTime([debug, stdout]).map((item) => item.text), ['s1', 'd1', 's2', 's3', 'd2', 'd2 continued']);
  });

  it('puts a log with no times at all first, whole, and handles empty input', () => {
    const untimed = { startTime: undefined, entries: [entry('u1'), entry('u2')] };
    const timed = { startTime: undefined, entries: [entry('t1', '2024-01-01T00:00:00.000Z')] };
    assert.deepEqual(mergeByTime([timed, untimed]).map((item) => item.text), ['u1', 'u2', 't1']);
    assert.deepEqual(mergeByTime([]), []);
  });
});
