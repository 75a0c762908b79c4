// `--format sarif`: SARIF 2.1.0, which GitHub code scanning and Azure DevOps show inline. Rule
// metadata and help links come from the rule registry, the publish checks' from their list (publishChecks.ts), and the
// project files' from theirs (projectFileRules.ts);
// locations are relative to the checked folder.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PUBLISH_CHECKS } from '../../publish/publishChecks';
import { ALL_RULES, PROJECT_FILE_RULES, type Severity } from '../../service/languageService';
import type { CheckedFile } from '../checkFiles';
import { jsonWithoutRawControls } from './visibleText';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(files: readonly CheckedFile[], cwd: string, version: string): string {
  const rules = [
    ...ALL_RULES.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      helpUri: rule.docsUrl,
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    })),
    ...PUBLISH_CHECKS.map((check) => ({
      id: check.id,
      shortDescription: { text: check.description },
      defaultConfiguration: { level: LEVEL[check.defaultSeverity] },
    })),
    ...PROJECT_FILE_RULES.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      helpUri: rule.docsUrl,
      defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    })),
  ];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) =>
    file.issues.map((issue) => ({
      ruleId: issue.rule,
      ruleIndex: ruleIndex.get(issue.rule) ?? -1,
      level: LEVEL[issue.severity],
      message: { text: issue.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: path.relative(cwd, file.path).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
          region: { startLine: issue.line, startColumn: issue.column, endLine: issue.endLine, endColumn: issue.endColumn },
        },
      }],
    })));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ancm',
          fullName: 'ANCM Tools web.config checker',
          version,
          informationUri: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
          rules,
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return jsonWithoutRawControls(JSON.stringify(log, null, 2));
}
