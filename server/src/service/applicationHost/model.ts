// The model of an applicationHost.config (IIS's %windir%\System32\inetsrv\config\applicationHost.config or IIS
// Express's .vs/<solution>/config/applicationhost.config): sites, applications and the pool each one runs in, pools,
// how ANCM is registered, and which of the sections an ASP.NET Core web.config sets are locked. Read from the tolerant
// parse, so a half-typed or foreign file gives an empty model, never an error.
//
// Element and attribute names are compared as written (IIS's configuration system is case-sensitive); pool, site and
// module names ignoring case, as Windows does for names.

import {
  ANCM_V2_MODULE_NAME,
  DEFAULT_APPLICATION_POOL,
  DEFAULT_OVERRIDE_MODE,
  IIS_EXPRESS_BIN_VARIABLE,
  WEB_CONFIG_SECTIONS,
} from '../../ancm/iisRegistration';
import { type XmlAttribute, type XmlElement, getAttribute, parseXml } from '../parse/xmlDocument';
import { type Span, valueSpan } from '../xmlEdit/spans';

export type { Span };

/** Where an application's pool name came from: IIS takes the first that is set. */
export type PoolSource = 'application' | 'siteApplicationDefaults' | 'serverApplicationDefaults' | 'builtInDefault';

export interface AppHostApplication {
  readonly siteName: string;
  readonly path: string;
  /** physicalPath of its "/" virtual directory, as written (may hold %VARS%, Windows paths) */
  readonly physicalPath: string | undefined;
  /** Where physicalPath's value is written (the jump to the application's web.config). */
  readonly physicalPathSpan: Span | undefined;
  /** The pool it runs in, resolved through the applicationDefaults chain. */
  readonly applicationPool: string;
  readonly applicationPoolSource: PoolSource;
  /** The value that named the pool; undefined for the built-in DefaultAppPool. */
  readonly applicationPoolSpan: Span | undefined;
  /** offsets of the <application> element */
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface AppHostSite {
  readonly name: string;
  readonly id: string | undefined;
  /** `protocol bindingInformation` of each binding. */
  readonly bindings: readonly string[];
  readonly applications: readonly AppHostApplication[];
  readonly start: number;
  readonly end: number;
  /** The name's value, or the element name when the site has no name yet. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface AppHostPool {
  readonly name: string;
  /** Its own value, else applicationPoolDefaults', else IIS's default (false). */
  readonly enable32BitAppOnWin64: boolean;
  readonly managedRuntimeVersion: string | undefined;
  readonly managedPipelineMode: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The value that decided enable32BitAppOnWin64 (the pool's or the defaults'); undefined when IIS's default did. */
  readonly enable32BitSpan: Span | undefined;
}

export interface AppHostPoolDefaults {
  readonly enable32BitAppOnWin64: boolean | undefined;
  readonly managedRuntimeVersion: string | undefined;
  readonly start: number;
  readonly end: number;
}

export interface AppHostDefaultPool {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface GlobalModuleEntry {
  readonly name: string;
  readonly image: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface ModuleEntry {
  readonly name: string;
  readonly lockItem: boolean;
  /** The <location> path it is written under ('' for the server level); undefined outside any location. */
  readonly locationPath: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

export type OverrideMode = 'Allow' | 'Deny';

export interface SectionDeclaration {
  /** Full path: the enclosing sectionGroup names and its own, `system.webServer/handlers`. */
  readonly path: string;
  /** As written; undefined when absent (IIS then allows). */
  readonly overrideModeDefault: string | undefined;
  readonly overrideModeDefaultSpan: Span | undefined;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface LocationElement {
  /** Normalised: no leading or trailing `/`; '' for the server level (`""`, `"."` or no path). */
  readonly path: string;
  /** overrideMode, or the legacy allowOverride mapped onto it; undefined for Inherit or nothing. */
  readonly overrideMode: OverrideMode | undefined;
  readonly overrideModeSpan: Span | undefined;
  /** The full paths of the sections written in it. */
  readonly sections: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** One place that locks a web.config section, and the applications it locks it for. */
export interface SectionLock {
  readonly section: string;
  readonly lockedBy: 'overrideModeDefault' | 'location';
  /** The location's path when a location locks it. */
  readonly locationPath: string | undefined;
  /** The deciding value: overrideModeDefault="Deny", or the location's overrideMode="Deny" / allowOverride="false". */
  readonly start: number;
  readonly end: number;
  /** The applications whose web.config cannot set it; empty when the file lists no application (any would be). */
  readonly applications: readonly AppHostApplication[];
}

export interface ApplicationHostModel {
  readonly sites: readonly AppHostSite[];
  /** Every site's applications, in document order. */
  readonly applications: readonly AppHostApplication[];
  readonly pools: readonly AppHostPool[];
  /** False when the file has no <applicationPools> (a fragment): rules about missing pools then stay silent. */
  readonly hasApplicationPools: boolean;
  readonly poolDefaults: AppHostPoolDefaults | undefined;
  /** sites/applicationDefaults' applicationPool. */
  readonly serverDefaultPool: AppHostDefaultPool | undefined;
  readonly globalModules: readonly GlobalModuleEntry[];
  readonly modules: readonly ModuleEntry[];
  readonly sectionDeclarations: readonly SectionDeclaration[];
  readonly locations: readonly LocationElement[];
  /** The locks on system.webServer/aspNetCore, handlers and modules that reach an application (or the server level). */
  readonly lockedSections: readonly SectionLock[];
  /** IIS Express's file: its images name %IIS_BIN%. */
  readonly isIisExpress: boolean;
}

const EMPTY_MODEL: ApplicationHostModel = {
  sites: [],
  applications: [],
  pools: [],
  hasApplicationPools: false,
  poolDefaults: undefined,
  serverDefaultPool: undefined,
  globalModules: [],
  modules: [],
  sectionDeclarations: [],
  locations: [],
  lockedSections: [],
  isIisExpress: false,
};

export function readApplicationHost(text: string): ApplicationHostModel {
  const configuration = parseXml(text).roots.find((root) => root.name === 'configuration');
  if (!configuration) return EMPTY_MODEL;

  const applicationHost = childrenNamed(configuration, 'system.applicationHost');
  const applicationPools = applicationHost.flatMap((element) => childrenNamed(element, 'applicationPools'));
  const poolDefaults = readPoolDefaults(applicationPools.flatMap((element) => childrenNamed(element, 'applicationPoolDefaults'))[0]);
  const pools = applicationPools.flatMap((element) => childrenNamed(element, 'add')).map((add) => readPool(add, poolDefaults));

  const sitesElements = applicationHost.flatMap((element) => childrenNamed(element, 'sites'));
  const serverDefaultPool = defaultPoolOf(sitesElements.flatMap((element) => childrenNamed(element, 'applicationDefaults'))[0]);
  const sites = sitesElements.flatMap((element) => childrenNamed(element, 'site')).map((site) => readSite(site, serverDefaultPool));
  const applications = sites.flatMap((site) => site.applications);

  const webServerBlocks = webServerElements(configuration);
  const globalModules = webServerBlocks
    .flatMap(({ element }) => childrenNamed(element, 'globalModules'))
    .flatMap((element) => childrenNamed(element, 'add'))
    .map(readGlobalModule);
  const modules = webServerBlocks.flatMap(({ element, locationPath }) =>
    childrenNamed(element, 'modules')
      .flatMap((collection) => childrenNamed(collection, 'add'))
      .map((add) => readModule(add, locationPath)),
  );
  const sectionDeclarations = childrenNamed(configuration, 'configSections').flatMap((element) => readDeclarations(element, ''));
  const locations = childrenNamed(configuration, 'location').map(readLocation);
  const isIisExpress = globalModules.some((module) => module.image?.toUpperCase().includes(IIS_EXPRESS_BIN_VARIABLE) === true);

  return {
    sites,
    applications,
    pools,
    hasApplicationPools: applicationPools.length > 0,
    poolDefaults,
    serverDefaultPool,
    globalModules,
    modules,
    sectionDeclarations,
    locations,
    lockedSections: findSectionLocks(sectionDeclarations, locations, applications),
    isIisExpress,
  };
}

/** Pool names as Windows compares them. */
export function samePoolName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function findPool(model: ApplicationHostModel, name: string): AppHostPool | undefined {
  return model.pools.find((pool) => samePoolName(pool.name, name));
}

/** The application's configuration path, as <location path> and IIS's messages write it: `Site` or `Site/app`. */
export function applicationConfigPath(application: AppHostApplication): string {
  const relative = trimSlashes(application.path);
  return relative ? `${application.siteName}/${relative}` : application.siteName;
}

export function isAncmV2Name(name: string): boolean {
  return name.toLowerCase() === ANCM_V2_MODULE_NAME.toLowerCase();
}

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function valueOf(element: XmlElement, name: string): string | undefined {
  return getAttribute(element, name)?.value;
}

/** A set, non-empty value's span, or undefined. */
function setValue(attribute: XmlAttribute | undefined): { value: string; span: Span } | undefined {
  const value = attribute?.value?.trim();
  return attribute && value ? { value, span: valueSpan(attribute) } : undefined;
}

function parseBoolean(value: string | undefined): boolean | undefined {
  const normalized = value?.trim().toLowerCase();
  return normalized === 'true' ? true : normalized === 'false' ? false : undefined;
}

/** The name's value span when it has text, else the element's name, so there is always something to point at. */
function nameSpanOf(element: XmlElement, attributeName: string): Span {
  const attribute = getAttribute(element, attributeName);
  return attribute?.value ? valueSpan(attribute) : { start: element.nameStart, end: element.nameEnd };
}

function elementSpan(element: XmlElement): Span {
  return { start: element.start, end: Math.max(element.end, element.nameEnd) };
}

function trimSlashes(path: string): string {
  return path.trim().replace(/^[/\\]+|[/\\]+$/g, '');
}

function readPoolDefaults(element: XmlElement | undefined): AppHostPoolDefaults | undefined {
  if (!element) return undefined;
  return {
    enable32BitAppOnWin64: parseBoolean(valueOf(element, 'enable32BitAppOnWin64')),
    managedRuntimeVersion: valueOf(element, 'managedRuntimeVersion'),
    ...elementSpan(element),
  };
}

function readPool(add: XmlElement, defaults: AppHostPoolDefaults | undefined): AppHostPool {
  const own = getAttribute(add, 'enable32BitAppOnWin64');
  const ownValue = parseBoolean(own?.value);
  const name = nameSpanOf(add, 'name');
  return {
    name: valueOf(add, 'name') ?? '',
    enable32BitAppOnWin64: ownValue ?? defaults?.enable32BitAppOnWin64 ?? false,
    managedRuntimeVersion: valueOf(add, 'managedRuntimeVersion') ?? defaults?.managedRuntimeVersion,
    managedPipelineMode: valueOf(add, 'managedPipelineMode'),
    ...elementSpan(add),
    nameStart: name.start,
    nameEnd: name.end,
    enable32BitSpan: own && ownValue !== undefined ? valueSpan(own) : undefined,
  };
}

function defaultPoolOf(applicationDefaults: XmlElement | undefined): AppHostDefaultPool | undefined {
  const pool = applicationDefaults ? setValue(getAttribute(applicationDefaults, 'applicationPool')) : undefined;
  return pool && { name: pool.value, ...pool.span };
}

function readSite(site: XmlElement, serverDefaultPool: AppHostDefaultPool | undefined): AppHostSite {
  const siteName = valueOf(site, 'name') ?? '';
  const siteDefaultPool = defaultPoolOf(childrenNamed(site, 'applicationDefaults')[0]);
  const applications = childrenNamed(site, 'application').map((application) => readApplication(application, siteName, siteDefaultPool, serverDefaultPool));
  const bindings = childrenNamed(site, 'bindings')
    .flatMap((element) => childrenNamed(element, 'binding'))
    .map((binding) => [valueOf(binding, 'protocol'), valueOf(binding, 'bindingInformation')].filter(Boolean).join(' '))
    .filter(Boolean);
  const name = nameSpanOf(site, 'name');
  return { name: siteName, id: valueOf(site, 'id'), bindings, applications, ...elementSpan(site), nameStart: name.start, nameEnd: name.end };
}

function readApplication(
  application: XmlElement,
  siteName: string,
  siteDefaultPool: AppHostDefaultPool | undefined,
  serverDefaultPool: AppHostDefaultPool | undefined,
): AppHostApplication {
  const rootDirectory = childrenNamed(application, 'virtualDirectory').find((directory) => trimSlashes(valueOf(directory, 'path') ?? '') === '');
  const own = setValue(getAttribute(application, 'applicationPool'));
  // IIS sites/applicationDefaults docs: an <application>'s own value wins over <site>'s, which wins over <sites>'.
  const pool: { name: string; source: PoolSource; span: Span | undefined } = own
    ? { name: own.value, source: 'application', span: own.span }
    : siteDefaultPool
      ? { name: siteDefaultPool.name, source: 'siteApplicationDefaults', span: siteDefaultPool }
      : serverDefaultPool
        ? { name: serverDefaultPool.name, source: 'serverApplicationDefaults', span: serverDefaultPool }
        : { name: DEFAULT_APPLICATION_POOL, source: 'builtInDefault', span: undefined };
  const name = nameSpanOf(application, 'path');
  return {
    siteName,
    path: valueOf(application, 'path') ?? '',
    physicalPath: rootDirectory ? valueOf(rootDirectory, 'physicalPath') : undefined,
    physicalPathSpan: rootDirectory ? setValue(getAttribute(rootDirectory, 'physicalPath'))?.span : undefined,
    applicationPool: pool.name,
    applicationPoolSource: pool.source,
    applicationPoolSpan: pool.span && { start: pool.span.start, end: pool.span.end },
    ...elementSpan(application),
    nameStart: name.start,
    nameEnd: name.end,
  };
}

/** `<system.webServer>` blocks directly under <configuration> or under one of its <location>s, with the location's path. */
interface WebServerBlock {
  readonly element: XmlElement;
  readonly locationPath: string | undefined;
}

function webServerElements(configuration: XmlElement): WebServerBlock[] {
  return configuration.children.flatMap((child): WebServerBlock[] => {
    if (child.name === 'system.webServer') return [{ element: child, locationPath: undefined }];
    if (child.name !== 'location') return [];
    const locationPath = normaliseLocationPath(valueOf(child, 'path'));
    return childrenNamed(child, 'system.webServer').map((element) => ({ element, locationPath }));
  });
}

function readGlobalModule(add: XmlElement): GlobalModuleEntry {
  const name = nameSpanOf(add, 'name');
  return { name: valueOf(add, 'name') ?? '', image: valueOf(add, 'image'), ...elementSpan(add), nameStart: name.start, nameEnd: name.end };
}

function readModule(add: XmlElement, locationPath: string | undefined): ModuleEntry {
  const name = nameSpanOf(add, 'name');
  return {
    name: valueOf(add, 'name') ?? '',
    lockItem: parseBoolean(valueOf(add, 'lockItem')) === true,
    locationPath,
    ...elementSpan(add),
    nameStart: name.start,
    nameEnd: name.end,
  };
}

function readDeclarations(container: XmlElement, groupPath: string): SectionDeclaration[] {
  return container.children.flatMap((child) => {
    const name = valueOf(child, 'name');
    if (!name) return [];
    const path = groupPath ? `${groupPath}/${name}` : name;
    if (child.name === 'sectionGroup') return readDeclarations(child, path);
    if (child.name !== 'section') return [];
    const overrideMode = getAttribute(child, 'overrideModeDefault');
    const nameSpan = nameSpanOf(child, 'name');
    return [{
      path,
      overrideModeDefault: overrideMode?.value,
      overrideModeDefaultSpan: overrideMode ? valueSpan(overrideMode) : undefined,
      ...elementSpan(child),
      nameStart: nameSpan.start,
      nameEnd: nameSpan.end,
    }];
  });
}

function normaliseLocationPath(path: string | undefined): string {
  const trimmed = trimSlashes(path ?? '');
  return trimmed === '.' ? '' : trimmed;
}

function readOverrideMode(location: XmlElement): { mode: OverrideMode | undefined; span: Span | undefined } {
  const overrideMode = getAttribute(location, 'overrideMode');
  const mode = overrideMode?.value?.trim().toLowerCase();
  if (overrideMode && (mode === 'allow' || mode === 'deny')) return { mode: mode === 'allow' ? 'Allow' : 'Deny', span: valueSpan(overrideMode) };
  // The legacy form IIS still honours: allowOverride="false" locks like overrideMode="Deny".
  const allowOverride = getAttribute(location, 'allowOverride');
  const allowed = parseBoolean(allowOverride?.value);
  if (allowOverride && allowed !== undefined) return { mode: allowed ? 'Allow' : 'Deny', span: valueSpan(allowOverride) };
  return { mode: undefined, span: undefined };
}

function readLocation(location: XmlElement): LocationElement {
  const { mode, span } = readOverrideMode(location);
  // Only the top-level sections of each group: the three web.config sections this model follows are all of that kind.
  const sections = location.children.flatMap((group) => group.children.map((section) => `${group.name}/${section.name}`));
  return { path: normaliseLocationPath(valueOf(location, 'path')), overrideMode: mode, overrideModeSpan: span, sections, ...elementSpan(location) };
}

function appliesTo(locationPath: string, configPath: string): boolean {
  if (locationPath === '') return true;
  const location = locationPath.toLowerCase();
  const target = configPath.toLowerCase();
  return target === location || target.startsWith(`${location}/`);
}

/**
 * For each web.config section and each application, the lock IIS applies: the most specific <location> that holds the
 * section with an overrideMode decides; without one, the section's overrideModeDefault does (absent = Allow).
 */
function findSectionLocks(declarations: readonly SectionDeclaration[], locations: readonly LocationElement[], applications: readonly AppHostApplication[]): SectionLock[] {
  const locks: SectionLock[] = [];
  for (const { path: section } of WEB_CONFIG_SECTIONS) {
    const declaration = declarations.find((candidate) => candidate.path === section);
    if (!declaration) continue;
    const byOrigin = new Map<string, { lock: Omit<SectionLock, 'applications'>; applications: AppHostApplication[] }>();
    const targets: (AppHostApplication | undefined)[] = applications.length > 0 ? [...applications] : [undefined];
    for (const application of targets) {
      const configPath = application ? applicationConfigPath(application) : '';
      const lock = effectiveLock(section, declaration, locations, configPath);
      if (!lock) continue;
      const key = `${lock.start}:${lock.end}`;
      const entry = byOrigin.get(key) ?? { lock, applications: [] };
      if (application) entry.applications.push(application);
      byOrigin.set(key, entry);
    }
    for (const { lock, applications: locked } of byOrigin.values()) locks.push({ ...lock, applications: locked });
  }
  return locks;
}

function effectiveLock(section: string, declaration: SectionDeclaration, locations: readonly LocationElement[], configPath: string): Omit<SectionLock, 'applications'> | undefined {
  let decisive: LocationElement | undefined;
  for (const location of locations) {
    if (location.overrideMode === undefined || !location.sections.includes(section) || !appliesTo(location.path, configPath)) continue;
    if (!decisive || location.path.length >= decisive.path.length) decisive = location;
  }
  if (decisive) {
    if (decisive.overrideMode !== 'Deny' || !decisive.overrideModeSpan) return undefined;
    return { section, lockedBy: 'location', locationPath: decisive.path, ...decisive.overrideModeSpan };
  }
  const mode = (declaration.overrideModeDefault ?? DEFAULT_OVERRIDE_MODE).trim().toLowerCase();
  if (mode !== 'deny' || !declaration.overrideModeDefaultSpan) return undefined;
  return { section, lockedBy: 'overrideModeDefault', locationPath: undefined, ...declaration.overrideModeDefaultSpan };
}
