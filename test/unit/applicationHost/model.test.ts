import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applicationConfigPath,
  applicationHostSymbols,
  readApplicationHost,
  validateApplicationHost,
} from '../../../server/src/service/applicationHost';
import type { SymbolNode } from '../../../server/src/service/types';

// Abridged from the .vs/<solution>/config/applicationhost.config Visual Studio writes for an ASP.NET Core project.
const IIS_EXPRESS_CONFIG = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <configSections>
    <sectionGroup name="system.applicationHost">
      <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
    </sectionGroup>
    <sectionGroup name="system.webServer">
      <section name="defaultDocument" overrideModeDefault="Allow" />
      <section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
      <section name="handlers" overrideModeDefault="Deny" />
      <section name="modules" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
      <sectionGroup name="security">
        <section name="access" overrideModeDefault="Deny" />
      </sectionGroup>
      <section name="aspNetCore" overrideModeDefault="Allow" />
    </sectionGroup>
  </configSections>
  <system.applicationHost>
    <applicationPools>
      <add name="Clr4IntegratedAppPool" managedRuntimeVersion="v4.0" managedPipelineMode="Integrated" CLRConfigFile="%IIS_USER_HOME%\config\aspnet.config" autoStart="true" />
      <add name="UnmanagedClassicAppPool" managedRuntimeVersion="" managedPipelineMode="Classic" autoStart="true" />
      <add name="WebApp AppPool" managedRuntimeVersion="" />
      <applicationPoolDefaults managedRuntimeLoader="v4.0">
        <processModel />
      </applicationPoolDefaults>
    </applicationPools>
    <sites>
      <site name="WebSite1" id="1" serverAutoStart="true">
        <application path="/">
          <virtualDirectory path="/" physicalPath="%IIS_SITES_HOME%\WebSite1" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation=":8080:localhost" />
        </bindings>
      </site>
      <site name="WebApp" id="2">
        <application path="/" applicationPool="WebApp AppPool">
          <virtualDirectory path="/" physicalPath="C:\src\WebApp\WebApp" />
        </application>
        <bindings>
          <binding protocol="http" bindingInformation="*:5213:localhost" />
          <binding protocol="https" bindingInformation="*:44321:localhost" />
        </bindings>
      </site>
      <siteDefaults>
        <logFile logFormat="W3C" directory="%IIS_USER_HOME%\Logs" />
      </siteDefaults>
      <applicationDefaults applicationPool="Clr4IntegratedAppPool" />
      <virtualDirectoryDefaults allowSubDirConfig="true" />
    </sites>
  </system.applicationHost>
  <system.webServer>
    <globalModules>
      <add name="StaticFileModule" image="%IIS_BIN%\static.dll" />
      <add name="AspNetCoreModuleV2" image="%IIS_BIN%\Asp.Net Core Module\V2\aspnetcorev2.dll" />
    </globalModules>
  </system.webServer>
  <location path="" overrideMode="Allow">
    <system.webServer>
      <modules>
        <add name="StaticFileModule" lockItem="true" />
        <add name="AspNetCoreModuleV2" lockItem="true" />
      </modules>
      <handlers accessPolicy="Read, Script">
        <add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />
      </handlers>
    </system.webServer>
  </location>
  <location path="WebApp">
    <system.webServer>
      <security>
        <authentication>
          <anonymousAuthentication enabled="true" />
        </authentication>
      </security>
    </system.webServer>
  </location>
</configuration>
`;

function outline(symbols: readonly SymbolNode[]): unknown[] {
  return symbols.map((symbol) => (symbol.children.length > 0 ? [symbol.name, symbol.detail, outline(symbol.children)] : [symbol.name, symbol.detail]));
}

describe('applicationHost.config model', () => {
  it('reads the sites, applications, pools and ANCM registration of an IIS Express file', () => {
    const model = readApplicationHost(IIS_EXPRESS_CONFIG);
    assert.equal(model.isIisExpress, true);
    assert.deepEqual(model.sites.map((site) => [site.name, site.id, site.bindings]), [
      ['WebSite1', '1', ['http :8080:localhost']],
      ['WebApp', '2', ['http *:5213:localhost', 'https *:44321:localhost']],
    ]);
    assert.deepEqual(model.applications.map((app) => [applicationConfigPath(app), app.applicationPool, app.applicationPoolSource, app.physicalPath]), [
      ['WebSite1', 'Clr4IntegratedAppPool', 'serverApplicationDefaults', '%IIS_SITES_HOME%\\WebSite1'],
      ['WebApp', 'WebApp AppPool', 'application', 'C:\\src\\WebApp\\WebApp'],
    ]);
    const webApp = model.applications[1]!;
    assert.equal(IIS_EXPRESS_CONFIG.slice(webApp.start, webApp.start + 12), '<application');
    assert.equal(IIS_EXPRESS_CONFIG.slice(webApp.nameStart, webApp.nameEnd), '/');
    assert.equal(IIS_EXPRESS_CONFIG.slice(webApp.applicationPoolSpan!.start, webApp.applicationPoolSpan!.end), 'WebApp AppPool');
    assert.deepEqual(model.pools.map((pool) => [pool.name, pool.managedRuntimeVersion, pool.enable32BitAppOnWin64]), [
      ['Clr4IntegratedAppPool', 'v4.0', false],
      ['UnmanagedClassicAppPool', '', false],
      ['WebApp AppPool', '', false],
    ]);
    assert.deepEqual(model.globalModules.map((entry) => entry.name), ['StaticFileModule', 'AspNetCoreModuleV2']);
    assert.deepEqual(model.modules.map((entry) => [entry.name, entry.lockItem, entry.locationPath]), [
      ['StaticFileModule', true, ''],
      ['AspNetCoreModuleV2', true, ''],
    ]);
    assert.ok(model.sectionDeclarations.some((declaration) => declaration.path === 'system.webServer/aspNetCore' && declaration.overrideModeDefault === 'Allow'));
    assert.ok(model.sectionDeclarations.some((declaration) => declaration.path === 'system.webServer/security/access'));
    // handlers and modules default to Deny, but <location path="" overrideMode="Allow"> unlocks them everywhere.
    assert.deepEqual(model.lockedSections, []);
  });

  it('finds nothing wrong in the IIS Express file, with or without facts about its app', () => {
    const model = readApplicationHost(IIS_EXPRESS_CONFIG);
    assert.deepEqual(validateApplicationHost(model), []);
    assert.deepEqual(validateApplicationHost(model, (app) => (app.siteName === 'WebApp' ? { hostingModel: 'inprocess', bitness: 'x86' } : undefined)), []);
  });

  it('resolves the pool from the application, then its site\'s applicationDefaults, then <sites>\', then DefaultAppPool', () => {
    const config = (sitesDefaults: string) => `<configuration><system.applicationHost><sites>
      <site name="A"><applicationDefaults applicationPool="SitePool" /><application path="/" /><application path="/own" applicationPool="OwnPool" /></site>
      <site name="B"><application path="/" applicationPool="" /></site>
      ${sitesDefaults}
    </sites></system.applicationHost></configuration>`;
    const pools = (text: string) => readApplicationHost(text).applications.map((app) => [applicationConfigPath(app), app.applicationPool, app.applicationPoolSource]);
    assert.deepEqual(pools(config('<applicationDefaults applicationPool="ServerPool" />')), [
      ['A', 'SitePool', 'siteApplicationDefaults'],
      ['A/own', 'OwnPool', 'application'],
      ['B', 'ServerPool', 'serverApplicationDefaults'],
    ]);
    assert.deepEqual(pools(config('')).at(-1), ['B', 'DefaultAppPool', 'builtInDefault']);
  });

  it('takes enable32BitAppOnWin64 from the pool, else applicationPoolDefaults, else false', () => {
    const model = readApplicationHost(`<configuration><system.applicationHost><applicationPools>
      <add name="Inherits" /><add name="Own" enable32BitAppOnWin64="False" />
      <applicationPoolDefaults enable32BitAppOnWin64="true" />
    </applicationPools></system.applicationHost></configuration>`);
    assert.deepEqual(model.pools.map((pool) => [pool.name, pool.enable32BitAppOnWin64]), [['Inherits', true], ['Own', false]]);
  });

  it('locks a section by overrideModeDefault="Deny", by a site <location>, and not where a more specific location allows it', () => {
    const text = `<configuration>
      <configSections><sectionGroup name="system.webServer">
        <section name="handlers" overrideModeDefault="Deny" />
        <section name="aspNetCore" />
        <section name="modules" overrideModeDefault="Allow" />
      </sectionGroup></configSections>
      <system.applicationHost><applicationPools><add name="P" /></applicationPools><sites>
        <site name="Shop"><application path="/" applicationPool="P" /><application path="/api" applicationPool="P" /></site>
        <site name="Blog"><application path="/" applicationPool="P" /></site>
      </sites></system.applicationHost>
      <location path="Shop/api" overrideMode="Allow"><system.webServer><handlers /></system.webServer></location>
      <location path="Blog" allowOverride="false"><system.webServer><modules /></system.webServer></location>
    </configuration>`;
    const locks = readApplicationHost(text).lockedSections.map((lock) => [lock.section, lock.lockedBy, lock.locationPath, text.slice(lock.start, lock.end), lock.applications.map(applicationConfigPath)]);
    assert.deepEqual(locks, [
      ['system.webServer/handlers', 'overrideModeDefault', undefined, 'Deny', ['Shop', 'Blog']],
      ['system.webServer/modules', 'location', 'Blog', 'false', ['Blog']],
    ]);
  });

  it('gives an empty but valid model for half-typed, foreign or garbage text', () => {
    for (const text of ['', '<', '<configuration', '<configuration><system.applicationHost><sites><site name="S"><application pa', 'not xml at all <<>> &&', '<Project Sdk="Microsoft.NET.Sdk"/>', '<configuration><system.applicationHost><applicationPools><add name=']) {
      const model = readApplicationHost(text);
      assert.ok(Array.isArray(model.sites) && Array.isArray(model.pools) && Array.isArray(model.lockedSections), text);
      assert.deepEqual(validateApplicationHost(model, () => ({ hostingModel: 'inprocess', bitness: 'x86' })), [], text);
      assert.ok(Array.isArray(applicationHostSymbols(model)));
    }
    const halfTyped = readApplicationHost('<configuration><system.applicationHost><sites><site name="S"><application pa');
    assert.deepEqual(halfTyped.applications.map((app) => [app.siteName, app.path, app.applicationPool]), [['S', '', 'DefaultAppPool']]);
  });
});

describe('applicationHost.config outline', () => {
  it('lists sites with their applications (pool and physical path) and the pools, in document order', () => {
    const symbols = applicationHostSymbols(readApplicationHost(IIS_EXPRESS_CONFIG));
    assert.deepEqual(outline(symbols), [
      ['Clr4IntegratedAppPool', 'CLR v4.0 · Integrated'],
      ['UnmanagedClassicAppPool', 'No Managed Code · Classic'],
      ['WebApp AppPool', 'No Managed Code'],
      ['WebSite1', 'http :8080:localhost', [['/', 'Clr4IntegratedAppPool · %IIS_SITES_HOME%\\WebSite1']]],
      ['WebApp', 'http *:5213:localhost, https *:44321:localhost', [['/', 'WebApp AppPool · C:\\src\\WebApp\\WebApp']]],
    ]);
    const check = (nodes: readonly SymbolNode[]): void => {
      for (const node of nodes) {
        assert.ok(node.start <= node.selectionStart && node.selectionEnd <= node.end, node.name);
        check(node.children);
      }
    };
    check(symbols);
  });
});
