import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entriesAsMarkdown, utcOffset } from '../../../client/src/panel/web/markdownExport';

describe('copy as Markdown', () => {
  it('writes one fenced block with the columns and the message, continuation lines indented', () => {
    const text = entriesAsMarkdown({ site: 'site/web.config', filter: 'level ERROR', omitted: 0, timeZone: 'UTC+05:30' }, [
      { time: '2024-01-02 13:04:05.120', level: 'ERROR', source: 'stdout 4752', origin: 'ExceptionHandlerMiddleware', message: 'Unhandled.\n   at A()' },
      { time: '', level: 'INFO', source: 'debug', origin: undefined, message: 'Loading' },
    ]);
    assert.equal(
      text,
      '**ANCM logs** of `site/web.config`: 2 entries, filter: level ERROR; times UTC+05:30.\n\n```text\n' +
        '2024-01-02 13:04:05.120 ERROR stdout 4752 ExceptionHandlerMiddleware: Unhandled.\n       at A()\n' +
        'INFO debug Loading\n```\n',
    );
  });

  it('makes the fence longer than any backticks in the log, so a line cannot close it', () => {
    const text = entriesAsMarkdown({ site: 'w', filter: '', omitted: 3, timeZone: 'UTC' }, [{ time: '', level: 'INFO', source: 'stdout', origin: undefined, message: 'a ```` b' }]);
    assert.ok(text.includes('\n`````text\n'));
    assert.ok(text.endsWith('\n`````\n'));
    assert.match(text, /1 entry \(the newest; 3 earlier ones left out\)/);
  });

  it('names the offset of the local time zone', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      assert.equal(utcOffset(new Date('2024-01-02T00:00:00Z')), 'UTC+05:30');
      process.env.TZ = 'America/New_York';
      assert.equal(utcOffset(new Date('2024-01-02T00:00:00Z')), 'UTC-05:00');
      process.env.TZ = 'UTC';
      assert.equal(utcOffset(new Date('2024-01-02T00:00:00Z')), 'UTC');
    } finally {
      process.env.TZ = zone;
    }
  });
});
