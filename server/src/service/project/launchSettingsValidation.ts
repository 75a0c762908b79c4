// Runs the launchSettings.json rules (launchSettingsRules/) and stamps each finding with its rule's id and severity.

import type { Issue } from '../types';
import type { LaunchSettings } from './launchSettings';
import { launchBitnessMismatch } from './launchSettingsRules/launch-bitness-mismatch';
import { launchHostingModelMismatch } from './launchSettingsRules/launch-hosting-model-mismatch';
import { launchIisExpressVirtualPath } from './launchSettingsRules/launch-iis-express-virtual-path';
import { launchInvalidAncmHostingModel } from './launchSettingsRules/launch-invalid-ancm-hosting-model';
import type { LaunchRule } from './launchSettingsRules/launchRule';

export const LAUNCH_SETTINGS_RULES: readonly LaunchRule[] = [
  launchInvalidAncmHostingModel,
  launchHostingModelMismatch,
  launchBitnessMismatch,
  launchIisExpressVirtualPath,
];

export function validateLaunchSettings(settings: LaunchSettings, project?: Map<string, { value: string }>): Issue[] {
  const issues: Issue[] = [];
  for (const rule of LAUNCH_SETTINGS_RULES) {
    for (const finding of rule.check(settings, project)) {
      issues.push({ ...finding, rule: rule.id, severity: finding.severity ?? rule.defaultSeverity });
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}
