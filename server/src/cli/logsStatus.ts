// What `ancm logs` says on stderr about the logs themselves (stdout stays the entries): that web.config
// turns on no log and what to change, and with --follow what it follows and what it is waiting for, so
// a silent terminal is never a mystery.

import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { SiteLogs } from '../service/languageService';
import type { FollowedSource } from '../logs/siteLogFollower';
import { visibleText } from './formats/visibleText';

/** Whether web.config asks ANCM for any log: stdout logging, or a debug log file. */
export function writesLogs(site: SiteLogs): boolean {
  return site.stdoutEnabled || site.debugLog !== undefined;
}

/** The stdout files ANCM would write, as a pattern: `C:\site\logs\stdout_*.log`. */
function stdoutPattern(site: SiteLogs): string {
  return visibleText(path.join(site.stdoutFolder, `${site.stdoutPrefix}_*.log`));
}

const TURN_ON_STDOUT = 'set stdoutLogEnabled="true" on <aspNetCore> in web.config';
const TURN_ON_DEBUG_LOG = 'add <handlerSetting name="debugLevel" value="FILE,TRACE" /> to <handlerSettings> (debugFile names the file)';

/** For a site whose web.config turns on no log. */
export function describeNoLogs(site: SiteLogs): string[] {
  return [
    'ancm: this site writes no logs: web.config turns on neither the stdout log nor the ANCM debug log.',
    `  the app's console output: ${TURN_ON_STDOUT} (files go to ${stdoutPattern(site)})`,
    `  ANCM's own log: ${TURN_ON_DEBUG_LOG}`,
  ];
}

/** Said once the history is printed and following begins: what is followed, what is awaited (`site` undefined: files handed over directly). */
export async function describeFollowing(site: SiteLogs | undefined, sources: readonly FollowedSource[]): Promise<string[]> {
  const lines: string[] = [];
  let following = 0;
  for (const source of sources) {
    if (await exists(source.file)) following++;
    else if (source.id === 'debug') lines.push(`ancm: waiting for ${visibleText(source.file)} (not there yet; ANCM creates it, and its folder, when the app starts)`);
    else lines.push(`ancm: waiting for ${visibleText(source.file)} (not there yet)`);
  }
  const stdoutFiles = sources.some((source) => source.id.startsWith('stdout:'));
  if (site && !stdoutFiles && site.stdoutEnabled) {
    const why = (await exists(site.stdoutFolder)) ? 'the folder exists, no worker has started yet' : 'no folder yet; ANCM creates it when a worker starts';
    lines.push(`ancm: waiting for ${stdoutPattern(site)} (${why})`);
  }
  if (site && !site.stdoutEnabled) lines.push(`ancm: stdout logging is off, so the app's console output is not logged: ${TURN_ON_STDOUT} to log it`);
  lines.push(following === 0 ? 'ancm: nothing to follow yet; Ctrl+C to stop' : `ancm: following ${following} ${following === 1 ? 'file' : 'files'}; Ctrl+C to stop`);
  return lines;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
