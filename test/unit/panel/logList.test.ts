import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogEntryMessage } from '../../../server/src/protocol/logs';
import { LogList } from '../../../client/src/panel/web/logList';
import { SHOW_EVERYTHING } from '../../../client/src/panel/web/viewModel';
import { createDom, entries, entry } from './panelFixtures';

const ROW_HEIGHT = 20;
const VIEWPORT_HEIGHT = 400;

function setup(maxEntries = 200_000) {
  const dom = createDom();
  const viewport = dom.viewport(VIEWPORT_HEIGHT);
  const opened: LogEntryMessage[] = [];
  const list = new LogList({
    viewport,
    rowHeight: ROW_HEIGHT,
    maxEntries,
    onChange: () => undefined,
    onOpenRaw: (opened_) => opened.push(opened_),
    // Render at once: the test looks at the DOM right after each change.
    schedule: (callback) => callback(),
  });
  const rows = () => [...viewport.querySelectorAll('.row')];
  const rowTexts = () => rows().map((row) => row.querySelector('.text')!.textContent);
  /** What a user's scroll does: move, then the browser fires `scroll`. */
  const userScroll = (top: number) => {
    viewport.scrollTop = top;
    viewport.dispatchEvent(new dom.window.Event('scroll') as unknown as Event);
  };
  const press = (key: string) => viewport.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key }) as unknown as Event);
  return { dom, viewport, list, opened, rows, rowTexts, userScroll, press };
}

describe('log list', () => {
  it('renders only the rows in view for 100,000 entries', () => {
    const { list, rows, rowTexts, viewport } = setup();
    list.append(entries(100_000));
    assert.equal(list.rowCount, 100_000);
    // 20 rows fit; a few more either side at most.
    assert.ok(rows().length >= VIEWPORT_HEIGHT / ROW_HEIGHT && rows().length <= 40, `${rows().length} rows rendered`);
    // Following: the newest entry is at the bottom.
    assert.equal(rowTexts().at(-1), 'entry 99999');
    assert.equal(viewport.scrollTop, 100_000 * ROW_HEIGHT - VIEWPORT_HEIGHT);
  });

  it('pauses when the user scrolls up, keeps the view still as entries arrive, counts them, and resumes at the bottom', () => {
    const { list, userScroll, viewport, rowTexts } = setup();
    list.append(entries(1000));
    userScroll(200 * ROW_HEIGHT);
    assert.equal(list.follow.mode, 'paused');
    const before = rowTexts();
    list.append(entries(50, 'stdout:a.log', 1000));
    assert.equal(viewport.scrollTop, 200 * ROW_HEIGHT);
    assert.deepEqual(rowTexts(), before);
    assert.equal(list.follow.newWhilePaused, 50);
    userScroll(1050 * ROW_HEIGHT - VIEWPORT_HEIGHT);
    assert.equal(list.follow.mode, 'following');
    list.append(entries(1, 'stdout:a.log', 1050));
    assert.equal(rowTexts().at(-1), 'entry 1050');
  });

  it('counts only the new entries the filter shows while paused', () => {
    const { list, userScroll } = setup();
    list.append(entries(1000));
    list.setFilter({ ...SHOW_EVERYTHING, level: 'ERROR' });
    userScroll(0);
    list.append(entries(40, 'stdout:a.log', 1000));
    assert.equal(list.follow.newWhilePaused, 10);
  });

  it('keeps the entry at the top in place while paused, when the cap pushes old entries out above it', () => {
    const { list, userScroll, rowTexts } = setup(1000);
    list.append(entries(1000));
    userScroll(500 * ROW_HEIGHT);
    const top = rowTexts()[8]; // the first rows rendered are the overscan above the viewport
    list.append(entries(100, 'stdout:a.log', 1000));
    assert.equal(list.model.store.firstSeq, 100);
    assert.equal(rowTexts()[8], top);
    assert.equal(list.follow.mode, 'paused');
  });

  it('keeps following when the list gets shorter under it: an invalid regular expression being typed never pauses Follow', () => {
    const dom = createDom();
    let height = VIEWPORT_HEIGHT;
    const viewport = dom.document.createElement('div');
    Object.defineProperty(viewport, 'clientHeight', { get: () => height });
    dom.document.body.append(viewport);
    const list = new LogList({ viewport, rowHeight: ROW_HEIGHT, maxEntries: 10_000, onChange: () => undefined, onOpenRaw: () => undefined, schedule: (callback) => callback() });
    list.append(entries(1000));
    list.setFilter({ ...SHOW_EVERYTHING, text: '(entry', regex: true });
    assert.ok(list.model.filterError);
    // The message about the expression takes room (as it did above the list): the view is now above the bottom,
    // though nobody scrolled, and the browser reports the panel's last scroll.
    height -= 30;
    viewport.dispatchEvent(new dom.window.Event('scroll') as unknown as Event);
    assert.equal(list.follow.mode, 'following');
    assert.equal(viewport.scrollTop, 1000 * ROW_HEIGHT - height);
    list.append(entries(1, 'stdout:a.log', 1000));
    assert.equal(viewport.querySelector('.row:last-child .text')!.textContent, 'entry 1000');
    // A scroll up by the user still pauses.
    viewport.scrollTop -= 200;
    viewport.dispatchEvent(new dom.window.Event('scroll') as unknown as Event);
    assert.equal(list.follow.mode, 'paused');
  });

  it('resumes with the Follow button, and jumps to the newest entry', () => {
    const { list, userScroll, viewport } = setup();
    list.append(entries(1000));
    userScroll(0);
    list.toggleFollow();
    assert.equal(list.follow.mode, 'following');
    assert.equal(viewport.scrollTop, 1000 * ROW_HEIGHT - VIEWPORT_HEIGHT);
  });

  it('moves the selection with the arrow keys and opens the raw file with Enter', () => {
    const { list, press, opened, viewport } = setup();
    list.append(entries(100));
    press('End');
    press('ArrowUp');
    press('ArrowUp');
    press('Enter');
    assert.equal(opened.length, 1);
    assert.equal(opened[0].text, 'entry 97');
    assert.equal(viewport.getAttribute('aria-activedescendant'), `entry-${list.model.seqAt(97)}`);
    assert.equal(viewport.querySelector('.row.selected .text')!.textContent, 'entry 97');
    press('Home');
    assert.equal(list.selectedEntry?.text, 'entry 0');
    assert.equal(viewport.scrollTop, 0);
    // Selecting away from the bottom scrolled up: follow paused itself.
    assert.equal(list.follow.mode, 'paused');
  });

  it('expands a multi-line entry into rows and collapses it again', () => {
    const { list, press, rowTexts, rows } = setup();
    list.append([entry('ERROR', 'Unhandled exception.\n   at A()\n   at B()'), entry('INFO', 'next')]);
    press('Home');
    assert.deepEqual(rowTexts(), ['Unhandled exception.', 'next']);
    press('ArrowRight');
    assert.equal(list.rowCount, 4);
    assert.deepEqual(rowTexts(), ['Unhandled exception.', '   at A()', '   at B()', 'next']);
    assert.equal(rows()[0].getAttribute('aria-expanded'), 'true');
    press('ArrowLeft');
    assert.equal(list.rowCount, 2);
  });

  it('clears the view and follows again', () => {
    const { list, userScroll, rows } = setup();
    list.append(entries(500));
    userScroll(0);
    list.clear();
    assert.equal(rows().length, 0);
    assert.equal(list.model.store.length, 0);
    assert.equal(list.follow.mode, 'following');
  });

  it('renders hostile entries as text', () => {
    const { list, viewport } = setup();
    list.append([entry('ERROR', '<img src=x onerror=alert(1)>'), entry('INFO', '</script><script>alert(1)</script>\n<iframe>')]);
    list.append([entry('TRACE', 'x'.repeat(100_000))]);
    assert.equal(viewport.querySelector('img, script, iframe'), null);
    assert.ok(viewport.textContent!.includes('<img src=x onerror=alert(1)>'));
  });
});
