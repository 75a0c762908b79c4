import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntryStore } from '../../../client/src/panel/web/entryStore';
import { LogViewModel, SHOW_EVERYTHING } from '../../../client/src/panel/web/viewModel';
import { entries, entry } from './panelFixtures';

function shownTexts(model: LogViewModel): string[] {
  return Array.from({ length: model.visibleCount }, (_, index) => model.store.at(model.seqAt(index)).text);
}

function modelWith(capacity = 1000): LogViewModel {
  const model = new LogViewModel(new EntryStore(capacity));
  model.append([
    entry('ERROR', 'Failed to start application'),
    entry('WARNING', 'warn: https port not found'),
    entry('INFO', 'info: Application started'),
    entry('TRACE', 'FORWARDING_HANDLER::OnExecuteRequestHandler', 'debug'),
  ]);
  return model;
}

describe('view model', () => {
  it('filters by level with ANCM cumulative meaning and counts what it hides', () => {
    const model = modelWith();
    model.setFilter({ ...SHOW_EVERYTHING, level: 'WARNING' });
    assert.deepEqual(shownTexts(model), ['Failed to start application', 'warn: https port not found']);
    assert.equal(model.hiddenCount, 2);
    model.setFilter({ ...SHOW_EVERYTHING, level: 'TRACE' });
    assert.equal(model.visibleCount, 4);
    assert.equal(model.hiddenCount, 0);
  });

  it('filters by text, case-insensitively, or by RE2 regular expression', () => {
    const model = modelWith();
    model.setFilter({ ...SHOW_EVERYTHING, text: 'APPLICATION' });
    assert.deepEqual(shownTexts(model), ['Failed to start application', 'info: Application started']);
    model.setFilter({ ...SHOW_EVERYTHING, text: '^(warn|info):', regex: true });
    assert.deepEqual(shownTexts(model), ['warn: https port not found', 'info: Application started']);
    // A regex character in plain text mode is just that character.
    model.setFilter({ ...SHOW_EVERYTHING, text: '::' });
    assert.equal(model.visibleCount, 1);
  });

  it('keeps the level filter and reports the error for an invalid regular expression', () => {
    const model = modelWith();
    model.setFilter({ ...SHOW_EVERYTHING, level: 'ERROR', text: '(unclosed', regex: true });
    assert.match(model.filterError ?? '', /Invalid regular expression/);
    assert.deepEqual(shownTexts(model), ['Failed to start application']);
    model.setFilter({ ...SHOW_EVERYTHING, level: 'ERROR', text: 'failed', regex: true });
    assert.equal(model.filterError, undefined);
  });

  it('shows one source, counting only its hidden entries', () => {
    const model = modelWith();
    model.setFilter({ ...SHOW_EVERYTHING, sourceId: 'debug', level: 'INFO' });
    assert.equal(model.visibleCount, 0);
    assert.equal(model.hiddenCount, 1);
  });

  it('tests new entries as they arrive and says how many show', () => {
    const model = modelWith();
    model.setFilter({ ...SHOW_EVERYTHING, level: 'ERROR' });
    assert.deepEqual(model.append(entries(8)), { shown: 2, evicted: 0 });
    assert.equal(model.visibleCount, 3);
    assert.equal(model.hiddenCount, 9);
  });

  it('stays in step with the store when the cap pushes entries out', () => {
    const model = new LogViewModel(new EntryStore(10_000));
    model.setFilter({ ...SHOW_EVERYTHING, level: 'ERROR' });
    for (let batch = 0; batch < 30; batch++) model.append(entries(1000, 'stdout:a.log', batch * 1000));
    assert.equal(model.store.length, 10_000);
    assert.equal(model.visibleCount, 2500);
    assert.equal(model.hiddenCount, 7500);
    assert.equal(model.store.at(model.seqAt(0)).text, 'entry 20000');
    assert.equal(model.indexOfSeq(model.seqAt(10)), 10);
  });

  it('puts earlier entries that pass the filter in front', () => {
    const model = new LogViewModel(new EntryStore(100));
    model.append(entries(4, 'stdout:a.log', 10));
    model.setFilter({ ...SHOW_EVERYTHING, level: 'WARNING' });
    assert.deepEqual(model.prepend(entries(4, 'stdout:a.log', 6)), { shown: 2, refused: 0 });
    assert.deepEqual(shownTexts(model), ['entry 8', 'entry 9', 'entry 12', 'entry 13']);
  });

  it('filters 100,000 entries', () => {
    const model = new LogViewModel(new EntryStore(200_000));
    model.append(entries(100_000));
    model.setFilter({ ...SHOW_EVERYTHING, text: 'entry 9999' });
    assert.equal(model.visibleCount, 11);
    assert.equal(model.hiddenCount, 99_989);
  });
});
