// The properties every document must satisfy, whatever its state: no rule throws, every range lies
// inside the text, and every fix yields well-formed XML (from well-formed input), removes its own
// diagnostic and leaves the text outside its edits untouched. Completion and hover never throw.

import { applyEdits } from '../../server/src/service/codeActions';
import { getLanguageService } from '../../server/src/service/languageService';
import { isWellFormedXml } from '../../server/src/service/parse/strictXml';
import { findRule } from '../../server/src/service/rules/registry';
import type { Fix, Issue } from '../../server/src/service/rules/types';
import { doValidation } from '../../server/src/service/validation';
import { parseWebConfig } from '../../server/src/service/webConfig';

const service = getLanguageService();

/** Returns a description of the first broken property, or undefined when all hold. */
export function checkDocument(text: string, probe: () => number): string | undefined {
  const document = parseWebConfig(text);
  const { issues, failures } = doValidation(document);
  if (failures.length > 0) return `rule ${failures[0].rule} threw: ${String(failures[0].error)}`;
  const wellFormed = isWellFormedXml(text);
  for (const issue of issues) {
    if (!(issue.start >= 0 && issue.start <= issue.end && issue.end <= text.length)) return `${issue.rule}: range ${issue.start}-${issue.end} outside 0-${text.length}`;
    for (const fix of issue.fixes ?? []) {
      const problem = checkFix(text, issue, fix, wellFormed);
      if (problem) return `${issue.rule} fix "${fix.title}": ${problem}`;
    }
  }
  for (let probes = 0; probes < 3; probes++) {
    const offset = Math.floor(probe() * (text.length + 1));
    service.doComplete(document, offset);
    service.doHover(document, offset);
  }
  service.findDocumentSymbols(document);
  return undefined;
}

function checkFix(text: string, issue: Issue, fix: Fix, wellFormed: boolean): string | undefined {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i];
    if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) return `edit ${edit.start}-${edit.end} outside the text`;
    if (i > 0 && edit.start < edits[i - 1].end) return 'edits overlap';
  }
  const fixed = applyEdits(text, edits);
  const first = edits[0];
  const last = edits[edits.length - 1];
  if (first && !fixed.startsWith(text.slice(0, first.start))) return 'changed text before its edits';
  if (last && !fixed.endsWith(text.slice(last.end))) return 'changed text after its edits';
  if (wellFormed && !isWellFormedXml(fixed)) return 'made well-formed XML ill-formed';
  const rule = findRule(issue.rule)!;
  const count = (source: string) => doValidation(parseWebConfig(source), {}, [rule]).issues.filter((other) => other.message === issue.message).length;
  if (count(fixed) >= count(text)) return 'did not remove its diagnostic';
  return undefined;
}
