import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContextMenu, SEPARATOR } from '../../../client/src/panel/web/contextMenu';
import { createDom } from './panelFixtures';

function setup() {
  const dom = createDom();
  const list = dom.viewport(400);
  list.tabIndex = 0;
  const ran: string[] = [];
  const menu = new ContextMenu(dom.document);
  const open = () =>
    menu.open('Entry actions', [{ label: 'Copy Entry', run: () => ran.push('copy') }, SEPARATOR, { label: 'Show Only PID 42', run: () => ran.push('pid') }, { label: 'Open Raw File', run: () => ran.push('raw') }], { x: 10, y: 10 }, list);
  const key = (key: string) => dom.document.activeElement!.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key, bubbles: true }) as unknown as Event);
  const focused = () => dom.document.activeElement?.textContent;
  return { dom, list, menu, open, key, focused, ran };
}

describe('context menu', () => {
  it('is a menu of items, the first focused, reachable with the arrow keys, Home and End', () => {
    const { dom, open, key, focused } = setup();
    open();
    const element = dom.document.querySelector('[role="menu"]')!;
    assert.equal(element.getAttribute('aria-label'), 'Entry actions');
    assert.deepEqual([...element.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent), ['Copy Entry', 'Show Only PID 42', 'Open Raw File']);
    assert.equal(focused(), 'Copy Entry');
    key('ArrowDown');
    assert.equal(focused(), 'Show Only PID 42');
    key('End');
    assert.equal(focused(), 'Open Raw File');
    key('ArrowDown');
    assert.equal(focused(), 'Copy Entry');
    key('ArrowUp');
    assert.equal(focused(), 'Open Raw File');
  });

  it('runs the item chosen with Enter, closes, and gives focus back to the list', () => {
    const { dom, list, menu, open, key, ran } = setup();
    open();
    key('ArrowDown');
    key('Enter');
    assert.deepEqual(ran, ['pid']);
    assert.equal(menu.isOpen, false);
    assert.equal(dom.document.querySelector('.context-menu'), null);
    assert.equal(dom.document.activeElement, list);
  });

  it('closes with Escape without running anything, and runs an item clicked', () => {
    const { dom, menu, open, key, ran } = setup();
    open();
    key('Escape');
    assert.equal(menu.isOpen, false);
    assert.deepEqual(ran, []);
    open();
    (dom.document.querySelectorAll('[role="menuitem"]')[2] as HTMLElement).click();
    assert.deepEqual(ran, ['raw']);
  });
});
