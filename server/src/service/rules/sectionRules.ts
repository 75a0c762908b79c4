// The rules about the <aspNetCore> element, its attributes and its collections' shape.

import { argumentsLeadingSpaceRule } from './arguments-leading-space';
import { dllNamedTwiceRule } from './dll-named-twice';
import { dotnetRunsExeRule } from './dotnet-runs-exe';
import { dotnetWithoutArgumentsRule } from './dotnet-without-arguments';
import { duplicateSection } from './duplicate-section';
import { emptyStdoutLogFileRule } from './empty-stdout-log-file';
import { hiddenCharacterRule } from './hidden-character';
import { inProcessPathNotExeRule } from './in-process-path-not-exe';
import { invalidBoolean } from './invalid-boolean';
import { invalidHostingModel } from './invalid-hosting-model';
import { invalidNumber } from './invalid-number';
import { invalidTimeSpan } from './invalid-time-span';
import { misplacedCollection } from './misplaced-collection';
import { missingEntryAttribute } from './missing-entry-attribute';
import { missingProcessPath } from './missing-process-path';
import { notForHostingModel } from './not-for-hosting-model';
import { processPathDllRule } from './process-path-dll';
import { quotedProcessPathRule } from './quoted-process-path';
import { recycleOnFileChange } from './recycle-on-file-change';
import { startupTimeLimitZeroRule } from './startup-time-limit-zero';
import { stdoutLogFileFolder } from './stdout-log-file-folder';
import type { Rule } from './types';
import { unknownAttribute } from './unknown-attribute';
import { unknownElement } from './unknown-element';

export const SECTION_RULES: readonly Rule[] = [
  // Shape first: what IIS cannot even parse.
  unknownElement,
  misplacedCollection,
  unknownAttribute,
  duplicateSection,
  missingProcessPath,
  missingEntryAttribute,
  // Values IIS or ANCM reject.
  invalidBoolean,
  invalidNumber,
  invalidTimeSpan,
  invalidHostingModel,
  // The start of the app: what ANCM does with processPath, arguments and startupTimeLimit.
  processPathDllRule,
  dotnetWithoutArgumentsRule,
  inProcessPathNotExeRule,
  quotedProcessPathRule,
  dotnetRunsExeRule,
  argumentsLeadingSpaceRule,
  startupTimeLimitZeroRule,
  // Valid, but not doing what it says.
  notForHostingModel,
  stdoutLogFileFolder,
  emptyStdoutLogFileRule,
  dllNamedTwiceRule,
  recycleOnFileChange,
  hiddenCharacterRule,
];
