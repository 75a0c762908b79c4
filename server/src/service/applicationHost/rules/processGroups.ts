// The applications that share one worker process, which is what ANCM's per-process checks (500.34, 500.35) are about.
// IIS runs one w3wp.exe per application pool, for every site in it; IIS Express runs the sites it is started with
// (Visual Studio starts one site) in one iisexpress.exe, so there only applications of the same site are grouped.

import { type AppHostApplication, type ApplicationHostModel } from '../model';
import type { AppFacts, AppFactsLookup } from './types';

export interface ProcessGroup {
  readonly pool: string;
  readonly applications: readonly { readonly application: AppHostApplication; readonly facts: AppFacts }[];
}

export function processGroups(model: ApplicationHostModel, facts: AppFactsLookup): ProcessGroup[] {
  const groups = new Map<string, { pool: string; applications: { application: AppHostApplication; facts: AppFacts }[] }>();
  for (const application of model.applications) {
    const known = facts(application);
    if (!known) continue;
    const pool = application.applicationPool.toLowerCase();
    const key = model.isIisExpress ? `${application.siteName.toLowerCase()}\u0000${pool}` : pool;
    const group = groups.get(key) ?? { pool: application.applicationPool, applications: [] };
    group.applications.push({ application, facts: known });
    groups.set(key, group);
  }
  return [...groups.values()];
}
