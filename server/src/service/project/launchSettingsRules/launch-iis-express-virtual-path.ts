// An iisExpress applicationUrl with a path (http://localhost:5000/api) makes the app a child application of the site,
// and IIS Express runs the site's root application in the same application pool. Two applications in one worker process
// cannot both be in-process: ANCM answers HTTP 500.35 "ANCM Multiple In-Process Applications in same Process"
// (dotnet/aspnetcore src/Servers/IIS/AspNetCoreModuleV2/AspNetCore/HandlerResolver.cpp GetApplicationFactory).

import type { Finding } from '../../rules/types';
import { commandNameOf } from '../launchSettings';
import { knownHostingModel } from '../projectRules/project-hosting-model-mismatch';
import { LAUNCH_SETTINGS_DOCS, type LaunchRule, jsonValueFix } from './launchRule';
import { projectHostingModel } from '../projectFacts';

/** The path of an absolute URL when it is more than `/`; undefined otherwise (or when it is no URL). */
function virtualPathOf(url: string): { path: string; root: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)(\/[^?#]*)?/i.exec(url.trim());
  if (!match) return undefined;
  const path = (match[2] ?? '').replace(/\/+$/, '');
  return path === '' ? undefined : { path, root: `${match[1]}/` };
}

export const launchIisExpressVirtualPath: LaunchRule = {
  id: 'launch-iis-express-virtual-path',
  description: 'An IIS Express applicationUrl with a path: IIS Express hosts a second application in the same pool (HTTP 500.35 in-process).',
  defaultSeverity: 'warning',
  docsUrl: LAUNCH_SETTINGS_DOCS,
  check(settings, project) {
    const setting = settings.iisExpressApplicationUrl;
    if (typeof setting?.value !== 'string') return [];
    const virtualPath = virtualPathOf(setting.value);
    if (!virtualPath) return [];
    const iisExpressProfiles = settings.profiles.filter((profile) => commandNameOf(profile)?.toLowerCase() === 'iisexpress');
    const published = projectHostingModel(project);
    const models = iisExpressProfiles.map((profile) =>
      (typeof profile.ancmHostingModel?.value === 'string' ? knownHostingModel(profile.ancmHostingModel.value) : undefined) ?? published);
    // Out-of-process everywhere: each app gets its own dotnet process and the pool can hold both.
    if (models.length > 0 ? models.every((model) => model === 'OutOfProcess') : published === 'OutOfProcess') return [];
    const findings: Finding[] = [{
      message: `applicationUrl path '${virtualPath.path}' makes IIS Express host a second app in the same pool: in-process that fails with HTTP 500.35. Use a URL without a path.`,
      start: setting.start,
      end: setting.end,
      fixes: [jsonValueFix(setting, virtualPath.root, `Change to '${virtualPath.root}'`, false)],
    }];
    return findings;
  },
};
