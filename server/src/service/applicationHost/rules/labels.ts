// How rule messages name applications and pools: quoted, and clipped so that a message stays within 200 characters
// whatever the names are.

import { applicationConfigPath, type AppHostApplication } from '../model';

const MAX_NAME = 28;

export function quoted(name: string): string {
  return `'${name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name}'`;
}

export function applicationLabel(application: AppHostApplication): string {
  return quoted(applicationConfigPath(application));
}

/** `'A'`, `'A' and 'B'`, `'A' and 2 more`. */
export function applicationList(applications: readonly AppHostApplication[]): string {
  const [first, second] = applications;
  if (!first) return '';
  if (applications.length === 1) return applicationLabel(first);
  if (applications.length === 2 && second) return `${applicationLabel(first)} and ${applicationLabel(second)}`;
  return `${applicationLabel(first)} and ${applications.length - 1} more`;
}

/** Where a finding about one application goes: the value that named its pool when the application itself names one, else its path. */
export function applicationSpan(application: AppHostApplication): { start: number; end: number } {
  if (application.applicationPoolSource === 'application' && application.applicationPoolSpan) return application.applicationPoolSpan;
  return { start: application.nameStart, end: application.nameEnd };
}
