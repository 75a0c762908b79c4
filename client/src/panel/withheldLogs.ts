// Logs the server did not read because of where they are. In a trusted workspace a log outside the workspace
// folders, or on a network share, is read only once the user has agreed, and the answer is kept per workspace so
// the question comes once per path. (In Restricted Mode nothing is asked: only the site is read.) Opening a
// network path on Windows sends the user's name and credentials to that server, so the question says so.

import { type Memento, window } from 'vscode';
import { type WithheldLogPath, describeWithheldLog } from '../../../server/src/protocol/logs';

const DECISIONS_KEY = 'ancm.logs.pathDecisions';

type Decision = 'read' | 'skip';

/** The user's answers, by resolved path, in the workspace's state. */
export class LogPathDecisions {
  constructor(private readonly state: Memento) {}

  /** The paths the user agreed to have read. */
  allowed(): string[] {
    return Object.entries(this.all()).filter(([, decision]) => decision === 'read').map(([file]) => file);
  }

  has(file: string): boolean {
    return Object.hasOwn(this.all(), file);
  }

  async record(files: readonly string[], decision: Decision): Promise<void> {
    const all = { ...this.all() };
    for (const file of files) all[file] = decision;
    await this.state.update(DECISIONS_KEY, all);
  }

  private all(): Record<string, Decision> {
    const stored = this.state.get<unknown>(DECISIONS_KEY);
    return stored && typeof stored === 'object' ? (stored as Record<string, Decision>) : {};
  }
}

/**
 * Asks about the askable withheld logs not answered before (all of them with `askAgain`); true when the user agreed
 * to read them. Dismissing the question counts as "no", so it does not come back on every open.
 */
export async function askToReadWithheldLogs(withheld: readonly WithheldLogPath[], decisions: LogPathDecisions, site: string, askAgain: boolean): Promise<boolean> {
  const asked = withheld.filter((log) => log.askable && (askAgain || !decisions.has(log.path)));
  if (asked.length === 0) return false;
  const read = 'Read Them';
  const network = asked.some((log) => log.reason === 'network');
  const choice = await window.showWarningMessage(
    `The logs of ${site} include ${asked.length === 1 ? 'a file' : `${asked.length} files`} outside this workspace. Read ${asked.length === 1 ? 'it' : 'them'}?`,
    {
      modal: true,
      detail:
        asked.map(describeWithheldLog).join('\n') +
        (network ? '\n\nOpening a network path sends your Windows user name and credentials to that server.' : '') +
        '\n\nweb.config and the workspace settings may come from someone else: read only paths you know.',
    },
    read,
  );
  const paths = asked.map((log) => log.path);
  await decisions.record(paths, choice === read ? 'read' : 'skip');
  return choice === read;
}
