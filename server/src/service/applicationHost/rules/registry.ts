// Every applicationHost.config rule, in the order their findings are listed when two start at the same place.

import { ancmRegistrationIncompleteRule } from './apphost-ancm-registration-incomplete';
import { aspNetCoreSectionUndeclaredRule } from './apphost-aspnetcore-section-undeclared';
import { missingPoolRule } from './apphost-missing-pool';
import { mixedHostingModelsRule } from './apphost-mixed-hosting-models';
import { multipleInProcessAppsRule } from './apphost-multiple-inprocess-apps';
import { poolBitnessRule } from './apphost-pool-bitness';
import { sectionLockedRule } from './apphost-section-locked';
import type { AppHostRule } from './types';

export const APPLICATION_HOST_RULES: readonly AppHostRule[] = [
  // Registration: without it no ASP.NET Core app runs at all.
  aspNetCoreSectionUndeclaredRule,
  ancmRegistrationIncompleteRule,
  sectionLockedRule,
  // Pools and the processes they make.
  missingPoolRule,
  poolBitnessRule,
  mixedHostingModelsRule,
  multipleInProcessAppsRule,
];
