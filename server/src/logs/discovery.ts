// Where a site's logs are, read from its web.config the way ANCM reads it (REFERENCE §2.1, §3, §5):
// - stdout: `stdoutLogFile` (default `.\aspnetcore-stdout`) is a file-name PREFIX, relative to the site
//   root (the web.config folder); IIS expands `%VAR%` in it; `\\?\` long-path prefixes are allowed.
// - debug log: the `debugFile` handler setting (relative to the site root), else `aspnetcore-debug.log`
//   in the site root when `debugLevel` names the FILE sink.
// Paths are written with backslashes; they are read the same on every OS so a site copied off a
// Windows server can be inspected anywhere.

import * as path from 'node:path';
import { parseDebugLevel } from '../ancm/debugLevel';
import { findAttribute, findHandlerSetting } from '../ancm/lookup';
import { getAttribute } from '../service/parse/xmlDocument';
import { collectionEntries } from '../service/rules/collectionEntries';
import { type WebConfigDocument, parseWebConfig } from '../service/webConfig';

export interface SiteLogs {
  /** The folder that holds web.config: ANCM's application physical path. */
  readonly siteRoot: string;
  /** The folder the stdout files go into. */
  readonly stdoutFolder: string;
  /** The file-name prefix the stdout files start with (`stdout` in `.\logs\stdout`). */
  readonly stdoutPrefix: string;
  readonly stdoutEnabled: boolean;
  /** The debug log file, when web.config asks ANCM to write one. */
  readonly debugLog: string | undefined;
  /** The debugLevel value, when set (the log panel starts at its level). */
  readonly debugLevel: string | undefined;
  /** `stdoutLogFile` as written (or its default), before `%VAR%` expansion: what the path policy judges. */
  readonly stdoutLogFileSetting: string;
  /** The `debugFile` handler setting as written, when set. */
  readonly debugFileSetting: string | undefined;
}

export const DEFAULT_DEBUG_LOG_NAME = 'aspnetcore-debug.log';

/**
 * Reads the log locations from a web.config's text. `env` supplies `%VAR%` values (case-insensitive); in Restricted
 * Mode it is empty, so nothing from this machine's environment goes into a path a stranger wrote.
 */
export function locateSiteLogs(webConfigPath: string, text: string, env: NodeJS.ProcessEnv = process.env): SiteLogs {
  const siteRoot = path.dirname(path.resolve(webConfigPath));
  const document = parseWebConfig(text);
  const section = document.sections[0];
  const stdoutSetting = (section && getAttribute(section, 'stdoutLogFile')?.value) || findAttribute('stdoutLogFile')!.defaultValue!;
  const stdoutPath = resolveSitePath(siteRoot, expandVariables(stdoutSetting, env));
  const debugLevel = handlerSetting(document, 'debugLevel');
  const debugFile = handlerSetting(document, 'debugFile');
  const writesFile = debugLevel !== undefined && parseDebugLevel(debugLevel).sinks.includes('FILE');
  const debugLog = debugFile ? resolveSitePath(siteRoot, expandVariables(debugFile, env)) : writesFile ? path.join(siteRoot, DEFAULT_DEBUG_LOG_NAME) : undefined;
  return {
    siteRoot,
    stdoutFolder: path.dirname(stdoutPath),
    stdoutPrefix: path.basename(stdoutPath),
    stdoutEnabled: (section && getAttribute(section, 'stdoutLogEnabled')?.value?.toLowerCase()) === 'true',
    debugLog,
    debugLevel,
    stdoutLogFileSetting: stdoutSetting,
    debugFileSetting: debugFile || undefined,
  };
}

/** The first handler setting of that name (ANCM: first match wins, names compared ignoring case). */
function handlerSetting(document: WebConfigDocument, name: string): string | undefined {
  const spec = findHandlerSetting(name);
  for (const entry of collectionEntries(document, 'handlerSettings')) {
    const entryName = entry.nameAttribute?.value;
    if (entryName && spec && findHandlerSetting(entryName) === spec) return entry.valueAttribute?.value ?? '';
  }
  return undefined;
}

/** Expands `%NAME%` like IIS does; an unknown variable is left as written. */
export function expandVariables(value: string, env: NodeJS.ProcessEnv): string {
  const byLowerName = new Map(Object.entries(env).map(([name, variable]) => [name.toLowerCase(), variable]));
  return value.replace(/%([^%\s]+)%/g, (match, name: string) => byLowerName.get(name.toLowerCase()) ?? match);
}

/**
 * A Windows-style path from web.config as a path on this machine: `\\?\` dropped, backslashes read as
 * separators, a relative path joined to the site root. A drive-letter path stays as written off Windows.
 */
export function resolveSitePath(siteRoot: string, configured: string): string {
  let value = configured.trim().replace(/^\\\\\?\\/, '');
  const driveLetter = /^[a-zA-Z]:[\\/]/.test(value);
  if (path.sep === '/') value = value.replace(/\\/g, '/');
  if (driveLetter && path.sep === '/') return value;
  return path.isAbsolute(value) ? path.normalize(value) : path.join(siteRoot, value);
}
