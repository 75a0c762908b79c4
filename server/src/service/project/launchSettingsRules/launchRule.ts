// What a launchSettings.json rule sees and returns: the file read with offsets, and optionally the project's evaluated
// properties (msbuildProject.ts evaluateProperties) for the cross-checks.

import type { Finding } from '../../rules/types';
import type { Fix, Severity } from '../../types';
import type { LaunchSettings, LaunchValue } from '../launchSettings';
import type { ProjectValues } from '../projectFacts';

export interface LaunchRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string;
  check(settings: LaunchSettings, project: ProjectValues | undefined): Finding[];
}

export const LAUNCH_SETTINGS_DOCS = 'https://learn.microsoft.com/aspnet/core/fundamentals/environments#development-and-launchsettingsjson';

/** A fix that replaces a JSON value with another (written as JSON). */
export function jsonValueFix(value: LaunchValue, newValue: string | boolean, title: string, safe: boolean): Fix {
  return { title, edits: [{ start: value.start, end: value.end, newText: JSON.stringify(newValue) }], safe };
}

/** The commandName values whose profile runs the app under ANCM. */
export function runsUnderAncm(commandName: string | undefined): boolean {
  const lower = commandName?.toLowerCase();
  return lower === 'iisexpress' || lower === 'iis';
}
