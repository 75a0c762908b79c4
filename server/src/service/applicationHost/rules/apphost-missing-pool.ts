// An application whose pool is not defined in <applicationPools> has no worker process to run in: IIS answers its
// requests with HTTP 503 Service Unavailable. The pool is the application's own applicationPool, else its site's
// <applicationDefaults>, else <sites>' <applicationDefaults> (IIS configuration reference, sites/applicationDefaults),
// else DefaultAppPool. A name inherited from applicationDefaults is reported once, where it is written.

import { APPLICATION_HOST_DOCS, MISSING_POOL_ERROR } from '../../../ancm/iisRegistration';
import type { Finding } from '../../rules/types';
import { type AppHostApplication, findPool } from '../model';
import { applicationList, quoted } from './labels';
import type { AppHostRule } from './types';

export const missingPoolRule: AppHostRule = {
  id: 'apphost-missing-pool',
  description: 'An application runs in an application pool that <applicationPools> does not define: IIS answers HTTP 503.',
  defaultSeverity: 'error',
  docsUrl: APPLICATION_HOST_DOCS.applicationDefaults,
  check(model) {
    // A fragment without <applicationPools> says nothing about which pools exist.
    if (!model.hasApplicationPools) return [];
    const bySpan = new Map<string, { pool: string; start: number; end: number; applications: AppHostApplication[] }>();
    for (const application of model.applications) {
      if (findPool(model, application.applicationPool)) continue;
      const span = application.applicationPoolSpan ?? { start: application.nameStart, end: application.nameEnd };
      const key = `${span.start}:${span.end}`;
      const entry = bySpan.get(key) ?? { pool: application.applicationPool, start: span.start, end: span.end, applications: [] };
      entry.applications.push(application);
      bySpan.set(key, entry);
    }
    return [...bySpan.values()].map((entry): Finding => ({
      message: `Application pool ${quoted(entry.pool)} does not exist: ${applicationList(entry.applications)} ${entry.applications.length === 1 ? 'gets' : 'get'} HTTP ${MISSING_POOL_ERROR.status} ${MISSING_POOL_ERROR.text}. Add it to <applicationPools> or use an existing pool.`,
      start: entry.start,
      end: entry.end,
    }));
  },
};
