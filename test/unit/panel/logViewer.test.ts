// The list as a log viewer, in happy-dom: the columns of each row (local time with the date when the day
// changes, level, source, origin), the message without the format's prefix, filter matches marked (also the
// ones a collapsed entry hides), links, the entry menu, and wrapping.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogList, type LogListOptions } from '../../../client/src/panel/web/logList';
import type { LinkTarget } from '../../../client/src/panel/web/logLinks';
import { SHOW_EVERYTHING, type ViewFilter } from '../../../client/src/panel/web/viewModel';
import type { LogEntryMessage, LogSourceInfo } from '../../../server/src/protocol/logs';
import { createDom } from './panelFixtures';

// A zone 5:30 ahead of UTC: local times differ from the logs' UTC times, and 18:30 UTC is local midnight.
process.env.TZ = 'Asia/Kolkata';

const STDOUT: LogSourceInfo = { id: 'stdout:stdout_20240101180000_4752.log', kind: 'stdout', file: '/site/logs/stdout_20240101180000_4752.log', label: 'stdout 2024-01-01 18:00:00 UTC · PID 4752', exists: true, pid: 4752 };
const DEBUG: LogSourceInfo = { id: 'debug', kind: 'debug', file: '/site/logs/aspnetcore-debug.log', label: 'ANCM debug log (aspnetcore-debug.log)', exists: true };
const EVENTS: LogSourceInfo = { id: 'extra:/site/events.xml', kind: 'events', file: '/site/events.xml', label: 'events.xml', exists: true };

/** A Microsoft.Extensions.Logging console entry: `info: Category[id]` then the message indented. */
function mel(level: 'info' | 'fail', category: string, message: string): LogEntryMessage {
  const text = `${level}: ${category}[0]\n${message
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n')}`;
  return { sourceId: STDOUT.id, level: level === 'info' ? 'INFO' : 'ERROR', levelFrom: 'logger', origin: category, pid: 4752, text, message, offset: 0, eventId: 0 };
}

/** An ANCM debug-log line: `[time, PID: n] [dll] message`. */
function debugLine(time: string, message: string, dll = 'aspnetcorev2.dll'): LogEntryMessage {
  return { sourceId: DEBUG.id, level: 'INFO', levelFrom: 'catalog', time, pid: 4242, origin: dll, text: `[${time}, PID: 4242] [${dll}] ${message}`, message, offset: 0 };
}

function setup(options: Partial<LogListOptions> = {}) {
  const dom = createDom();
  const viewport = dom.viewport(400);
  const links: LinkTarget[] = [];
  const menus: string[] = [];
  const list = new LogList({
    viewport,
    rowHeight: 20,
    maxEntries: 10_000,
    onChange: () => undefined,
    onOpenRaw: () => undefined,
    onOpenLink: (target) => links.push(target),
    onContextMenu: (entry) => menus.push(entry.message),
    schedule: (callback) => callback(),
    ...options,
  });
  list.setSources(new Map([STDOUT, DEBUG, EVENTS].map((source) => [source.id, source])));
  const rows = () => [...viewport.querySelectorAll<HTMLElement>('.row')];
  const column = (row: Element, name: string) => row.querySelector(`.${name}`)!.textContent;
  const filter = (changes: Partial<ViewFilter>) => list.setFilter({ ...SHOW_EVERYTHING, ...changes });
  const press = (key: string, init: { shiftKey?: boolean } = {}) => viewport.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key, ...init }) as unknown as Event);
  return { dom, viewport, list, rows, column, filter, press, links, menus };
}

/** The row's message column with [brackets] around the marked text. */
function marked(row: Element): string {
  const text = row.querySelector('.text')!.cloneNode(true) as HTMLElement;
  for (const mark of text.querySelectorAll('mark')) mark.textContent = `[${mark.textContent}]`;
  return text.textContent ?? '';
}

describe('log viewer rows', () => {
  it('shows an MEL entry as its message, with level, source and category as columns', () => {
    const { list, rows, column } = setup();
    list.append([mel('info', 'Microsoft.Hosting.Lifetime', 'Application started. Press Ctrl+C to shut down.')]);
    const [row] = rows();
    assert.equal(column(row, 'text'), 'Application started. Press Ctrl+C to shut down.');
    assert.ok(!row.textContent!.includes('info: Microsoft.Hosting.Lifetime[0]'));
    assert.equal(column(row, 'level'), 'INFO');
    assert.equal(column(row, 'source'), 'stdout 4752');
    assert.equal(column(row, 'origin'), 'Lifetime');
    // stdout's console format writes no time: the column is empty, and takes no room while no entry has one.
    assert.equal(column(row, 'time'), '');
    assert.ok(!list.model.store.at(list.model.seqAt(0)).time);
  });

  it('turns the debug log prefix into columns: local time with the date when the day changes, source with the PID, module', () => {
    const { list, rows, column, viewport } = setup();
    list.append([
      debugLine('2024-01-01T18:00:00.000Z', 'Loading request handler'),
      debugLine('2024-01-01T18:29:59.500Z', 'Adding request. Total Request Count 1', 'aspnetcorev2_inprocess.dll'),
      debugLine('2024-01-01T18:30:00.250Z', 'Removing Request 0', 'aspnetcorev2_inprocess.dll'),
    ]);
    assert.deepEqual(
      rows().map((row) => [column(row, 'time'), column(row, 'source'), column(row, 'origin'), column(row, 'text')]),
      [
        // The first entry shows its date; 23:59:59 is the same day in +05:30; 00:00 local is the next day.
        ['2024-01-01 23:30:00.000', 'debug 4242', 'aspnetcorev2', 'Loading request handler'],
        ['23:59:59.500', 'debug 4242', 'inprocess', 'Adding request. Total Request Count 1'],
        ['2024-01-02 00:00:00.250', 'debug 4242', 'inprocess', 'Removing Request 0'],
      ],
    );
    assert.ok(viewport.classList.contains('with-times') && viewport.classList.contains('with-origins'));
    assert.ok(!viewport.textContent!.includes('PID: 4242'));
  });

  it('compares the day with the entry shown before, across entries without a time and through a filter', () => {
    const { list, rows, column, filter } = setup();
    list.append([debugLine('2024-01-01T10:00:00.000Z', 'first'), mel('info', 'App', 'no time'), debugLine('2024-01-01T11:00:00.000Z', 'second'), debugLine('2024-01-02T10:00:00.000Z', 'next day')]);
    assert.deepEqual(rows().map((row) => column(row, 'time')), ['2024-01-01 15:30:00.000', '', '16:30:00.000', '2024-01-02 15:30:00.000']);
    filter({ text: 'second' });
    // Alone in the list, it is the first entry of its day.
    assert.deepEqual(rows().map((row) => column(row, 'time')), ['2024-01-01 16:30:00.000']);
  });

  it('widens the time column for the date only while a row in view shows one', () => {
    const { list, viewport } = setup();
    const sameDay = Array.from({ length: 100 }, (_, index) => debugLine(new Date(Date.UTC(2024, 0, 1, 10, 0, index)).toISOString(), `request ${index}`));
    list.append(sameDay);
    // Following: the newest rows are in view, the first entry of the day (with its date) is far above.
    assert.equal(viewport.classList.contains('with-dates'), false);
    viewport.scrollTop = 0;
    list.render();
    assert.equal(viewport.classList.contains('with-dates'), true);
  });

  it('names each source by kind and process, never by file or internal id', () => {
    const { list, rows, column } = setup();
    list.append([
      { ...mel('info', 'App', 'from stdout'), pid: undefined },
      { sourceId: EVENTS.id, level: 'ERROR', levelFrom: 'logger', text: 'Application startup failed', message: 'Application startup failed', eventId: 1000, offset: 0 },
      { sourceId: 'older:stdout_20231231000000_11.log', level: 'INFO', levelFrom: 'logger', text: 'an older file', message: 'an older file', pid: 11, offset: 0 },
    ]);
    assert.deepEqual(rows().map((row) => column(row, 'source')), ['stdout 4752', 'events', 'stdout 11']);
  });
});

describe('log viewer highlighting', () => {
  const hiddenMatches = () =>
    mel('fail', 'Contoso.Payments', ['Payment failed for order 42.', 'System.TimeoutException: gateway timeout', '   at Gateway.Charge() in C:\\src\\Pay\\Gateway.cs:line 17', '   retried after timeout', '   at Orders.Submit()'].join('\n'));

  it('marks the matches on the visible line', () => {
    const { list, rows, filter } = setup();
    list.append([mel('info', 'App', 'Request timeout after 30 s; Timeout policy applied')]);
    filter({ text: 'timeout' });
    assert.equal(marked(rows()[0]), 'Request [timeout] after 30 s; [Timeout] policy applied');
    assert.equal(rows()[0].querySelector('.match-hint'), null);
  });

  it('says how many of its collapsed lines hold a match, and marks them once expanded', () => {
    const { list, rows, filter, press } = setup();
    list.append([hiddenMatches()]);
    filter({ text: 'timeout' });
    const [row] = rows();
    assert.equal(marked(row), 'Payment failed for order 42.');
    assert.equal(row.querySelector('.match-hint')!.textContent, 'match in 2 hidden lines');
    assert.equal(row.querySelector('.more')!.textContent, '+4 lines');
    press('Home');
    press('ArrowRight');
    const expanded = rows();
    assert.deepEqual(expanded.map(marked), [
      'Payment failed for order 42.',
      'System.[Timeout]Exception: gateway [timeout]',
      '   at Gateway.Charge() in C:\\src\\Pay\\Gateway.cs:line 17',
      '   retried after [timeout]',
      '   at Orders.Submit()',
      'Contoso.Payments[0]',
    ]);
    assert.ok(expanded[5].classList.contains('details'));
    assert.equal(expanded[0].querySelector('.match-hint'), null);
  });

  it('marks regular expression matches, across the message as the filter reads it', () => {
    const { list, rows, filter } = setup();
    list.append([hiddenMatches()]);
    filter({ text: 'order \\d+|Orders\\.', regex: true });
    assert.equal(marked(rows()[0]), 'Payment failed for [order 42].');
    assert.equal(rows()[0].querySelector('.match-hint')!.textContent, 'match in 1 hidden line');
  });

  it('says when the match is only in the prefix the columns show in short', () => {
    const { list, rows, filter } = setup();
    list.append([mel('info', 'Microsoft.Hosting.Lifetime', 'Application started.')]);
    filter({ text: 'hosting' });
    assert.equal(list.model.visibleCount, 1);
    assert.equal(rows()[0].querySelector('.match-hint')!.textContent, 'match in the prefix');
    filter({ text: 'lifetime' });
    assert.equal(rows()[0].querySelector('.origin mark')!.textContent, 'Lifetime');
    assert.equal(rows()[0].querySelector('.match-hint'), null);
  });

  it('marks nothing for an invalid regular expression, and keeps following', () => {
    const { list, rows, filter } = setup();
    list.append([hiddenMatches()]);
    filter({ text: '(timeout', regex: true });
    assert.match(list.model.filterError ?? '', /Invalid regular expression/);
    assert.equal(rows()[0].querySelectorAll('mark').length, 0);
    assert.equal(rows()[0].querySelector('.match-hint'), null);
    assert.equal(list.follow.mode, 'following');
  });
});

describe('log viewer links, menu and wrapping', () => {
  it('opens a stack frame location or a URL from a click on it', () => {
    const { dom, list, rows, press, links } = setup();
    list.append([mel('fail', 'App', 'Unhandled exception.\n   at Program.Main() in C:\\src\\Contoso Web\\Program.cs:line 22\nSee https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/.')]);
    press('Home');
    press('ArrowRight');
    const click = (element: Element) => element.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }) as unknown as Event);
    click(rows()[1].querySelector('.link')!);
    click(rows()[2].querySelector('.link')!);
    assert.deepEqual(links, [
      { kind: 'location', path: 'C:\\src\\Contoso Web\\Program.cs', line: 22 },
      { kind: 'url', url: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/' },
    ]);
    assert.equal(rows()[1].querySelector('.link')!.textContent, 'C:\\src\\Contoso Web\\Program.cs:line 22');
    assert.deepEqual(list.linksOf(list.model.seqAt(0)), links);
  });

  it('asks for the entry menu on a right click and on the context-menu key, without the browser menu', () => {
    const { dom, list, rows, press, menus } = setup();
    list.append([mel('info', 'App', 'first'), mel('info', 'App', 'second')]);
    const event = new dom.window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 40, clientY: 30 });
    rows()[0].querySelector('.text')!.dispatchEvent(event as unknown as Event);
    assert.equal(event.defaultPrevented, true);
    assert.equal(list.selectedEntry?.message, 'first');
    press('ArrowDown');
    press('F10', { shiftKey: true });
    press('ContextMenu');
    assert.deepEqual(menus, ['first', 'second', 'second']);
  });

  it('wraps an expanded long line to the message column, keeping every row one height', () => {
    const { list, rows, press } = setup({ measureColumns: () => 20 });
    list.onResize();
    list.append([mel('info', 'App', 'Now listening on: http://127.0.0.1:19342 and http://[::1]:19342')]);
    assert.equal(rows().length, 1);
    assert.equal(rows()[0].getAttribute('aria-expanded'), 'false');
    press('Home');
    press('ArrowRight');
    // At a space in the second half of a row, else at the 20th character.
    assert.deepEqual(rows().map((row) => row.querySelector('.text')!.textContent), ['Now listening on: ', 'http://127.0.0.1:193', '42 and http://[::1]:', '19342', 'App[0]']);
    // A link cut by the wrap is a link on both rows.
    assert.deepEqual(
      rows().slice(1, 4).map((row) => [...row.querySelectorAll('.link')].map((link) => `${link.getAttribute('data-link')}:${link.textContent}`)),
      [['0:http://127.0.0.1:193'], ['0:42', '1:http://[::1]:'], ['1:19342']],
    );
  });
});
