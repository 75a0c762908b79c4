import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualList, visibleWindow } from '../../../client/src/panel/web/virtualList';
import { createDom } from './panelFixtures';

describe('virtual list', () => {
  it('computes the rows in view, widened by the overscan and kept within the list', () => {
    assert.deepEqual(visibleWindow(0, 400, 20, 100_000, 5), { first: 0, end: 25 });
    assert.deepEqual(visibleWindow(1000, 400, 20, 100_000, 5), { first: 45, end: 75 });
    assert.deepEqual(visibleWindow(1_999_600, 400, 20, 100_000, 5), { first: 99_975, end: 100_000 });
    assert.deepEqual(visibleWindow(0, 400, 20, 3, 5), { first: 0, end: 3 });
  });

  it('puts only the window into the DOM, positioned where the viewport looks', () => {
    const dom = createDom();
    const viewport = dom.viewport(400);
    let rendered = 0;
    const list = new VirtualList(viewport, 20, (row) => {
      rendered++;
      const element = dom.document.createElement('div');
      element.className = 'row';
      element.textContent = String(row);
      return element;
    }, 8);
    list.setRowCount(100_000);
    list.scrollTop = 50_000 * 20;
    const window = list.render();
    assert.deepEqual(window, { first: 49_992, end: 50_028 });
    assert.equal(viewport.querySelectorAll('.row').length, 36);
    assert.equal(rendered, 36);
    assert.equal(viewport.querySelector<HTMLElement>('.virtual-spacer')!.style.height, '2000000px');
    assert.equal(viewport.querySelector<HTMLElement>('.virtual-rows')!.style.transform, 'translateY(999840px)');
  });

  it('scrolls as little as needed to reveal a row, and knows when it is at the bottom', () => {
    const dom = createDom();
    const list = new VirtualList(dom.viewport(400), 20, () => dom.document.createElement('div'));
    list.setRowCount(1000);
    list.reveal(100);
    assert.equal(list.scrollTop, 101 * 20 - 400);
    list.reveal(50);
    assert.equal(list.scrollTop, 50 * 20);
    assert.equal(list.isAtBottom(), false);
    list.scrollTop = 1_000_000;
    assert.equal(list.scrollTop, 1000 * 20 - 400);
    assert.equal(list.isAtBottom(), true);
  });
});
