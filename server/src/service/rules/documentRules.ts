// The rules about the document as a whole: well-formedness, the handler line and its module.

import { inProcessV1ModuleRule } from './in-process-v1-module';
import { missingAspNetCoreSectionRule } from './missing-aspnetcore-section';
import { missingHandlerRule } from './missing-handler';
import type { Rule } from './types';
import { xmlNotWellFormedRule } from './xml-not-well-formed';

export const DOCUMENT_RULES: readonly Rule[] = [xmlNotWellFormedRule, missingHandlerRule, missingAspNetCoreSectionRule, inProcessV1ModuleRule];
