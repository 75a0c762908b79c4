// Runs the project-file rules (projectRules/) over one MSBuild file: each configuration the file distinguishes is
// evaluated once, and every finding is stamped with its rule's id and severity.

import type { Issue } from '../types';
import { configurationsOf, evaluateProperties, type ProjectFile } from './msbuildProject';
import { project32Bit } from './projectRules/project-32-bit';
import { projectAppHostDisabled } from './projectRules/project-app-host-disabled';
import { projectEnvironmentName } from './projectRules/project-environment-name';
import { projectHostingModelMismatch } from './projectRules/project-hosting-model-mismatch';
import { projectInProcessV1Module } from './projectRules/project-in-process-v1-module';
import { projectInvalidHostingModel } from './projectRules/project-invalid-hosting-model';
import type { ProjectRule, ProjectRuleContext } from './projectRules/projectRule';
import { projectSelfContainedWithoutAppHost } from './projectRules/project-self-contained-without-app-host';
import { projectSingleFileInProcess } from './projectRules/project-single-file-in-process';
import { projectWebConfigTransformDisabled } from './projectRules/project-web-config-transform-disabled';

export const PROJECT_RULES: readonly ProjectRule[] = [
  projectInvalidHostingModel,
  projectInProcessV1Module,
  projectSingleFileInProcess,
  projectSelfContainedWithoutAppHost,
  projectAppHostDisabled,
  project32Bit,
  projectEnvironmentName,
  projectWebConfigTransformDisabled,
  projectHostingModelMismatch,
];

export function validateProjectFile(project: ProjectFile, context?: { webConfigHostingModel?: { value: string } }): Issue[] {
  const ruleContext: ProjectRuleContext = {
    project,
    configurations: configurationsOf(project).map((configuration) => ({
      configuration,
      values: evaluateProperties([project], { Configuration: configuration }),
    })),
    ...(context?.webConfigHostingModel && { webConfigHostingModel: context.webConfigHostingModel }),
  };
  const issues: Issue[] = [];
  for (const rule of PROJECT_RULES) {
    for (const finding of rule.check(ruleContext)) {
      issues.push({ ...finding, rule: rule.id, severity: finding.severity ?? rule.defaultSeverity });
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}
