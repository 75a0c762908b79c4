import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RowContent, renderRow } from '../../../client/src/panel/web/rowView';
import { createDom, entry } from './panelFixtures';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(document.cookie)</script>',
  '<svg onload=alert(1)><a href="javascript:alert(1)">x</a>',
  '&lt;b&gt;not bold&lt;/b&gt;',
  '"><iframe srcdoc="<script>alert(1)</script>">',
];

function content(text: string, overrides: Partial<RowContent> = {}): RowContent {
  return {
    entry: entry('ERROR', text),
    line: 0,
    lineText: text,
    continuationLines: 0,
    expanded: false,
    selected: false,
    sourceTag: undefined,
    position: 1,
    setSize: 1,
    row: 0,
    ...overrides,
  };
}

describe('row view', () => {
  it('puts hostile log text in as text: no element, attribute or entity comes from it', () => {
    const { document } = createDom();
    for (const text of HOSTILE) {
      const row = renderRow(document, content(text, { sourceTag: text }), 7);
      document.body.replaceChildren(row);
      assert.equal(document.body.querySelector('img, script, svg, a, iframe, b'), null, text);
      assert.equal(row.querySelector('.text')!.textContent, text);
      assert.equal(row.querySelector('.source')!.textContent, text);
      // Only the row's own elements: the row, its twistie, level, source tag and text.
      assert.equal(row.querySelectorAll('*').length, 4);
      for (const element of [row, ...row.querySelectorAll('*')]) {
        assert.ok(element.getAttributeNames().every((name) => !name.startsWith('on')), text);
      }
    }
  });

  it('shows NUL and control characters visibly instead of passing them into the DOM', () => {
    const { document } = createDom();
    const row = renderRow(document, content('a\0b\x1bc'), 1);
    assert.equal(row.querySelector('.text')!.textContent, 'a\u2400b\u241bc');
  });

  it('marks the first row of an entry as a listbox option, with its level and position', () => {
    const { document } = createDom();
    const row = renderRow(document, content('Failed to start', { position: 3, setSize: 10, selected: true, continuationLines: 2 }), 42);
    assert.equal(row.id, 'entry-42');
    assert.equal(row.getAttribute('role'), 'option');
    assert.equal(row.getAttribute('aria-selected'), 'true');
    assert.equal(row.getAttribute('aria-posinset'), '3');
    assert.equal(row.getAttribute('aria-setsize'), '10');
    assert.equal(row.getAttribute('aria-expanded'), 'false');
    assert.ok(row.classList.contains('level-error'));
    assert.equal(row.querySelector('.level')!.textContent, 'ERROR');
    assert.equal(row.querySelector('.more')!.textContent, '+2 lines');
  });

  it('renders a continuation line as part of the option above it', () => {
    const { document } = createDom();
    const row = renderRow(document, content('   at Program.Main()', { line: 1, continuationLines: 1, expanded: true }), 42);
    assert.equal(row.getAttribute('role'), 'none');
    assert.equal(row.id, '');
    assert.equal(row.querySelector('.codicon'), null);
    assert.equal(row.querySelector('.text')!.textContent, '   at Program.Main()');
  });
});
