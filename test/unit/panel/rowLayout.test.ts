import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryLines } from '../../../client/src/panel/web/displayText';
import { EntryStore } from '../../../client/src/panel/web/entryStore';
import { RowLayout } from '../../../client/src/panel/web/rowLayout';
import { LogViewModel } from '../../../client/src/panel/web/viewModel';
import { entry } from './panelFixtures';

/** An expanded entry takes a row per line (what the list gives when nothing wraps and there are no details). */
function lineRows(model: LogViewModel): (seq: number) => number {
  return (seq) => entryLines(model.store.at(seq).text).length - 1;
}

function layoutOf(texts: string[]): { model: LogViewModel; layout: RowLayout } {
  const model = new LogViewModel(new EntryStore(100));
  model.append(texts.map((text) => entry('INFO', text)));
  const layout = new RowLayout(model, lineRows(model));
  layout.refresh();
  return { model, layout };
}

describe('row layout', () => {
  it('gives each entry one row until it is expanded, then one row per line', () => {
    const { model, layout } = layoutOf(['a', 'b\nb1\nb2', 'c', 'd\nd1']);
    assert.equal(layout.rowCount, 4);
    layout.setExpanded(model.seqAt(1), true);
    layout.setExpanded(model.seqAt(3), true);
    assert.equal(layout.rowCount, 7);
    const rows = Array.from({ length: layout.rowCount }, (_, row) => layout.rowAt(row)).map(({ visibleIndex, line }) => `${visibleIndex}:${line}`);
    assert.deepEqual(rows, ['0:0', '1:0', '1:1', '1:2', '2:0', '3:0', '3:1']);
    assert.equal(layout.firstRowOf(2), 4);
    assert.equal(layout.firstRowOf(3), 5);
  });

  it('does not expand a one-line entry, and collapses everything at once', () => {
    const { model, layout } = layoutOf(['a', 'b\nb1']);
    layout.setExpanded(model.seqAt(0), true);
    assert.equal(layout.isExpanded(model.seqAt(0)), false);
    layout.setExpanded(model.seqAt(1), true);
    assert.equal(layout.rowCount, 3);
    layout.collapseAll();
    assert.equal(layout.rowCount, 2);
  });

  it('forgets the expansion of an entry that left the store', () => {
    const model = new LogViewModel(new EntryStore(2));
    model.append([entry('INFO', 'a\na1')]);
    const layout = new RowLayout(model, lineRows(model));
    const seq = model.seqAt(0);
    layout.setExpanded(seq, true);
    model.append([entry('INFO', 'b'), entry('INFO', 'c')]);
    layout.refresh();
    assert.equal(layout.isExpanded(seq), false);
    assert.equal(layout.rowCount, 2);
  });

  it('follows what an expanded entry takes when that changes (the list got narrower)', () => {
    const model = new LogViewModel(new EntryStore(10));
    model.append([entry('INFO', 'a'), entry('INFO', 'b'), entry('INFO', 'c')]);
    let rowsOfB = 2;
    const layout = new RowLayout(model, (seq) => (seq === model.seqAt(1) ? rowsOfB : 0));
    layout.setExpanded(model.seqAt(1), true);
    assert.equal(layout.rowCount, 5);
    assert.equal(layout.extraRows(model.seqAt(1)), 2);
    rowsOfB = 4;
    layout.refresh();
    assert.equal(layout.rowCount, 7);
    assert.equal(layout.rowAt(6).visibleIndex, 2);
  });
});
