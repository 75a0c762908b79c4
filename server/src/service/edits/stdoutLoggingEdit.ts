// Turns stdout logging on or off on the targeted <aspNetCore> sections (sectionTargets.ts). Enabling also
// sets `stdoutLogFile` when it is absent or empty: the schema default `.\aspnetcore-stdout` scatters files
// into the site root, while a `logs` folder (which ANCM V2 creates) keeps them together, as the docs suggest.

import { type XmlElement, getAttribute } from '../parse/xmlDocument';
import type { TextEdit } from '../types';
import type { WebConfigDocument } from '../webConfig';
import type { EditResult } from '../types';
import { cannot, isCannot } from './editResult';
import { NO_SECTION, targetSections } from './sectionTargets';
import { appendAttributes, quoteOf, replaceAttributeValue, startTagProblem } from '../xmlEdit/edits';

const SUGGESTED_STDOUT_LOG_FILE = '.\\logs\\stdout';

export function setStdoutLogging(document: WebConfigDocument, enabled: boolean, cursorOffset: number | undefined): EditResult {
  const sections = targetSections(document, cursorOffset);
  if (sections.length === 0) return cannot(NO_SECTION);
  const edits: TextEdit[] = [];
  for (const section of sections) {
    const result = sectionEdits(document, section, enabled);
    if (isCannot(result)) return result;
    edits.push(...result.edits);
  }
  return { edits };
}

function sectionEdits(document: WebConfigDocument, section: XmlElement, enabled: boolean): EditResult {
  const changes: [string, string][] = [];
  const enabledValue = getAttribute(section, 'stdoutLogEnabled')?.value;
  const current = enabledValue?.trim().toLowerCase();
  // Absent means false; any other value than true/false is a configuration error worth overwriting.
  if (enabled ? current !== 'true' : current !== undefined && current !== 'false') changes.push(['stdoutLogEnabled', writeBoolean(enabled, enabledValue)]);
  if (enabled && !getAttribute(section, 'stdoutLogFile')?.value?.trim()) changes.push(['stdoutLogFile', SUGGESTED_STDOUT_LOG_FILE]);
  if (changes.length === 0) return { edits: [] };
  const problem = startTagProblem(section);
  if (problem) return cannot(problem);

  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [name, value] of changes) {
    const attribute = getAttribute(section, name);
    const edit = attribute ? replaceAttributeValue(attribute, value) : undefined;
    if (edit) edits.push(edit);
    else if (!attribute) missing.push([name, value]);
  }
  if (missing.length > 0) edits.push(appendAttributes(document.text, section, missing, quoteOf(section, document.xml)));
  return { edits };
}

/** `true`/`false` in the casing of the value being replaced (IIS reads booleans case-insensitively). */
function writeBoolean(value: boolean, replaced: string | undefined): string {
  const text = String(value);
  if (replaced === undefined || replaced === replaced.toLowerCase()) return text;
  if (replaced === replaced.toUpperCase()) return text.toUpperCase();
  return text[0].toUpperCase() + text.slice(1);
}
