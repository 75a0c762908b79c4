// Explained entries in the panel: a marker on the row, and when expanded the cause's meaning, fix steps, docs link and
// "Show the rule" links (the target comes from the session's cause table, never from the log). And the verdict bar:
// one line per worker process, as text, a click narrows the list to that PID.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FailureCauseInfo, LogEntryMessage, StartupVerdict } from '../../../server/src/protocol/logs';
import { LogList } from '../../../client/src/panel/web/logList';
import type { LinkTarget } from '../../../client/src/panel/web/logLinks';
import { VerdictBar } from '../../../client/src/panel/web/verdictBar';
import { createDom, entry } from './panelFixtures';

const CAUSES: FailureCauseInfo[] = [
  {
    id: 'unknown-hosting-model',
    meaning: 'hostingModel is neither inprocess nor outofprocess.',
    fix: ['Set hostingModel="inprocess".', 'Or remove it.'],
    docs: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    rules: ['invalid-hosting-model'],
  },
];

function setup() {
  const dom = createDom();
  const viewport = dom.viewport(400);
  const opened: LinkTarget[] = [];
  const list = new LogList({ viewport, rowHeight: 20, maxEntries: 1000, onChange: () => undefined, onOpenRaw: () => undefined, onOpenLink: (target) => opened.push(target), schedule: (callback) => callback() });
  list.setCauses(CAUSES);
  return { dom, viewport, list, opened };
}

describe('explained entries in the panel', () => {
  it('a marker on an explained row only; expanded, its meaning, fix steps and links', () => {
    const { viewport, list, opened, dom } = setup();
    const explained: LogEntryMessage = { ...entry('ERROR', "Unknown hosting model 'inproc'."), causes: ['unknown-hosting-model', 'not-in-the-table'] };
    list.append([entry('INFO', 'Hosting environment: Production'), explained]);
    const rows = () => [...viewport.querySelectorAll('.row')] as HTMLElement[];
    assert.equal(rows()[0].querySelector('.cause-marker'), null);
    const marker = rows()[1].querySelector('.cause-marker')!;
    assert.equal(marker.textContent, 'unknown-hosting-model');
    assert.match(marker.getAttribute('title')!, /neither inprocess nor outofprocess/);
    // A one-line entry with a cause can be expanded.
    rows()[1].querySelector('.twistie')!.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }) as unknown as Event);
    const texts = rows().filter((row) => row.classList.contains('cause')).map((row) => row.querySelector('.text')!.textContent);
    assert.deepEqual(texts, [
      'Why (unknown-hosting-model): hostingModel is neither inprocess nor outofprocess.',
      'Fix 1: Set hostingModel="inprocess".',
      'Fix 2: Or remove it.',
      'Docs: https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module  ·  Show the rule invalid-hosting-model',
    ]);
    const links = [...viewport.querySelectorAll('.row.cause .link')] as HTMLElement[];
    assert.deepEqual(links.map((link) => link.textContent), ['https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module', 'Show the rule invalid-hosting-model']);
    // A click re-renders the rows: each link is looked up again.
    for (let index = 0; index < links.length; index++) {
      const link = viewport.querySelectorAll('.row.cause .link')[index];
      link.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }) as unknown as Event);
    }
    assert.deepEqual(opened, [
      { kind: 'url', url: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module' },
      { kind: 'rule', rule: 'invalid-hosting-model' },
    ]);
  });
});

describe('verdict bar', () => {
  it('the newest failed start, else the newest, as text, with the others counted; a click shows only its PID', () => {
    const { document } = createDom();
    const shown: number[] = [];
    const bar = new VerdictBar(document, (pid) => shown.push(pid));
    assert.equal(bar.element.hidden, true);
    const failed: StartupVerdict = { pid: 4752, outcome: 'failed', summary: 'PID 4752 did not start: framework <b>X</b> 8.0.0 not found', causes: ['framework-not-found'], steps: [{ kind: 'failed', text: 'You must install' }] };
    const started: StartupVerdict = { outcome: 'started', summary: 'The worker process started', causes: [], steps: [] };
    bar.show([failed, started]);
    assert.equal(bar.element.hidden, false);
    const lines = [...bar.element.querySelectorAll('.verdict')] as HTMLElement[];
    assert.equal(lines.length, 1);
    assert.equal(lines[0].querySelector('.verdict-text')!.textContent, failed.summary);
    assert.equal(lines[0].querySelector('.verdict-more')!.textContent, '+1');
    assert.match(lines[0].title, /The worker process started/);
    assert.equal(bar.element.querySelector('b'), null);
    assert.ok(lines[0].classList.contains('verdict-failed'));
    lines[0].click();
    assert.deepEqual(shown, [4752]);
    bar.show([started]);
    assert.equal(bar.element.querySelector('.verdict-text')!.textContent, started.summary);
    bar.show([]);
    assert.equal(bar.element.hidden, true);
  });
});
