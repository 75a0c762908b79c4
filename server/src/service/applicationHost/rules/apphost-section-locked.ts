// A web.config may only set a section that applicationHost.config leaves unlocked at its path. The lock comes from the
// section's overrideModeDefault="Deny" unless a <location overrideMode="Allow"> holding the section covers the path
// (stock IIS and IIS Express lock handlers and modules by default and unlock them with <location path=""
// overrideMode="Allow">), or from a <location overrideMode="Deny"> (or legacy allowOverride="false"). A locked section
// in a web.config is IIS's HTTP 500.19, 0x80070021. The installers unlock handlers and declare aspNetCore with
// OverrideModeDefault "Allow" (dotnet/aspnetcore src/Installers/Windows/AspNetCoreModule-Setup ANCMV2/aspnetcoremodulev2.wxs).

import { APPLICATION_HOST_DOCS, LOCKED_SECTION_ERROR, WEB_CONFIG_SECTIONS } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import type { SectionLock } from '../model';
import { applicationLabel, quoted } from './labels';
import type { AppHostRule } from './types';

export const sectionLockedRule: AppHostRule = {
  id: 'apphost-section-locked',
  description: 'The aspNetCore, handlers or modules section is locked, so an ASP.NET Core web.config that sets it gets HTTP 500.19.',
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.locking,
  check(model) {
    return model.lockedSections.map((lock): Finding => {
      const everyApp = WEB_CONFIG_SECTIONS.find((section) => section.path === lock.section)?.setByEveryPublishedApp ?? false;
      return {
        message: `${lock.section} is locked ${lockedBy(lock)}: ${whose(lock)} gets HTTP ${LOCKED_SECTION_ERROR.status} "${LOCKED_SECTION_ERROR.text}".`,
        start: lock.start,
        end: lock.end,
        // Every published web.config sets aspNetCore and handlers; modules only when it removes one (WebDAVModule).
        ...(everyApp ? {} : { severity: 'warning' as const }),
      };
    });
  },
};

function lockedBy(lock: SectionLock): string {
  if (lock.lockedBy === 'overrideModeDefault') return 'by overrideModeDefault="Deny"';
  return `by <location path=${quoted(lock.locationPath ?? '')}>`;
}

/** Whose web.config fails: a location's path already says where, so only the default's lock names applications. */
function whose(lock: SectionLock): string {
  if (lock.lockedBy === 'location') return 'a web.config there';
  const [only] = lock.applications;
  if (lock.applications.length === 0 || !only) return "any site's web.config";
  return lock.applications.length === 1 ? `the web.config of ${applicationLabel(only)}` : `the web.config of ${lock.applications.length} apps`;
}
