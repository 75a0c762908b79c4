// The startup verdict in the toolbar, in the room between the filters and the buttons (the list keeps its height): the
// newest failed start of a worker process, else the newest start ("PID 4752 did not start: framework
// Microsoft.AspNetCore.App 8.0.0 not found (found 6.0.25) → install the .NET 8 Hosting Bundle (x64)", "PID 4752 started
// in 1.8 s (startupTimeLimit 120 s)"), with how many other processes there are; the tooltip lists every verdict and the
// steps of the one shown. A click shows only that process's entries. The text comes from the server and holds log text
// (a framework name, a version): it goes in as textContent.

import type { StartupVerdict } from '../../../../server/src/protocol/logs';

/** Verdicts the tooltip lists: the newest worker processes. */
const MAX_LISTED = 8;

const ICON: Record<StartupVerdict['outcome'], string> = {
  failed: 'codicon-error',
  started: 'codicon-pass',
  starting: 'codicon-loading',
};

export class VerdictBar {
  readonly element: HTMLElement;
  private shown = '';

  constructor(
    private readonly document: Document,
    private readonly onShowPid: (pid: number) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'verdicts';
    this.element.hidden = true;
  }

  show(verdicts: readonly StartupVerdict[]): void {
    // Rebuilt only when it changed: the button keeps focus while entries stream in.
    const key = JSON.stringify(verdicts);
    if (key === this.shown) return;
    this.shown = key;
    const headline = [...verdicts].reverse().find((verdict) => verdict.outcome === 'failed') ?? verdicts.at(-1);
    this.element.replaceChildren(...(headline ? [this.line(headline, verdicts)] : []));
    this.element.hidden = headline === undefined;
  }

  private line(verdict: StartupVerdict, all: readonly StartupVerdict[]): HTMLElement {
    const line = this.document.createElement(verdict.pid !== undefined ? 'button' : 'div');
    line.className = `verdict verdict-${verdict.outcome}`;
    const icon = this.document.createElement('span');
    icon.className = `codicon ${ICON[verdict.outcome]}`;
    icon.setAttribute('aria-hidden', 'true');
    const text = this.document.createElement('span');
    text.className = 'verdict-text';
    text.textContent = verdict.summary;
    line.append(icon, text);
    const others = all.length - 1;
    if (others > 0) {
      const more = this.document.createElement('span');
      more.className = 'verdict-more';
      more.textContent = `+${others}`;
      line.append(more);
    }
    const steps = verdict.steps.map((step) => `  ${step.time !== undefined ? `${step.time}  ` : ''}${step.text}`);
    const listed = all.slice(-MAX_LISTED).map((candidate) => `• ${candidate.summary}`);
    line.title = [verdict.summary, ...steps, ...(others > 0 ? ['', 'Worker processes:', ...listed] : []), ...(verdict.pid !== undefined ? ['', `Click to show only PID ${verdict.pid}.`] : [])].join('\n');
    line.setAttribute('aria-label', `Startup verdict: ${verdict.summary}`);
    const pid = verdict.pid;
    if (pid !== undefined) line.addEventListener('click', () => this.onShowPid(pid));
    return line;
  }
}
