// Where ANCM writes a site's logs, as paths on this machine. ANCM joins a relative stdoutLogFile or debugFile to the
// application's physical path (CommonLib/RedirectionOutput.cpp `std::filesystem::path(applicationPath) / fileName`;
// CommonLib/config_utility.h FindDebugFile, CommonLib/debugutil.cpp), IIS expands `%VAR%` in attribute values, and
// `\\?\` long-path prefixes are allowed. Paths are written with backslashes; they are read the same on every OS so a
// site copied off a Windows server can be inspected anywhere.

import * as path from 'node:path';
import type { AncmLevel } from '../protocol/levels';

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
  /** The debugLevel value in effect, when set. */
  readonly debugLevel: string | undefined;
  /** The level ANCM logs at by that debugLevel, when it names one (a sink alone means INFO). */
  readonly logLevel: AncmLevel | undefined;
  /** `stdoutLogFile` as written (or its default), before `%VAR%` expansion: what the path policy judges. */
  readonly stdoutLogFileSetting: string;
  /** The `debugFile` handler setting as written, when set. */
  readonly debugFileSetting: string | undefined;
}

/** The debug log's name when debugLevel names the FILE sink and no debugFile is set (CommonLib/debugutil.cpp). */
export const DEFAULT_DEBUG_LOG_NAME = 'aspnetcore-debug.log';

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
