// Document symbols (the outline) of an applicationHost.config: each site with its applications (detail: pool and
// physical path), and the application pools at the top level, in document order.

import type { SymbolNode } from '../types';
import type { AppHostApplication, AppHostPool, AppHostSite, ApplicationHostModel } from './model';

export function applicationHostSymbols(model: ApplicationHostModel): SymbolNode[] {
  return [...model.sites.map(siteSymbol), ...model.pools.map(poolSymbol)].sort((a, b) => a.start - b.start);
}

function siteSymbol(site: AppHostSite): SymbolNode {
  return {
    name: site.name || '(site without name)',
    kind: 'collection',
    start: site.start,
    end: site.end,
    selectionStart: site.nameStart,
    selectionEnd: site.nameEnd,
    children: site.applications.map(applicationSymbol),
    ...(site.bindings.length > 0 && { detail: site.bindings.join(', ') }),
  };
}

function applicationSymbol(application: AppHostApplication): SymbolNode {
  const detail = [application.applicationPool, application.physicalPath].filter(Boolean).join(' · ');
  return {
    name: application.path || '(application without path)',
    kind: 'entry',
    detail,
    start: application.start,
    end: application.end,
    selectionStart: application.nameStart,
    selectionEnd: application.nameEnd,
    children: [],
  };
}

function poolSymbol(pool: AppHostPool): SymbolNode {
  const runtime = pool.managedRuntimeVersion ? `CLR ${pool.managedRuntimeVersion}` : 'No Managed Code';
  const detail = [runtime, pool.managedPipelineMode, pool.enable32BitAppOnWin64 ? '32-bit' : undefined].filter(Boolean).join(' · ');
  return {
    name: pool.name || '(pool without name)',
    kind: 'entry',
    detail,
    start: pool.start,
    end: pool.end,
    selectionStart: pool.nameStart,
    selectionEnd: pool.nameEnd,
    children: [],
  };
}
