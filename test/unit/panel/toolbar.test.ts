import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Toolbar } from '../../../client/src/panel/web/toolbar';
import type { LogSourceInfo, OlderStdoutFile } from '../../../server/src/protocol/logs';
import { createDom } from './panelFixtures';

const NEWEST: LogSourceInfo = { id: 'stdout:stdout_20240102000000_20.log', kind: 'stdout', file: '/s/logs/stdout_20240102000000_20.log', label: 'stdout 2024-01-02 00:00:00 UTC · PID 20', exists: true, startTime: '2024-01-02T00:00:00.000Z', pid: 20 };
const DEBUG: LogSourceInfo = { id: 'debug', kind: 'debug', file: '/s/logs/aspnetcore-debug.log', label: 'ANCM debug log', exists: true };
const EVENTS: LogSourceInfo = { id: 'extra:/s/events.xml', kind: 'events', file: '/s/events.xml', label: 'events.xml', exists: true };
const OLDER: OlderStdoutFile[] = [
  { fileName: 'stdout_20231231000000_10.log', label: 'stdout 2023-12-31 00:00:00 UTC · PID 10', pid: 10, size: 2048, startTime: '2023-12-31T00:00:00.000Z' },
  { fileName: 'stdout_20231230000000_9.log', label: 'stdout 2023-12-30 00:00:00 UTC · PID 9', pid: 9, size: 3 * 1024 * 1024 },
];

function setup() {
  const { document, window } = createDom();
  const opened: string[] = [];
  let changes = 0;
  const toolbar = new Toolbar(document, {
    onFilterChange: () => changes++,
    onOpenOlderFile: (fileName) => opened.push(fileName),
    onLoadEarlier: () => undefined,
    onOpenRaw: () => undefined,
    onClear: () => undefined,
    onToggleFollow: () => undefined,
  });
  document.body.append(toolbar.element);
  const select = toolbar.element.querySelector('select')!;
  const choose = (value: string) => {
    select.value = value;
    select.dispatchEvent(new window.Event('change') as unknown as Event);
  };
  return { toolbar, select, choose, opened, changes: () => changes };
}

describe('toolbar', () => {
  it('lists the followed files, then every older stdout file, which it asks to open rather than filter by', () => {
    const { toolbar, select, choose, opened, changes } = setup();
    toolbar.setSources([DEBUG, EVENTS, NEWEST], OLDER);
    const texts = [...select.querySelectorAll('option')].map((option) => option.textContent);
    assert.deepEqual(texts, ['All sources', NEWEST.label, 'ANCM debug log', 'events.xml', `${OLDER[0].label} · 2 KB`, `${OLDER[1].label} · 3.0 MB`]);
    assert.equal(select.querySelector('optgroup')!.label, 'Older stdout files (2, not followed)');
    // Option values are the panel's own: no file name in an attribute.
    for (const option of select.querySelectorAll('optgroup option')) assert.ok(!option.getAttribute('value')!.includes('stdout_'));
    choose(DEBUG.id);
    assert.equal(toolbar.readFilter().sourceId, 'debug');
    const before = changes();
    choose(select.querySelectorAll<HTMLOptionElement>('optgroup option')[1].value);
    assert.deepEqual(opened, ['stdout_20231230000000_9.log']);
    // Until it is loaded, the list keeps showing what it showed.
    assert.equal(select.value, 'debug');
    assert.equal(toolbar.readFilter().sourceId, 'debug');
    assert.equal(changes(), before);
  });

  it('shows one process with a chip that clears it; a source and a process are not both chosen', () => {
    const { toolbar, choose } = setup();
    toolbar.setSources([NEWEST, DEBUG], []);
    toolbar.showPid(20);
    const chip = toolbar.element.querySelector<HTMLButtonElement>('.chip')!;
    assert.equal(chip.hidden, false);
    assert.equal(chip.textContent, 'PID 20');
    assert.deepEqual([toolbar.readFilter().pid, toolbar.readFilter().sourceId], [20, undefined]);
    choose(DEBUG.id);
    assert.deepEqual([toolbar.readFilter().pid, toolbar.readFilter().sourceId], [undefined, 'debug']);
    assert.equal(chip.hidden, true);
    toolbar.showPid(20);
    chip.click();
    assert.equal(toolbar.readFilter().pid, undefined);
  });
});
