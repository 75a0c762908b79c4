// The payloads of the edit requests (declared in requests.ts): the client's commands ask the server to compute an
// edit on its own parsed model of web.config and apply what comes back, as vscode-eslint's client applies the
// fixes its server computes. Plain data: edits carry LSP ranges (UTF-16 line/character, as VS Code counts them).

import type { Position, TextEdit } from 'vscode-languageserver-protocol';
import type { AncmLevel } from './levels';

/** ANCM's two hosting models, as ANCM compares them (case-insensitively, so written here in lower case). */
export type HostingModelName = 'inprocess' | 'outofprocess';

/** What a command asks for, with the argument the action takes. */
export type WebConfigEditAction =
  /** Switch the targeted sections to the other model (absent counts as out-of-process). */
  | { readonly action: 'toggleHostingModel' }
  | { readonly action: 'setHostingModel'; readonly arg: HostingModelName }
  /** Every handler entry naming the V1 module (which ignores hostingModel) gets the V2 module. */
  | { readonly action: 'switchHandlersToV2' }
  | { readonly action: 'enableStdoutLogging' }
  | { readonly action: 'disableStdoutLogging' }
  /** debugFile and debugLevel handler settings, sending `arg` and everything more severe to the file. */
  | { readonly action: 'enableDebugLog'; readonly arg: AncmLevel }
  | { readonly action: 'disableDebugLog' }
  /**
   * `<AspNetCoreHostingModel>` in a project file (.csproj/.fsproj/.vbproj). The server does not sync project
   * files (its document selector is web.config), so the client sends the text it has; `uri` and `version` are then
   * the project file's, and the edits are computed on `projectText`.
   */
  | { readonly action: 'setProjectHostingModel'; readonly arg: { readonly model: HostingModelName; readonly projectText: string } };

export type WebConfigEditParams = WebConfigEditAction & {
  readonly uri: string;
  /** The version of the document the client will apply the edits to; any other version is refused as stale. */
  readonly version: number;
  /** The cursor: a command edits the <aspNetCore> section under it, else every section. */
  readonly position?: Position;
};

/** The edits to apply (none when the file already says what was asked), for `version` of the document. */
export interface WebConfigEdits {
  readonly edits: TextEdit[];
  readonly version: number;
  /** toggleHostingModel, setHostingModel: the model the targeted sections have after the edits. */
  readonly hostingModel?: HostingModelName;
  /**
   * toggleHostingModel, setHostingModel: set when the result is in-process while a handler entry still names the
   * V1 module, which always runs the app out-of-process; the name of the module to switch to.
   */
  readonly switchToModule?: string;
  /** enableDebugLog: the debugLevel value written (e.g. `FILE,INFO`). */
  readonly debugLevel?: string;
  /** setProjectHostingModel: the property and the value it is given, as the project file spells them. */
  readonly projectProperty?: { readonly name: string; readonly value: string };
}

/** Why no edit is offered, worded for the user. */
export interface WebConfigEditRefused {
  readonly cannot: string;
  /**
   * The document is not at the asked version on the server (it changed since, or the change, or the document
   * itself, has not arrived yet): asking again with the current version can succeed.
   */
  readonly stale?: true;
}

export type WebConfigEditResult = WebConfigEdits | WebConfigEditRefused;

export function isEditRefused(result: WebConfigEditResult): result is WebConfigEditRefused {
  return 'cannot' in result;
}

export interface HostingModelStateParams {
  readonly uri: string;
  /** The cursor: the state of the section under it, else of all sections together (as the commands see them). */
  readonly position?: Position;
}

/** What the targeted <aspNetCore> sections say about the hosting model. */
export type HostingModelState =
  | { readonly kind: 'model'; readonly model: HostingModelName }
  /** A value ANCM rejects (HTTP 500.0 at startup). */
  | { readonly kind: 'invalid'; readonly value: string }
  /** The targeted sections disagree. */
  | { readonly kind: 'mixed' }
  | { readonly kind: 'noSection' };

/** The state, for `version` of the document; null when the server does not serve the document (not a web.config, not open). */
export type HostingModelStateResult = { readonly version: number; readonly state: HostingModelState } | null;
