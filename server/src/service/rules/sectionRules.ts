// The rules about the <aspNetCore> element, its attributes and its collections' shape.

import { duplicateSection } from './duplicate-section';
import { invalidBoolean } from './invalid-boolean';
import { invalidHostingModel } from './invalid-hosting-model';
import { invalidNumber } from './invalid-number';
import { invalidTimeSpan } from './invalid-time-span';
import { misplacedCollection } from './misplaced-collection';
import { missingEntryAttribute } from './missing-entry-attribute';
import { missingProcessPath } from './missing-process-path';
import { notForHostingModel } from './not-for-hosting-model';
import { recycleOnFileChange } from './recycle-on-file-change';
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
  // Valid, but not doing what it says.
  notForHostingModel,
  stdoutLogFileFolder,
  recycleOnFileChange,
];
