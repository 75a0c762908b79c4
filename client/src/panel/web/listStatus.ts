// What the list says when it shows nothing, and the one action that helps, as a button: stdout logging is
// off (Enable), the files are awaited (where, and why they are not there yet), everything is filtered out
// (Show All). Each text says what is true of this site, from what web.config says and what is on disk.

import { type LogSourceInfo, type SiteLogsStatus, describeWithheldLog } from '../../../../server/src/protocol/logs';

export type ListAction = 'enableStdoutLogging' | 'chooseWebConfig' | 'showAll';

export interface ListStatus {
  readonly text: string;
  /** Buttons after the text. */
  readonly actions: readonly { readonly label: string; readonly action: ListAction }[];
  /** A second line, for what else is true. */
  readonly detail?: string;
}

export interface ListState {
  /** Entries held, and shown by the filter. */
  readonly held: number;
  readonly shown: number;
  readonly site: SiteLogsStatus | undefined;
  /** The followed sources. */
  readonly sources: readonly LogSourceInfo[];
}

/** Undefined while entries show. */
export function listStatus(state: ListState): ListStatus | undefined {
  if (state.shown > 0) return undefined;
  if (state.held > 0) {
    return { text: `All ${state.held.toLocaleString('en-US')} entries are hidden by the filter.`, actions: [{ label: 'Show All', action: 'showAll' }] };
  }
  const site = state.site;
  if (!site) return { text: 'No entries yet.', actions: [] };
  if (!site.stdoutEnabled) {
    const enable = { label: 'Enable', action: 'enableStdoutLogging' as const };
    if (site.debugLog !== undefined) return { text: 'stdout logging is off —', actions: [enable], detail: `The debug log (${site.debugLog}) has no entries yet.` };
    return { text: 'stdout logging is off —', actions: [enable, { label: 'Choose web.config…', action: 'chooseWebConfig' }], detail: 'This web.config writes no debug log either.' };
  }
  const stdoutFiles = state.sources.filter((source) => source.kind === 'stdout' && source.exists);
  if (stdoutFiles.length === 0) {
    const why = site.stdoutFolderExists ? 'the folder exists, no worker has started yet' : `ANCM creates the folder ${site.stdoutFolder} when a worker process starts`;
    return { text: `Waiting for ${site.stdoutPattern} (${why}).`, actions: [] };
  }
  return { text: 'No entries yet: the log files are empty. New entries show as they are written.', actions: [] };
}

/** The notice above a list that has entries, while stdout logging is off (the debug log shows, the app's output does not). */
export function stdoutOffNotice(site: SiteLogsStatus | undefined, held: number): string | undefined {
  return site && !site.stdoutEnabled && held > 0 ? 'stdout logging is off in this web.config: the app’s own output is not logged.' : undefined;
}

/** The notice about logs not read because of where they are; `canAsk` when the user may still agree to read them. */
export function withheldNotice(site: SiteLogsStatus | undefined): { readonly text: string; readonly canAsk: boolean } | undefined {
  const withheld = site?.withheld ?? [];
  if (withheld.length === 0) return undefined;
  const canAsk = withheld.some((log) => log.askable);
  const lead = withheld.every((log) => log.askable)
    ? 'Not read until you allow it —'
    : 'Restricted Mode reads only the logs inside the site. Not read —';
  return { text: `${lead} ${withheld.map(describeWithheldLog).join('; ')}.`, canAsk };
}
