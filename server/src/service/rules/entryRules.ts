// The rules about handler settings and environment variables.

import { clearedEntriesRule } from './cleared-entries';
import { debugFileFolderRule } from './debug-file-folder';
import { debugFileWithoutLevelRule } from './debug-file-without-level';
import { debugLevelRule } from './debug-level';
import { developmentEnvironmentRule } from './development-environment';
import { duplicateEntryRule } from './duplicate-entry';
import { fixedPortMultipleProcessesRule } from './fixed-port-multiple-processes';
import { handlerSettingBooleanRule } from './handler-setting-boolean';
import { ignoredEnvironmentVariableRule } from './ignored-environment-variable';
import { invalidAspNetCorePortRule } from './invalid-aspnetcore-port';
import { invalidShutdownDelayRule } from './invalid-shutdown-delay';
import { launcherPlaceholderRule } from './launcher-placeholder';
import { retiredHandlerSettingRule } from './retired-handler-setting';
import { stackSizeDecimalRule } from './stack-size-decimal';
import type { Rule } from './types';
import { unknownHandlerSettingRule } from './unknown-handler-setting';

export const ENTRY_RULES: readonly Rule[] = [
  debugLevelRule,
  debugFileWithoutLevelRule,
  debugFileFolderRule,
  stackSizeDecimalRule,
  unknownHandlerSettingRule,
  retiredHandlerSettingRule,
  handlerSettingBooleanRule,
  invalidShutdownDelayRule,
  duplicateEntryRule,
  clearedEntriesRule,
  invalidAspNetCorePortRule,
  fixedPortMultipleProcessesRule,
  developmentEnvironmentRule,
  ignoredEnvironmentVariableRule,
  launcherPlaceholderRule,
];
