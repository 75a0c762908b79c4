// Toggle or set `hostingModel` on the <aspNetCore> sections a command targets (sectionTargets.ts: the one at
// the cursor, else all). ANCM reads an absent or empty value as out-of-process and compares case-insensitively
// (AspNetCore/ShimOptions.cpp), so a section already on the asked model is left alone, and a written value keeps the
// casing the file uses (inprocess / InProcess / INPROCESS).

import type { HostingModel } from '../../ancm/types';
import { casingStyleOf, pickCasingStyle, writeHostingModel } from '../completion/hostingModelCasing';
import { getAttribute } from '../parse/xmlDocument';
import type { TextEdit } from '../types';
import { type WebConfigDocument, hostingModelOf } from '../webConfig';
import type { Cannot, Edits } from '../types';
import { cannot } from './editResult';
import { NO_SECTION, targetSections } from './sectionTargets';
import { appendAttributes, quoteOf, replaceAttributeValue, startTagProblem } from '../xmlEdit/edits';

const HOSTING_MODEL_ATTRIBUTE = 'hostingModel';

/** What the targeted sections say, for the status bar and for deciding what a toggle means. */
export type HostingModelState =
  | { readonly kind: 'model'; readonly model: HostingModel }
  /** A value ANCM rejects (HTTP 500.0 at startup). */
  | { readonly kind: 'invalid'; readonly value: string }
  /** The targeted sections disagree. */
  | { readonly kind: 'mixed' }
  | { readonly kind: 'noSection' };

export interface HostingModelEdits extends Edits {
  /** The model the targeted sections have after the edits. */
  readonly model: HostingModel;
}

export type HostingModelResult = HostingModelEdits | Cannot;

export function hostingModelState(document: WebConfigDocument, cursorOffset: number | undefined): HostingModelState {
  const sections = targetSections(document, cursorOffset);
  if (sections.length === 0) return { kind: 'noSection' };
  const invalid = sections.find((section) => hostingModelOf(section) === undefined);
  if (invalid) return { kind: 'invalid', value: getAttribute(invalid, HOSTING_MODEL_ATTRIBUTE)?.value ?? '' };
  const models = new Set(sections.map((section) => hostingModelOf(section)!));
  return models.size === 1 ? { kind: 'model', model: [...models][0] } : { kind: 'mixed' };
}

/** Switches the targeted sections to the other model; absent counts as out-of-process, so it becomes in-process. */
export function toggleHostingModel(document: WebConfigDocument, cursorOffset: number | undefined): HostingModelResult {
  const state = hostingModelState(document, cursorOffset);
  switch (state.kind) {
    case 'noSection':
      return cannot(NO_SECTION);
    case 'invalid':
      return cannot(`hostingModel is '${state.value}', which is neither in-process nor out-of-process, so there is nothing to toggle. Use Set Hosting Model.`);
    case 'mixed':
      return cannot('The <aspNetCore> sections use different hosting models. Put the cursor in one section to toggle it, or use Set Hosting Model for all.');
    case 'model':
      return setHostingModel(document, state.model === 'inprocess' ? 'outofprocess' : 'inprocess', cursorOffset);
  }
}

export function setHostingModel(document: WebConfigDocument, model: HostingModel, cursorOffset: number | undefined): HostingModelResult {
  const sections = targetSections(document, cursorOffset);
  if (sections.length === 0) return cannot(NO_SECTION);
  const fileStyle = pickCasingStyle(document.sections.map((section) => getAttribute(section, HOSTING_MODEL_ATTRIBUTE)?.value));
  const edits: TextEdit[] = [];
  for (const section of sections) {
    if (hostingModelOf(section) === model) continue;
    const problem = startTagProblem(section);
    if (problem) return cannot(problem);
    const attribute = getAttribute(section, HOSTING_MODEL_ATTRIBUTE);
    const style = (attribute?.value !== undefined ? casingStyleOf(attribute.value) : undefined) ?? fileStyle;
    const value = writeHostingModel(model, style);
    const edit = attribute
      ? replaceAttributeValue(attribute, value)
      : appendAttributes(document.text, section, [[HOSTING_MODEL_ATTRIBUTE, value]], quoteOf(section, document.xml));
    if (edit) edits.push(edit);
  }
  return { edits, model };
}
