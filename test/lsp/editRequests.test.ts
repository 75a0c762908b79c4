// The edit requests over stdio, as the VS Code client's commands and status bar send them: each action's edits,
// applied to the text the server has, give the file the command promises; a stale version, a file that is not a
// web.config and a half-typed file get a reason, never a wrong edit or an error.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type HostingModelStateParams, type HostingModelStateResult, type WebConfigEditParams, type WebConfigEditResult, type WebConfigEdits, isEditRefused } from '../../server/src/protocol/edits';
import { HOSTING_MODEL_STATE_REQUEST, WEB_CONFIG_EDIT_REQUEST } from '../../server/src/protocol/requests';
import { publishedConfig, withCursor } from '../unit/cursor';
import { type ServerUnderTest, positionOf, startServer, withTimeout } from './harness';

const PUBLISHED = publishedConfig('<aspNetCore processPath="dotnet" arguments=".\\App.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />');

/** Two apps in one file, as `<location>`s. */
function twoLocations(first: string, second: string): string {
  return [
    '<configuration>',
    '  <location path="api">',
    '    <system.webServer>',
    `      ${first}`,
    '    </system.webServer>',
    '  </location>',
    '  <location path="admin">',
    '    <system.webServer>',
    `      ${second}`,
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
    '',
  ].join('\n');
}

describe('edit requests (ancm/webConfig/edit, ancm/webConfig/hostingModelState)', () => {
  let server: ServerUnderTest;
  let count = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'the server exits cleanly after shutdown and exit');
  });

  /** Opens the text as a fresh web.config (its own folder, so no test sees another's file). */
  function openWebConfig(text: string, name = 'web.config'): string {
    const uri = `file:///srv/site${++count}/${name}`;
    server.open(uri, text);
    return uri;
  }

  function edit(params: WebConfigEditParams): Promise<WebConfigEditResult> {
    return withTimeout(server.connection.sendRequest(WEB_CONFIG_EDIT_REQUEST, params), `edit ${params.action}`);
  }

  function state(params: HostingModelStateParams): Promise<HostingModelStateResult> {
    return withTimeout(server.connection.sendRequest(HOSTING_MODEL_STATE_REQUEST, params), 'hostingModelState');
  }

  function edits(result: WebConfigEditResult): WebConfigEdits {
    assert.ok(!isEditRefused(result), `expected edits, got: ${isEditRefused(result) ? result.cannot : ''}`);
    return result;
  }

  /** The text once the answer's LSP edits are applied to `text`. */
  function applied(text: string, result: WebConfigEditResult): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'xml', 1, text), edits(result).edits);
  }

  it('toggles the hosting model, and back on the next version', async () => {
    const uri = openWebConfig(PUBLISHED);
    const first = await edit({ action: 'toggleHostingModel', uri, version: 1 });
    assert.equal(edits(first).hostingModel, 'outofprocess');
    assert.equal(edits(first).version, 1);
    assert.equal(edits(first).switchToModule, undefined, 'no V1 handler to switch');
    const toggled = applied(PUBLISHED, first);
    assert.equal(toggled, PUBLISHED.replace('hostingModel="inprocess"', 'hostingModel="outofprocess"'));

    server.change(uri, 2, toggled);
    const second = await edit({ action: 'toggleHostingModel', uri, version: 2 });
    assert.equal(edits(second).hostingModel, 'inprocess');
    assert.equal(applied(toggled, second), PUBLISHED);
  });

  it('sets the hosting model of the section under the cursor only', async () => {
    const { text, offset } = withCursor(twoLocations('<aspNetCore processPath="dotnet" hostingModel="inprocess" />', '<aspNetCore processPath="dotnet" hostingModel="inprocess" |/>'));
    const uri = openWebConfig(text);
    const result = await edit({ action: 'setHostingModel', arg: 'outofprocess', uri, version: 1, position: positionOf(text, offset) });
    assert.equal(applied(text, result), twoLocations('<aspNetCore processPath="dotnet" hostingModel="inprocess" />', '<aspNetCore processPath="dotnet" hostingModel="outofprocess" />'));
    // Without a cursor, every section.
    const all = await edit({ action: 'setHostingModel', arg: 'outofprocess', uri, version: 1 });
    assert.equal(applied(text, all), twoLocations('<aspNetCore processPath="dotnet" hostingModel="outofprocess" />', '<aspNetCore processPath="dotnet" hostingModel="outofprocess" />'));
  });

  it('answers an empty edit list when the file already says what was asked', async () => {
    const uri = openWebConfig(PUBLISHED);
    const result = await edit({ action: 'setHostingModel', arg: 'inprocess', uri, version: 1 });
    assert.deepEqual(edits(result).edits, []);
    assert.equal(edits(result).hostingModel, 'inprocess');
  });

  it('offers the V2 module with an in-process result while a handler names V1, and switches it', async () => {
    const v1 = PUBLISHED.replace('modules="AspNetCoreModuleV2"', 'modules="AspNetCoreModule"').replace('hostingModel="inprocess"', 'hostingModel="outofprocess"');
    const uri = openWebConfig(v1);
    const toggle = await edit({ action: 'toggleHostingModel', uri, version: 1 });
    assert.equal(edits(toggle).hostingModel, 'inprocess');
    assert.equal(edits(toggle).switchToModule, 'AspNetCoreModuleV2');
    const inProcess = applied(v1, toggle);
    server.change(uri, 2, inProcess);

    const switched = await edit({ action: 'switchHandlersToV2', uri, version: 2 });
    assert.equal(applied(inProcess, switched), PUBLISHED);
    // Out-of-process runs on V1 too: nothing to offer.
    const outOfProcess = await edit({ action: 'setHostingModel', arg: 'outofprocess', uri, version: 2 });
    assert.equal(edits(outOfProcess).switchToModule, undefined);
  });

  it('turns stdout logging on and off', async () => {
    const uri = openWebConfig(PUBLISHED);
    const on = await edit({ action: 'enableStdoutLogging', uri, version: 1 });
    const enabled = applied(PUBLISHED, on);
    assert.equal(enabled, PUBLISHED.replace('stdoutLogEnabled="false"', 'stdoutLogEnabled="true"'));
    server.change(uri, 2, enabled);
    const off = await edit({ action: 'disableStdoutLogging', uri, version: 2 });
    assert.equal(applied(enabled, off), PUBLISHED);
    // Absent stdoutLogFile: enabling names a logs folder.
    const bare = publishedConfig('<aspNetCore processPath="dotnet" />');
    const bareUri = openWebConfig(bare);
    assert.equal(applied(bare, await edit({ action: 'enableStdoutLogging', uri: bareUri, version: 1 })), publishedConfig('<aspNetCore processPath="dotnet" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" />'));
  });

  it('turns the debug log on at a level and off again', async () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inprocess">\n      </aspNetCore>');
    const uri = openWebConfig(text);
    const on = await edit({ action: 'enableDebugLog', arg: 'INFO', uri, version: 1 });
    assert.equal(edits(on).debugLevel, 'FILE,INFO');
    const enabled = applied(text, on);
    assert.equal(
      enabled,
      publishedConfig(
        [
          '<aspNetCore processPath="dotnet" hostingModel="inprocess">',
          '        <handlerSettings>',
          '          <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />',
          '          <handlerSetting name="debugLevel" value="FILE,INFO" />',
          '        </handlerSettings>',
          '      </aspNetCore>',
        ].join('\n'),
      ),
    );
    server.change(uri, 2, enabled);
    const traced = await edit({ action: 'enableDebugLog', arg: 'TRACE', uri, version: 2 });
    assert.equal(applied(enabled, traced), enabled.replace('FILE,INFO', 'FILE,TRACE'), 'the entry in effect is updated, the path kept');
    const off = await edit({ action: 'disableDebugLog', uri, version: 2 });
    assert.equal(applied(enabled, off), text);
  });

  it('sets <AspNetCoreHostingModel> in a project file sent with the request', async () => {
    const project = ['<Project Sdk="Microsoft.NET.Sdk.Web">', '  <PropertyGroup>', '    <TargetFramework>net8.0</TargetFramework>', '  </PropertyGroup>', '</Project>', ''].join('\n');
    const uri = 'file:///srv/app/App.csproj';
    const result = await edit({ action: 'setProjectHostingModel', arg: { model: 'outofprocess', projectText: project }, uri, version: 7 });
    assert.equal(edits(result).version, 7);
    assert.deepEqual(edits(result).projectProperty, { name: 'AspNetCoreHostingModel', value: 'OutOfProcess' });
    assert.equal(applied(project, result), project.replace('</TargetFramework>\n', '</TargetFramework>\n    <AspNetCoreHostingModel>OutOfProcess</AspNetCoreHostingModel>\n'));
    const broken = await edit({ action: 'setProjectHostingModel', arg: { model: 'inprocess', projectText: '<Nothing />' }, uri, version: 8 });
    assert.ok(isEditRefused(broken) && /no <Project> element/.test(broken.cannot));
  });

  it('refuses a stale version, asking for a retry, and computes on the current one', async () => {
    const uri = openWebConfig(PUBLISHED);
    const typed = PUBLISHED.replace('processPath="dotnet"', 'processPath="dotnet"  ');
    server.change(uri, 2, typed);
    for (const version of [1, 3]) {
      const stale = await edit({ action: 'toggleHostingModel', uri, version });
      assert.ok(isEditRefused(stale), `version ${version} is refused`);
      assert.equal(stale.stale, true);
      assert.match(stale.cannot, /web\.config changed while the edit was being computed/);
    }
    const current = await edit({ action: 'toggleHostingModel', uri, version: 2 });
    assert.equal(applied(typed, current), typed.replace('hostingModel="inprocess"', 'hostingModel="outofprocess"'));
  });

  it('refuses a file that is not a web.config, and a web.config it does not have open (yet)', async () => {
    const other = 'file:///srv/site/settings.xml';
    server.open(other, PUBLISHED);
    const notWebConfig = await edit({ action: 'toggleHostingModel', uri: other, version: 1 });
    assert.ok(isEditRefused(notWebConfig) && !notWebConfig.stale);
    assert.match(notWebConfig.cannot, /settings\.xml is not a web\.config/);
    const notOpen = await edit({ action: 'enableStdoutLogging', uri: 'file:///srv/nowhere/web.config', version: 1 });
    // Possibly on its way (a document the client just opened): the client may ask again.
    assert.ok(isEditRefused(notOpen) && notOpen.stale);
    assert.match(notOpen.cannot, /does not have web\.config open/);
    assert.equal(await state({ uri: other }), null);
    assert.equal(await state({ uri: 'file:///srv/nowhere/web.config' }), null);
  });

  it('gives a reason for a half-typed file instead of an edit, and still a state', async () => {
    const text = publishedConfig('<aspNetCore processPath="dotnet" hostingModel="outofprocess" stdoutLogFile=".\\logs');
    const uri = openWebConfig(text);
    for (const request of [{ action: 'toggleHostingModel' }, { action: 'enableStdoutLogging' }, { action: 'enableDebugLog', arg: 'ERROR' }] as const) {
      const result = await edit({ ...request, uri, version: 1 });
      assert.ok(isEditRefused(result), `${request.action} is refused`);
      assert.equal(result.stale, undefined);
      assert.match(result.cannot, /not (complete|closed)/, request.action);
    }
    assert.deepEqual(await state({ uri }), { version: 1, state: { kind: 'model', model: 'outofprocess' } });
  });

  it('refuses an unknown action or argument with a reason, and keeps serving', async () => {
    const uri = openWebConfig(PUBLISHED);
    const unknown = await edit({ action: 'formatDisk', uri, version: 1 } as unknown as WebConfigEditParams);
    assert.ok(isEditRefused(unknown) && /Unknown edit action 'formatDisk'/.test(unknown.cannot));
    const badModel = await edit({ action: 'setHostingModel', arg: 'sideways', uri, version: 1 } as unknown as WebConfigEditParams);
    assert.ok(isEditRefused(badModel) && /not a hosting model/.test(badModel.cannot));
    const badLevel = await edit({ action: 'enableDebugLog', arg: 'LOUD', uri, version: 1 } as unknown as WebConfigEditParams);
    assert.ok(isEditRefused(badLevel) && /not a debug log level/.test(badLevel.cannot));
    const noUri = await edit({ action: 'toggleHostingModel' } as unknown as WebConfigEditParams);
    assert.ok(isEditRefused(noUri));
    assert.ok(!isEditRefused(await edit({ action: 'toggleHostingModel', uri, version: 1 })));
  });

  it('gives the status bar the hosting model of the section under the cursor, else of all sections', async () => {
    const { text, offset } = withCursor(twoLocations('<aspNetCore processPath="dotnet" hostingModel="inprocess" />', '<aspNetCore processPath="dotnet" |/>'));
    const uri = openWebConfig(text);
    assert.deepEqual(await state({ uri, position: positionOf(text, offset) }), { version: 1, state: { kind: 'model', model: 'outofprocess' } });
    assert.deepEqual(await state({ uri }), { version: 1, state: { kind: 'mixed' } });
    const invalid = openWebConfig(publishedConfig('<aspNetCore processPath="dotnet" hostingModel="inproc" />'));
    assert.deepEqual(await state({ uri: invalid }), { version: 1, state: { kind: 'invalid', value: 'inproc' } });
    const none = openWebConfig('<configuration />\n');
    assert.deepEqual(await state({ uri: none }), { version: 1, state: { kind: 'noSection' } });
    const noSection = await edit({ action: 'toggleHostingModel', uri: none, version: 1 });
    assert.ok(isEditRefused(noSection) && /no <aspNetCore> section/.test(noSection.cannot));
  });
});
