import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLaunchSettings } from '../../../server/src/service/project/launchSettings';
import { validateLaunchSettings } from '../../../server/src/service/project/launchSettingsValidation';
import type { Issue, TextEdit } from '../../../server/src/service/types';

function settings(profile: Record<string, unknown>, applicationUrl = 'http://localhost:51234'): string {
  return JSON.stringify({
    iisSettings: { windowsAuthentication: false, anonymousAuthentication: true, iisExpress: { applicationUrl, sslPort: 44300 } },
    profiles: {
      'IIS Express': { commandName: 'IISExpress', launchBrowser: true, ...profile },
      App: { commandName: 'Project', applicationUrl: 'http://localhost:5000' },
    },
  }, null, 2);
}

function projectValues(values: Record<string, string>): Map<string, { value: string }> {
  return new Map(Object.entries(values).map(([name, value]) => [name, { value }]));
}

function issues(text: string, rule: string, project?: Map<string, { value: string }>): Issue[] {
  return validateLaunchSettings(readLaunchSettings(text), project).filter((issue) => issue.rule === rule);
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('readLaunchSettings', () => {
  it('reads profiles and the IIS Express URL with offsets, comments and trailing commas allowed', () => {
    const text = `{
  // the site
  "iisSettings": { "iisExpress": { "applicationUrl": "http://localhost:1234/", }, },
  "profiles": { "IIS Express": { "commandName": "IISExpress", "ancmHostingModel": "OutOfProcess", "use64Bit": false } }
}`;
    const read = readLaunchSettings(text);
    assert.equal(read.iisExpressApplicationUrl?.value, 'http://localhost:1234/');
    const [profile] = read.profiles;
    assert.equal(profile.name, 'IIS Express');
    assert.equal(text.slice(profile.nameStart, profile.nameEnd), '"IIS Express"');
    assert.equal(profile.commandName?.value, 'IISExpress');
    assert.equal(text.slice(profile.ancmHostingModel!.start, profile.ancmHostingModel!.end), '"OutOfProcess"');
    assert.equal(profile.use64Bit?.value, false);
  });

  it('never throws on half-typed or broken JSON', () => {
    const text = settings({ ancmHostingModel: 'InProcess' });
    for (let end = 0; end <= text.length; end++) validateLaunchSettings(readLaunchSettings(text.slice(0, end)), projectValues({ AspNetCoreHostingModel: 'OutOfProcess' }));
    assert.deepEqual(readLaunchSettings('[1, 2').profiles, []);
    assert.deepEqual(readLaunchSettings('').profiles, []);
  });
});

describe('launch-invalid-ancm-hosting-model', () => {
  it('reports a value other than InProcess/OutOfProcess with a fix', () => {
    const text = settings({ ancmHostingModel: 'InProc' });
    const [issue] = issues(text, 'launch-invalid-ancm-hosting-model');
    assert.equal(text.slice(issue.start, issue.end), '"InProc"');
    assert.match(apply(text, issue.fixes![0].edits), /"ancmHostingModel": "InProcess"/);
    assert.equal(issues(settings({ ancmHostingModel: true }), 'launch-invalid-ancm-hosting-model').length, 1);
  });

  it('accepts both models', () => {
    assert.deepEqual(issues(settings({ ancmHostingModel: 'OutOfProcess' }), 'launch-invalid-ancm-hosting-model'), []);
    assert.deepEqual(issues(settings({}), 'launch-invalid-ancm-hosting-model'), []);
  });
});

describe('launch-hosting-model-mismatch', () => {
  it('reports a profile that debugs another model than the project publishes', () => {
    const text = settings({ ancmHostingModel: 'OutOfProcess' });
    const [issue] = issues(text, 'launch-hosting-model-mismatch', projectValues({ TargetFramework: 'net8.0' }));
    assert.match(issue.message, /debugs OutOfProcess but the project publishes InProcess/);
    assert.match(apply(text, issue.fixes![0].edits), /"ancmHostingModel": "InProcess"/);
  });

  it('stays quiet when they agree, without a project, and for a Project profile', () => {
    const text = settings({ ancmHostingModel: 'OutOfProcess' });
    assert.deepEqual(issues(text, 'launch-hosting-model-mismatch', projectValues({ AspNetCoreHostingModel: 'outofprocess' })), []);
    assert.deepEqual(issues(text, 'launch-hosting-model-mismatch'), []);
    const project = JSON.stringify({ profiles: { App: { commandName: 'Project', ancmHostingModel: 'OutOfProcess' } } });
    assert.deepEqual(issues(project, 'launch-hosting-model-mismatch', projectValues({ AspNetCoreHostingModel: 'InProcess' })), []);
  });
});

describe('launch-bitness-mismatch', () => {
  it('reports 64-bit IIS Express (the default) for a 32-bit in-process app', () => {
    const text = settings({});
    const [issue] = issues(text, 'launch-bitness-mismatch', projectValues({ TargetFramework: 'net8.0', PlatformTarget: 'x86' }));
    assert.match(issue.message, /64-bit IIS Express but PlatformTarget x86 makes the app 32-bit/);
    assert.equal(text.slice(issue.start, issue.end), '"IIS Express"');
    assert.equal(issue.fixes, undefined);
  });

  it('reports use64Bit=false for a 64-bit RID, with a fix', () => {
    const text = settings({ use64Bit: false });
    const [issue] = issues(text, 'launch-bitness-mismatch', projectValues({ AspNetCoreHostingModel: 'InProcess', RuntimeIdentifier: 'win-x64' }));
    assert.equal(text.slice(issue.start, issue.end), 'false');
    assert.match(apply(text, issue.fixes![0].edits), /"use64Bit": true/);
  });

  it('stays quiet when they match, for a portable app, and out-of-process', () => {
    assert.deepEqual(issues(settings({ use64Bit: false }), 'launch-bitness-mismatch', projectValues({ AspNetCoreHostingModel: 'InProcess', PlatformTarget: 'x86' })), []);
    assert.deepEqual(issues(settings({}), 'launch-bitness-mismatch', projectValues({ AspNetCoreHostingModel: 'InProcess', PlatformTarget: 'AnyCPU' })), []);
    assert.deepEqual(issues(settings({ ancmHostingModel: 'OutOfProcess' }), 'launch-bitness-mismatch', projectValues({ AspNetCoreHostingModel: 'InProcess', PlatformTarget: 'x86' })), []);
  });
});

describe('launch-iis-express-virtual-path', () => {
  it('reports an applicationUrl with a path (500.35 in-process) and offers the root URL', () => {
    const text = settings({}, 'http://localhost:5000/api');
    const [issue] = issues(text, 'launch-iis-express-virtual-path', projectValues({ TargetFramework: 'net8.0' }));
    assert.match(issue.message, /'\/api'.*500\.35/);
    assert.match(apply(text, issue.fixes![0].edits), /"applicationUrl": "http:\/\/localhost:5000\/"/);
    // Without a project the default (in-process) is assumed.
    assert.equal(issues(text, 'launch-iis-express-virtual-path').length, 1);
  });

  it('stays quiet for a root URL and when IIS Express runs out-of-process', () => {
    assert.deepEqual(issues(settings({}, 'http://localhost:5000/'), 'launch-iis-express-virtual-path'), []);
    assert.deepEqual(issues(settings({}, 'http://localhost:5000'), 'launch-iis-express-virtual-path'), []);
    assert.deepEqual(issues(settings({ ancmHostingModel: 'OutOfProcess' }, 'http://localhost:5000/api'), 'launch-iis-express-virtual-path'), []);
  });
});
