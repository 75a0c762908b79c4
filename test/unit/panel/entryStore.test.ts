import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntryStore } from '../../../client/src/panel/web/entryStore';
import { entries } from './panelFixtures';

function texts(store: EntryStore): string[] {
  const result: string[] = [];
  for (let seq = store.firstSeq; seq < store.endSeq; seq++) result.push(store.at(seq).text);
  return result;
}

describe('entry store', () => {
  it('keeps at most its cap, dropping the oldest and counting them', () => {
    const store = new EntryStore(3);
    store.append(entries(2));
    assert.deepEqual(store.append(entries(3, 'stdout:a.log', 2)), { evicted: 2 });
    assert.deepEqual(texts(store), ['entry 2', 'entry 3', 'entry 4']);
    assert.equal(store.evicted, 2);
    assert.equal(store.firstSeq, 2);
    assert.equal(store.endSeq, 5);
  });

  it('keeps sequence numbers stable while entries are held', () => {
    const store = new EntryStore(1000);
    store.append(entries(5));
    const seq = store.firstSeq + 3;
    store.append(entries(2000, 'stdout:a.log', 5));
    assert.equal(store.has(seq), false);
    assert.equal(store.at(store.endSeq - 1).text, 'entry 2004');
    assert.equal(store.at(store.firstSeq).text, 'entry 1005');
  });

  it('takes only the newest entries of a batch larger than the cap', () => {
    const store = new EntryStore(2);
    assert.deepEqual(store.append(entries(5)), { evicted: 3 });
    assert.deepEqual(texts(store), ['entry 3', 'entry 4']);
  });

  it('puts earlier history in front while there is room, refusing the oldest of it', () => {
    const store = new EntryStore(4);
    store.append(entries(2, 'stdout:a.log', 10));
    assert.deepEqual(store.prepend(entries(3, 'stdout:a.log', 7)), { added: 2, refused: 1 });
    assert.deepEqual(texts(store), ['entry 8', 'entry 9', 'entry 10', 'entry 11']);
    assert.equal(store.firstSeq, -2);
  });

  it('grows past its first slots and still wraps around correctly', () => {
    const store = new EntryStore(3000);
    store.append(entries(2500));
    store.append(entries(1000, 'stdout:a.log', 2500));
    store.prepend([]);
    assert.equal(store.length, 3000);
    assert.deepEqual(texts(store).slice(0, 2), ['entry 500', 'entry 501']);
    assert.equal(texts(store).at(-1), 'entry 3499');
  });

  it('counts entries per source, and removes one source', () => {
    const store = new EntryStore(100);
    store.append([...entries(3, 'debug'), ...entries(2, 'stdout:a.log')]);
    assert.equal(store.countOf('debug'), 3);
    store.removeSource('debug');
    assert.equal(store.countOf('debug'), 0);
    assert.deepEqual(texts(store), ['entry 0', 'entry 1']);
  });

  it('clears the view to nothing and forgets the dropped count', () => {
    const store = new EntryStore(2);
    store.append(entries(5));
    store.clear();
    assert.equal(store.length, 0);
    assert.equal(store.evicted, 0);
    assert.equal(store.countOf('stdout:a.log'), 0);
  });

  it('resizes to a smaller cap by dropping the oldest, keeping sequence numbers', () => {
    const store = new EntryStore(10);
    store.append(entries(10));
    const lastSeq = store.endSeq - 1;
    assert.equal(store.resize(4), 6);
    assert.deepEqual(texts(store), ['entry 6', 'entry 7', 'entry 8', 'entry 9']);
    assert.equal(store.at(lastSeq).text, 'entry 9');
    assert.equal(store.evicted, 6);
  });
});
