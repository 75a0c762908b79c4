// Runs every applicationHost.config rule over a model and stamps the findings with rule id and severity. The facts
// about each application's own web.config come from the shell through `facts`; rules that need them stay silent
// without them.

import type { Issue } from '../types';
import type { AppHostApplication, ApplicationHostModel } from './model';
import { APPLICATION_HOST_RULES } from './rules/registry';
import type { AppFacts } from './rules/types';

export type { AppFacts } from './rules/types';

export function validateApplicationHost(model: ApplicationHostModel, facts?: (app: AppHostApplication) => AppFacts | undefined): Issue[] {
  const lookup = cachedFacts(facts);
  const issues: Issue[] = [];
  for (const rule of APPLICATION_HOST_RULES) {
    for (const finding of rule.check(model, lookup)) {
      issues.push({ ...finding, rule: rule.id, severity: finding.severity ?? rule.defaultSeverity });
    }
  }
  // Stable: rules keep their registry order among findings that start at the same place.
  return issues.sort((a, b) => a.start - b.start);
}

/** Asks the shell once per application (several rules read the same facts); a lookup that throws counts as unknown. */
function cachedFacts(facts: ((app: AppHostApplication) => AppFacts | undefined) | undefined): (app: AppHostApplication) => AppFacts | undefined {
  const cache = new Map<AppHostApplication, AppFacts | undefined>();
  return (application) => {
    if (!facts) return undefined;
    if (!cache.has(application)) {
      let known: AppFacts | undefined;
      try {
        known = facts(application);
      } catch {
        known = undefined;
      }
      cache.set(application, known);
    }
    return cache.get(application);
  };
}
