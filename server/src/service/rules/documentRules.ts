// The rules about the document as a whole: well-formedness, the handler line and its module.

import { duplicateHandlerRule } from './duplicate-handler';
import { inProcessV1ModuleRule } from './in-process-v1-module';
import { misplacedAspNetCoreSectionRule } from './misplaced-aspnetcore-section';
import { missingAspNetCoreSectionRule } from './missing-aspnetcore-section';
import { missingHandlerRule } from './missing-handler';
import type { Rule } from './types';
import { unknownModuleRule } from './unknown-module';
import { unknownWebServerSectionRule } from './unknown-webserver-section';
import { v1ModuleNotInstalledRule } from './v1-module-not-installed';
import { xmlNotWellFormedRule } from './xml-not-well-formed';

export const DOCUMENT_RULES: readonly Rule[] = [
  xmlNotWellFormedRule,
  missingHandlerRule,
  missingAspNetCoreSectionRule,
  inProcessV1ModuleRule,
  // The handler line and the section's place.
  duplicateHandlerRule,
  unknownModuleRule,
  v1ModuleNotInstalledRule,
  misplacedAspNetCoreSectionRule,
  unknownWebServerSectionRule,
];
