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
    kind: 'entry',
    entry: entry('ERROR', text),
    time: '',
    source: 'stdout 42',
    origin: '',
    originMarks: [],
    text,
    marks: [],
    links: [],
    expandable: false,
    expanded: false,
    hiddenLines: 0,
    matchHint: undefined,
    selected: false,
    position: 1,
    setSize: 1,
    row: 0,
    ...overrides,
  };
}

/** The text of the row's message column, with [brackets] around marked text and {braces} around links. */
function markedText(row: HTMLElement): string {
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return node.textContent ?? '';
    const element = node as HTMLElement;
    const inner = [...element.childNodes].map(walk).join('');
    if (element.tagName === 'MARK') return `[${inner}]`;
    if (element.classList.contains('link')) return `{${inner}}`;
    return inner;
  };
  return walk(row.querySelector('.text')!);
}

describe('row view', () => {
  it('puts hostile log text in as text: no element, attribute or entity comes from it', () => {
    const { document } = createDom();
    for (const text of HOSTILE) {
      const row = renderRow(document, content(text, { origin: text, marks: [{ start: 0, end: 3 }], originMarks: [{ start: 1, end: 4 }] }), 7);
      document.body.replaceChildren(row);
      assert.equal(document.body.querySelector('img, script, svg, a, iframe, b'), null, text);
      assert.equal(row.querySelector('.text')!.textContent, text);
      assert.equal(row.querySelector('.origin')!.textContent, text);
      // Only the row's own elements: twistie, time, level, source, origin, text, and the two marks.
      assert.equal(row.querySelectorAll('*').length, 8);
      for (const element of [row, ...row.querySelectorAll('*')]) {
        assert.ok(element.getAttributeNames().every((name) => !name.startsWith('on')), text);
      }
    }
  });

  it('shows the columns: time, level, source and origin, then the message', () => {
    const { document } = createDom();
    const row = renderRow(document, content('Now listening on: http://127.0.0.1:5000', { time: '2024-01-02 13:04:05.120', origin: 'Lifetime' }), 3);
    const columns = [...row.children].map((child) => `${child.className}=${child.textContent}`);
    assert.deepEqual(columns, [
      'twistie=',
      'time=2024-01-02 13:04:05.120',
      'level=ERROR',
      'source=stdout 42',
      'origin=Lifetime',
      'text=Now listening on: http://127.0.0.1:5000',
    ]);
  });

  it('marks filter matches and links in the message, the link holding only its index', () => {
    const { document } = createDom();
    const text = 'GET http://contoso.example/orders failed: timeout';
    const row = renderRow(
      document,
      content(text, {
        marks: [{ start: 27, end: 33 }, { start: 42, end: 49 }],
        links: [{ start: 4, end: 33, index: 0, kind: 'url' }],
      }),
      1,
    );
    assert.equal(markedText(row), 'GET {http://contoso.example/[orders]} failed: [timeout]');
    const link = row.querySelector('.link')!;
    assert.deepEqual(link.getAttributeNames().sort(), ['class', 'data-link', 'title']);
    assert.equal(link.getAttribute('data-link'), '0');
    assert.ok(!link.getAttribute('title')!.includes('contoso'));
  });

  it('says where a collapsed entry hides its match, and how many lines it hides', () => {
    const { document } = createDom();
    const row = renderRow(document, content('An unhandled exception has occurred.', { expandable: true, hiddenLines: 4, matchHint: 'match in 3 hidden lines' }), 1);
    assert.equal(row.querySelector('.more')!.textContent, '+4 lines');
    assert.equal(row.querySelector('.match-hint')!.textContent, 'match in 3 hidden lines');
    const expanded = renderRow(document, content('An unhandled exception has occurred.', { expandable: true, expanded: true, hiddenLines: 4, matchHint: undefined }), 1);
    assert.equal(expanded.querySelector('.more, .match-hint'), null);
  });

  it('shows NUL and control characters visibly instead of passing them into the DOM', () => {
    const { document } = createDom();
    const row = renderRow(document, content('a\u2400b\u241bc'), 1);
    assert.equal(row.querySelector('.text')!.textContent, 'a\u2400b\u241bc');
  });

  it('marks the first row of an entry as a listbox option, with its level and position', () => {
    const { document } = createDom();
    const row = renderRow(document, content('Failed to start', { position: 3, setSize: 10, selected: true, expandable: true, hiddenLines: 2 }), 42);
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

  it('renders a continuation line and the details row as part of the option above them', () => {
    const { document } = createDom();
    for (const kind of ['line', 'details'] as const) {
      const row = renderRow(document, content('   at Program.Main()', { kind, expandable: true, expanded: true }), 42);
      assert.equal(row.getAttribute('role'), 'none');
      assert.equal(row.id, '');
      assert.equal(row.querySelector('.codicon'), null);
      assert.ok(row.classList.contains('continuation'));
      assert.equal(row.classList.contains('details'), kind === 'details');
      assert.equal(row.querySelector('.text')!.textContent, '   at Program.Main()');
    }
  });
});
