// Where a site's logs are, read from its web.config the way ANCM reads it: `stdoutLogFile` (default
// `.\aspnetcore-stdout`) is a file-name prefix; the debug log is the `debugFile` handler setting, else
// `aspnetcore-debug.log` in the site root when `debugLevel` names the FILE sink. The handler settings are the ones in
// effect, as the rules see them: a `<clear/>` drops what came before it, and of two entries with one name ANCM reads
// the first (CommonLib/config_utility.h). The log engine (logs/) follows what this finds.

import * as path from 'node:path';
import { parseDebugLevel } from '../ancm/debugLevel';
import { findAttribute, findHandlerSetting } from '../ancm/lookup';
import { DEFAULT_DEBUG_LOG_NAME, type SiteLogs, expandVariables, resolveSitePath } from '../ancm/siteLogs';

export type { SiteLogs };
import { type XmlElement, getAttribute } from './parse/xmlDocument';
import { type ResolvedEntries, resolveEntries } from './rules/entriesInEffect';
import type { WebConfigDocument } from './webConfig';

/**
 * The log locations of the site whose web.config is at `webConfigPath`. `env` supplies `%VAR%` values
 * (case-insensitive); in Restricted Mode it is empty, so nothing from this machine's environment goes into a path
 * a stranger wrote.
 */
export function locateSiteLogs(webConfigPath: string, document: WebConfigDocument, env: NodeJS.ProcessEnv): SiteLogs {
  const siteRoot = path.dirname(path.resolve(webConfigPath));
  const section = document.sections[0];
  const stdoutSetting = (section && getAttribute(section, 'stdoutLogFile')?.value) || findAttribute('stdoutLogFile')!.defaultValue!;
  const stdoutPath = resolveSitePath(siteRoot, expandVariables(stdoutSetting, env));
  // Resolved once for both settings: outside a validation pass nothing caches it.
  const handlerSettings = resolveEntries(document, 'handlerSettings');
  const debugLevel = handlerSettingInEffect(handlerSettings, section, 'debugLevel');
  const debugFile = handlerSettingInEffect(handlerSettings, section, 'debugFile');
  const parsedLevel = debugLevel === undefined ? undefined : parseDebugLevel(debugLevel);
  const writesFile = parsedLevel?.sinks.includes('FILE') === true;
  const debugLog = debugFile ? resolveSitePath(siteRoot, expandVariables(debugFile, env)) : writesFile ? path.join(siteRoot, DEFAULT_DEBUG_LOG_NAME) : undefined;
  return {
    siteRoot,
    stdoutFolder: path.dirname(stdoutPath),
    stdoutPrefix: path.basename(stdoutPath),
    stdoutEnabled: (section && getAttribute(section, 'stdoutLogEnabled')?.value?.toLowerCase()) === 'true',
    debugLog,
    debugLevel,
    logLevel: parsedLevel?.level,
    stdoutLogFileSetting: stdoutSetting,
    debugFileSetting: debugFile || undefined,
  };
}

/** The value ANCM reads for a handler setting of the section, when one is in effect. */
function handlerSettingInEffect(handlerSettings: ResolvedEntries, section: XmlElement | undefined, name: string): string | undefined {
  const spec = findHandlerSetting(name);
  const entry = handlerSettings.inEffect.find(
    (candidate) => candidate.section === section && findHandlerSetting(candidate.name) === spec,
  );
  return entry ? (entry.value ?? entry.valueAttribute?.value ?? '') : undefined;
}
