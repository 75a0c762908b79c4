import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AppFacts,
  type AppHostApplication,
  applicationConfigPath,
  readApplicationHost,
  validateApplicationHost,
} from '../../../server/src/service/applicationHost';
import type { Issue } from '../../../server/src/service/types';

interface ConfigParts {
  readonly declarations?: string;
  readonly pools?: string;
  readonly sites?: string;
  readonly globalModules?: string;
  readonly modules?: string;
  readonly locations?: string;
}

const ANCM_GLOBAL = '<add name="AspNetCoreModuleV2" image="%ProgramFiles%\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll" />';
const ANCM_MODULE = '<add name="AspNetCoreModuleV2" lockItem="true" />';
const DECLARATIONS = '<section name="handlers" overrideModeDefault="Deny" /><section name="modules" overrideModeDefault="Deny" /><section name="aspNetCore" overrideModeDefault="Allow" />';

/** An IIS applicationHost.config with ANCM registered as the Hosting Bundle does; each part can be replaced. */
function iisConfig(parts: ConfigParts = {}): string {
  return `<configuration>
  <configSections><sectionGroup name="system.webServer">${parts.declarations ?? DECLARATIONS}</sectionGroup></configSections>
  <system.applicationHost>
    <applicationPools>${parts.pools ?? '<add name="DefaultAppPool" managedRuntimeVersion="" /><add name="Pool32" enable32BitAppOnWin64="true" />'}</applicationPools>
    <sites>${parts.sites ?? '<site name="Default Web Site" id="1"><application path="/"><virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" /></application></site>'}
      <applicationDefaults applicationPool="DefaultAppPool" />
    </sites>
  </system.applicationHost>
  <system.webServer><globalModules>${parts.globalModules ?? ANCM_GLOBAL}</globalModules></system.webServer>
  <location path="" overrideMode="Allow"><system.webServer><modules>${parts.modules ?? ANCM_MODULE}</modules><handlers /></system.webServer></location>
  ${parts.locations ?? ''}
</configuration>`;
}

function issues(text: string, facts?: Record<string, AppFacts>): Issue[] {
  return validateApplicationHost(readApplicationHost(text), facts && ((app: AppHostApplication) => facts[applicationConfigPath(app)]));
}

function ruleIds(found: readonly Issue[]): string[] {
  return found.map((issue) => issue.rule);
}

function marked(text: string, issue: Issue): string {
  return text.slice(issue.start, issue.end);
}

const TWO_APPS = '<site name="Shop"><application path="/" applicationPool="Shared" /><application path="/api" applicationPool="Shared" /></site>';
const SHARED_POOL = '<add name="Shared" />';

describe('applicationHost.config rules', () => {
  it('a complete registration with unlocked sections and existing pools is clean', () => {
    assert.deepEqual(issues(iisConfig()), []);
  });

  it('apphost-aspnetcore-section-undeclared: the module is registered but the section is not declared', () => {
    const text = iisConfig({ declarations: '<section name="handlers" />' });
    const [issue, ...rest] = issues(text);
    assert.deepEqual(rest, []);
    assert.equal(issue?.rule, 'apphost-aspnetcore-section-undeclared');
    assert.equal(issue?.severity, 'error');
    assert.match(issue!.message, /HTTP 500\.19 \(0x8007000d\)/);
    assert.equal(marked(text, issue!), 'AspNetCoreModuleV2');
    // Silent when ANCM is not registered at all: nothing in this file says any site uses it.
    assert.deepEqual(issues(iisConfig({ declarations: '', globalModules: '', modules: '' })), []);
  });

  it('apphost-ancm-registration-incomplete: loaded but not enabled, and enabled or declared but never loaded', () => {
    const notEnabled = iisConfig({ modules: '' });
    assert.deepEqual(ruleIds(issues(notEnabled)), ['apphost-ancm-registration-incomplete']);
    assert.match(issues(notEnabled)[0]!.message, /^AspNetCoreModuleV2 is loaded but not enabled: .*HTTP 500\.21/);

    const notLoaded = iisConfig({ globalModules: '' });
    const [issue] = issues(notLoaded);
    assert.equal(issue?.rule, 'apphost-ancm-registration-incomplete');
    assert.match(issue!.message, /^<globalModules> has no AspNetCoreModuleV2 entry.*HTTP 500\.21/);
    assert.ok(notLoaded.indexOf(ANCM_MODULE) < issue!.start, 'marks the <modules> entry');

    const onlyDeclared = iisConfig({ globalModules: '', modules: '' });
    assert.deepEqual(ruleIds(issues(onlyDeclared)), ['apphost-ancm-registration-incomplete']);
    assert.equal(marked(onlyDeclared, issues(onlyDeclared)[0]!), 'aspNetCore');
  });

  it('apphost-section-locked: overrideModeDefault="Deny" with no location allowing it', () => {
    const text = iisConfig({ declarations: '<section name="handlers" overrideModeDefault="Deny" /><section name="aspNetCore" overrideModeDefault="Deny" />', modules: ANCM_MODULE });
    const found = issues(text);
    assert.deepEqual(ruleIds(found), ['apphost-section-locked']);
    assert.equal(found[0]!.severity, 'error');
    assert.match(found[0]!.message, /^system\.webServer\/aspNetCore is locked by overrideModeDefault="Deny": the web\.config of 'Default Web Site' gets HTTP 500\.19 "This configuration section cannot be used at this path"\.$/);
    assert.equal(marked(text, found[0]!), 'Deny');
  });

  it('apphost-section-locked: a site <location overrideMode="Deny">, a warning for modules', () => {
    const text = iisConfig({
      locations: '<location path="Default Web Site" overrideMode="Deny"><system.webServer><handlers /><modules /></system.webServer></location>',
    });
    const found = issues(text);
    assert.deepEqual(found.map((issue) => [issue.rule, issue.severity]), [
      ['apphost-section-locked', 'error'],
      ['apphost-section-locked', 'warning'],
    ]);
    assert.match(found[0]!.message, /^system\.webServer\/handlers is locked by <location path='Default Web Site'>: a web\.config there gets HTTP 500\.19/);
    assert.equal(marked(text, found[0]!), 'Deny');
    // The same location with overrideMode="Allow" unlocks instead.
    assert.deepEqual(issues(text.replace('overrideMode="Deny"', 'overrideMode="Allow"')), []);
  });

  it('apphost-missing-pool: named by the application, or inherited from applicationDefaults', () => {
    const own = iisConfig({ sites: '<site name="Shop"><application path="/" applicationPool="ShopPool" /></site>' });
    const [issue, ...rest] = issues(own);
    assert.deepEqual(rest, []);
    assert.equal(issue?.rule, 'apphost-missing-pool');
    assert.equal(issue?.message, "Application pool 'ShopPool' does not exist: 'Shop' gets HTTP 503 Service Unavailable. Add it to <applicationPools> or use an existing pool.");
    assert.equal(marked(own, issue!), 'ShopPool');

    const inherited = iisConfig({ pools: '<add name="Other" />', sites: TWO_APPS.replaceAll(' applicationPool="Shared"', '') });
    const [shared] = issues(inherited);
    assert.equal(shared?.rule, 'apphost-missing-pool');
    assert.match(shared!.message, /'DefaultAppPool' does not exist: 'Shop' and 'Shop\/api' get HTTP 503/);
    assert.equal(marked(inherited, shared!), 'DefaultAppPool');

    // Pool names compare ignoring case, and a fragment without <applicationPools> is not judged.
    assert.deepEqual(issues(iisConfig({ sites: '<site name="S"><application path="/" applicationPool="defaultapppool" /></site>' })), []);
    assert.deepEqual(issues('<configuration><system.applicationHost><sites><site name="S"><application path="/" applicationPool="Nope" /></site></sites></system.applicationHost></configuration>'), []);
  });

  it('apphost-multiple-inprocess-apps: two in-process apps in one pool, each marked', () => {
    const text = iisConfig({ pools: SHARED_POOL, sites: TWO_APPS });
    const found = issues(text, { Shop: { hostingModel: 'inprocess' }, 'Shop/api': { hostingModel: 'inprocess' } });
    assert.deepEqual(ruleIds(found), ['apphost-multiple-inprocess-apps', 'apphost-multiple-inprocess-apps']);
    assert.equal(found[0]!.message, "In-process 'Shop' shares pool 'Shared' with in-process 'Shop/api': the one that starts second gets HTTP 500.35. Use separate pools.");
    assert.equal(marked(text, found[1]!), 'Shared');
    // Silent without facts, and for one in-process app with one whose facts are unknown.
    assert.deepEqual(issues(text), []);
    assert.deepEqual(issues(text, { Shop: { hostingModel: 'inprocess' } }), []);
  });

  it('apphost-mixed-hosting-models: in-process and out-of-process apps in one pool', () => {
    const text = iisConfig({ pools: SHARED_POOL, sites: TWO_APPS });
    const found = issues(text, { Shop: { hostingModel: 'inprocess' }, 'Shop/api': { hostingModel: 'outofprocess' } });
    assert.deepEqual(ruleIds(found), ['apphost-mixed-hosting-models', 'apphost-mixed-hosting-models']);
    assert.equal(found[0]!.message, "In-process 'Shop' shares pool 'Shared' with out-of-process 'Shop/api': the one that starts second gets HTTP 500.34.");
    assert.match(found[1]!.message, /^Out-of-process 'Shop\/api' shares pool 'Shared' with in-process 'Shop'/);
    // Two out-of-process apps share a pool without trouble.
    assert.deepEqual(issues(text, { Shop: { hostingModel: 'outofprocess' }, 'Shop/api': { hostingModel: 'outofprocess' } }), []);
  });

  it('IIS Express groups processes by site: the same pool in two sites is two processes', () => {
    const text = iisConfig({
      globalModules: '<add name="AspNetCoreModuleV2" image="%IIS_BIN%\\Asp.Net Core Module\\V2\\aspnetcorev2.dll" />',
      pools: SHARED_POOL,
      sites: '<site name="A"><application path="/" applicationPool="Shared" /></site><site name="B"><application path="/" applicationPool="Shared" /></site>',
    });
    assert.deepEqual(issues(text, { A: { hostingModel: 'inprocess' }, B: { hostingModel: 'inprocess' } }), []);
    const onIis = text.replace('%IIS_BIN%', '%ProgramFiles%\\IIS');
    assert.deepEqual(ruleIds(issues(onIis, { A: { hostingModel: 'inprocess' }, B: { hostingModel: 'inprocess' } })), ['apphost-multiple-inprocess-apps', 'apphost-multiple-inprocess-apps']);
  });

  it('apphost-pool-bitness: an in-process x86 app in a 64-bit pool, or x64 in a 32-bit one', () => {
    const text = iisConfig({
      sites: '<site name="A"><application path="/" /></site><site name="B"><application path="/" applicationPool="Pool32" /></site>',
    });
    const found = issues(text, { A: { hostingModel: 'inprocess', bitness: 'x86' }, B: { hostingModel: 'inprocess', bitness: 'x64' } });
    assert.deepEqual(ruleIds(found), ['apphost-pool-bitness', 'apphost-pool-bitness']);
    assert.equal(found[0]!.message, "'A' is built for x86 but pool 'DefaultAppPool' is 64-bit: in-process it gets HTTP 500.32. Set \"Enable 32-Bit Applications\" to True.");
    assert.equal(marked(text, found[0]!), '/', 'an application without its own pool is marked at its path');
    assert.match(found[1]!.message, /^'B' is built for x64 but pool 'Pool32' is 32-bit/);
    // Matching bitness, any-CPU, or out-of-process: nothing; and IIS Express is left alone.
    assert.deepEqual(issues(text, { A: { hostingModel: 'inprocess', bitness: 'x64' }, B: { hostingModel: 'inprocess', bitness: 'x86' } }), []);
    assert.deepEqual(issues(text, { A: { hostingModel: 'inprocess', bitness: 'any' }, B: { hostingModel: 'outofprocess', bitness: 'x64' } }), []);
    assert.deepEqual(issues(text.replace('%ProgramFiles%\\IIS', '%IIS_BIN%'), { A: { hostingModel: 'inprocess', bitness: 'x86' } }), []);
  });

  it('keeps every message within 200 characters, even with long names', () => {
    const long = 'N'.repeat(120);
    const text = iisConfig({
      declarations: '<section name="modules" />',
      pools: `<add name="${long}" enable32BitAppOnWin64="true" />`,
      sites: `<site name="${long}"><application path="/" applicationPool="${long}" /><application path="/${long}" applicationPool="${long}" /><application path="/x" applicationPool="${long}" /><application path="/y" applicationPool="Missing${long}" /></site>`,
      globalModules: '',
      locations: `<location path="${long}" overrideMode="Deny"><system.webServer><modules /></system.webServer></location>`,
    });
    const facts: Record<string, AppFacts> = {
      [long]: { hostingModel: 'inprocess', bitness: 'x64' },
      [`${long}/${long}`]: { hostingModel: 'inprocess', bitness: 'x64' },
      [`${long}/x`]: { hostingModel: 'outofprocess' },
    };
    const found = issues(text, facts);
    assert.deepEqual(new Set(ruleIds(found)), new Set([
      'apphost-aspnetcore-section-undeclared',
      'apphost-ancm-registration-incomplete',
      'apphost-section-locked',
      'apphost-missing-pool',
      'apphost-pool-bitness',
      'apphost-mixed-hosting-models',
      'apphost-multiple-inprocess-apps',
    ]));
    for (const issue of found) assert.ok(issue.message.length <= 200, `${issue.message.length}: ${issue.message}`);
    for (const issue of issues(iisConfig({ declarations: '', modules: '' }))) assert.ok(issue.message.length <= 200, issue.message);
  });

  it('a facts lookup that throws counts as unknown', () => {
    const text = iisConfig({ pools: SHARED_POOL, sites: TWO_APPS });
    assert.deepEqual(validateApplicationHost(readApplicationHost(text), () => { throw new Error('no web.config'); }), []);
  });
});
