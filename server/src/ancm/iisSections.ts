// The configuration sections IIS itself knows directly under <system.webServer>, and the sections a web.config
// commonly holds elsewhere. Source: IIS's schema, %windir%\System32\inetsrv\config\schema\IIS_schema.xml, whose
// section names learn.microsoft.com documents in "Configuration reference" (/iis/configuration/system.webserver/),
// plus the sections that common IIS modules register with their own schema files: ANCM (aspnetcore_schema_v2.xml),
// HttpPlatformHandler, URL Rewrite, IIS CORS, iisnode, Application Request Routing, Application Initialization.
//
// The lists are conservative on purpose: a name missing from KNOWN_SYSTEM_WEBSERVER_SECTIONS is not flagged for
// that alone (a module may add it); only a known name in the wrong letter case, or a section that belongs
// somewhere else, is certainly unknown to IIS there.

/** Sections and section groups directly under <system.webServer>, spelled as IIS's schema spells them. */
export const KNOWN_SYSTEM_WEBSERVER_SECTIONS: readonly string[] = [
  // IIS_schema.xml
  'asp',
  'caching',
  'cgi',
  'defaultDocument',
  'directoryBrowse',
  'fastCgi',
  'globalModules',
  'handlers',
  'httpCompression',
  'httpErrors',
  'httpLogging',
  'httpProtocol',
  'httpRedirect',
  'httpTracing',
  'isapiFilters',
  'modules',
  'odbcLogging',
  'security',
  'serverRuntime',
  'serverSideInclude',
  'staticContent',
  'tracing',
  'urlCompression',
  'validation',
  'webdav',
  'webSocket',
  'applicationInitialization',
  'management',
  // Modules Microsoft ships separately, and common third-party ones.
  'aspNetCore',
  'httpPlatform',
  'rewrite',
  'cors',
  'iisnode',
  'proxy',
  'diskCache',
  'webFarms',
  'heliconApe',
];

/**
 * Sections that belong elsewhere in a web.config (directly under <configuration>, in <system.web>, or inside one
 * of the sections above); IIS does not know them as children of <system.webServer>. Lower case: compared ignoring case.
 */
export const SECTIONS_BELONGING_ELSEWHERE: ReadonlyMap<string, string> = new Map([
  ['appsettings', 'directly under <configuration>'],
  ['connectionstrings', 'directly under <configuration>'],
  ['configsections', 'first under <configuration>'],
  ['runtime', 'directly under <configuration>'],
  ['startup', 'directly under <configuration>'],
  ['location', 'directly under <configuration>'],
  ['system.web', 'directly under <configuration>'],
  ['system.net', 'directly under <configuration>'],
  ['system.webserver', 'directly under <configuration>'],
  ['compilation', 'in <system.web>'],
  ['customerrors', 'in <system.web>'],
  ['httpruntime', 'in <system.web>'],
  ['sessionstate', 'in <system.web>'],
  ['authentication', 'in <security>'],
  ['authorization', 'in <security>'],
  ['requestfiltering', 'in <security>'],
  ['ipsecurity', 'in <security>'],
  ['access', 'in <security>'],
  ['customheaders', 'in <httpProtocol>'],
  ['redirectheaders', 'in <httpProtocol>'],
  ['mimemap', 'in <staticContent>'],
  ['rules', 'in <rewrite>'],
  ['outboundrules', 'in <rewrite>'],
  ['add', 'in a collection such as <handlers> or <modules>'],
  ['remove', 'in a collection such as <handlers> or <modules>'],
  ['clear', 'in a collection such as <handlers> or <modules>'],
]);
