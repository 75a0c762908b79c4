// The pure ANCM language service, and its one door: no editor, no transport. The LSP shell, the command line, the
// benchmarks and the tests that exercise the service as a whole reach it only through this file (test/unit/layers
// enforces it for server/src and bench/), as vscode-json-languageservice's users reach it through its main module.
// Inside, the service may move its files freely.

import { doComplete } from './completion/completion';
import { doHover } from './hover';
import { findDocumentSymbols } from './symbols';
import type { CompletionEntry, HoverResult, SymbolNode } from './types';
import { type ValidationResult, type ValidationSettings, doValidation } from './validation';
import { type WebConfigDocument, parseWebConfig, reparseWebConfig } from './webConfig';
import type { EditedRegion } from './parse/incrementalXml';

export interface LanguageService {
  parseWebConfig(text: string): WebConfigDocument;
  /** A new version's model from the previous one, re-scanning only the edited region; undefined: parse instead. */
  reparseWebConfig(previous: WebConfigDocument, text: string, edited: EditedRegion): WebConfigDocument | undefined;
  doComplete(document: WebConfigDocument, offset: number): CompletionEntry[];
  doHover(document: WebConfigDocument, offset: number): HoverResult | undefined;
  findDocumentSymbols(document: WebConfigDocument): SymbolNode[];
  doValidation(document: WebConfigDocument, settings?: ValidationSettings): ValidationResult;
}

export function getLanguageService(): LanguageService {
  return { parseWebConfig, reparseWebConfig, doComplete, doHover, findDocumentSymbols, doValidation: (document, settings) => doValidation(document, settings) };
}

// The same as plain functions, for callers that keep no service object (the command line).
export { doValidation, parseWebConfig };
/** The strict XML 1.0 check behind xml-not-well-formed (the XML parser benchmark measures it). */
export { isWellFormedXml } from './parse/strictXml';

// The results and settings the callers handle.
export type * from './types';
export type { WebConfigDocument } from './webConfig';
export { type RuleSeverityOverride, RULE_SEVERITY_OVERRIDES, type ValidationResult, type ValidationSettings } from './validation';
export { type EditedRegion, mergeEdit } from './parse/incrementalXml';

// Rules as metadata (SARIF, diagnostics' links) and the code actions built from issues.
export { ALL_RULES, findRule } from './rules/registry';
export type { Rule } from './rules/types';
export { type FixAllPlan, type QuickFix, applyEdits, getQuickFixes, planFixAll } from './codeActions';

// The settings that decide how ANCM starts the app, with where each is written (the publish checks' input).
export { type AspNetCoreStartSettings, type StartSettingEntry, aspNetCoreStartSettings, spanOfStartSetting, startCommandOf } from './startSettings';

// Which files are web.configs, and where a site's logs are.
export { isWebConfigFileName, isWebConfigUri } from './webConfigFiles';
export { type SiteLogs, locateSiteLogs } from './siteLogs';

// Markdown from text a stranger wrote (raw log hover).
export { markdownText } from './documentation';

// The commands' edits, computed in the server on the client's request.
export { isCannot } from './edits/editResult';
export { type HostingModelResult, type HostingModelState, hostingModelState, setHostingModel, toggleHostingModel } from './edits/hostingModelEdit';
export { V2_MODULE, switchHandlersToV2, v1Handlers } from './edits/moduleVersionEdit';
export { PROJECT_HOSTING_MODEL_PROPERTY, msbuildHostingModel, setProjectHostingModel } from './edits/projectHostingModelEdit';
export { setStdoutLogging } from './edits/stdoutLoggingEdit';
export { debugLevelValue, disableDebugLog, enableDebugLog } from './edits/debugLogEdit';

// The files around web.config (issue: the project around web.config): which kind a file is, the project files'
// properties, rules, completion and hover, launchSettings.json, applicationHost.config, and the severities of their rules.
export { type ServedFileKind, isProjectFileName, servedFileKind, servedFileKindOfName } from './servedFiles';
export { type BuildGlobals, type EvaluatedProperty, type MsbuildProperty, type ProjectFile, configurationsOf, evaluateProperties, evaluatedValue, readProjectFile } from './project/msbuildProject';
export { validateProjectFile } from './project/projectValidation';
export { type ProjectValues, projectBitness, projectHostingModel } from './project/projectFacts';
export { completeProjectFile } from './project/projectCompletion';
export { hoverProjectFile } from './project/projectHover';
export { hostingModelCrossCheck, webConfigHostingModel, webConfigHostingModelCrossCheck } from './project/hostingModelCrossCheck';
export { type LaunchSettings, readLaunchSettings } from './project/launchSettings';
export { validateLaunchSettings } from './project/launchSettingsValidation';
export { type AppFacts, type AppHostApplication, type ApplicationHostModel, applicationHostSymbols, readApplicationHost, validateApplicationHost } from './applicationHost/index';
export { physicalPathCandidates } from './applicationHost/physicalPath';
export { PROJECT_FILE_RULES, type RuleInfo, findProjectFileRule, withSeverityOverrides } from './projectFileRules';

// "web.config as it will be published": the Web SDK's rewrite and the XDT transforms in the SDK's order.
export { type PublishedWebConfig, type PublishedWebConfigInput, type PublishedWebConfigOptions, type PublishStep, publishedWebConfig } from './published/publishedWebConfig';
export { type XdtProblem, type XdtResult, applyXdtTransform, isXdtTransform } from './xdt/applyXdtTransform';
