// The XDT order of the `_TransformXml` target, dotnet/sdk src/WebSdk/Publish/Targets/TransformTargets/
// Microsoft.NET.Sdk.Publish.TransformFiles.targets: ProjectTransforms (configuration, profile, environment), then
// ProfileTransforms, then CustomTransforms, then the generated environment transforms.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishTransformOrder } from '../../../server/src/service/published/transformOrder';

describe('publish transform order', () => {
  it('applies the configuration transform alone for a plain dotnet publish -c Release', () => {
    assert.deepEqual(publishTransformOrder({ configuration: 'Release' }).map((step) => step.fileName), ['web.Release.config']);
  });

  it('runs project-level, then profile-level, then custom transforms', () => {
    // The three TransformXml tasks of _TransformXml run in this order; within ProjectTransforms the items are
    // included Configuration, PublishProfileName, EnvironmentName.
    const steps = publishTransformOrder({ configuration: 'Release', publishProfile: 'FolderProfile', environmentName: 'Staging', customTransforms: ['custom.transform'] });
    assert.deepEqual(steps.map((step) => step.fileName), [
      'web.Release.config',
      'web.FolderProfile.config',
      'web.Staging.config',
      'Properties\\PublishProfiles\\FolderProfile.transform',
      'custom.transform',
    ]);
    assert.match(steps[0]?.reason ?? '', /\$\(Configuration\)/);
    assert.match(steps[1]?.reason ?? '', /\$\(PublishProfileName\)/);
    assert.match(steps[2]?.reason ?? '', /\$\(EnvironmentName\)/);
    assert.match(steps[4]?.reason ?? '', /\$\(CustomTransformFileName\)/);
  });

  it('applies a file named twice once, at its first place (MSBuild batching on Identity)', () => {
    const steps = publishTransformOrder({ configuration: 'Release', environmentName: 'release' });
    assert.deepEqual(steps.map((step) => step.fileName), ['web.Release.config']);
  });

  it('looks for a custom transform in the project directory, then in $(CustomTransformDirectory)', () => {
    const steps = publishTransformOrder({ configuration: 'Debug', customTransforms: ['my.xml'], customTransformDirectory: 'c:\\temp\\' });
    assert.deepEqual(steps.map((step) => step.fileName), ['web.Debug.config', 'my.xml', 'c:\\temp\\my.xml']);
  });

  it('ends with the two generated environment transforms when WebConfigEnvironmentVariables is set', () => {
    // GenerateEnvTransform fills EnvironmentWithLocation.transform and EnvironmentNoLocation.transform.
    const steps = publishTransformOrder({ configuration: '', environmentName: 'Production', webConfigEnvironmentVariables: 'A=1;B=2' });
    assert.deepEqual(steps.map((step) => step.fileName), ['web.Production.config', 'EnvironmentWithLocation.transform', 'EnvironmentNoLocation.transform']);
    assert.match(steps[1]?.reason ?? '', /only missing variables/);
  });
});
