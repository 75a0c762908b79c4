// Parse once per document version: every feature asks the cache, which re-parses only when the
// version changed (the pattern of VS Code's json-language-features languageModelCache).
//
// A new version after a few keystrokes is not parsed from scratch: the server reports each edit (`edited`),
// and the cache re-scans only the part of the text around them, keeping the rest of the previous model
// (parse/incrementalXml.ts). In a 1 MB web.config that is the difference between a scan of a few lines and
// one of the whole file on every keystroke that asks for completion (issue 13).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { withoutYoungGenerationGrowth } from './lsp/heapHeuristics';
import { type EditedRegion, type LanguageService, type WebConfigDocument, getLanguageService, mergeEdit } from './service/languageService';

interface CachedModel {
  readonly version: number;
  readonly model: WebConfigDocument;
  /** What changed in the text since the model was built: one merged region, or `'all'` when not known. */
  edits: EditedRegion | 'all' | undefined;
}

/** How a model was last built, for tests and benchmarks. */
export type BuildKind = 'full' | 'incremental';

export class DocumentModelCache {
  private readonly models = new Map<string, CachedModel>();
  private lastBuild: BuildKind | undefined;

  constructor(private readonly service: LanguageService = getLanguageService()) {}

  get(document: TextDocument): WebConfigDocument {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const text = document.getText();
    let model: WebConfigDocument | undefined;
    if (cached && cached.edits !== undefined && cached.edits !== 'all') {
      // The previous model is given up to the re-parse, which changes it in place: drop it from the cache first.
      this.models.delete(document.uri);
      model = this.service.reparseWebConfig(cached.model, text, cached.edits);
    }
    this.lastBuild = model ? 'incremental' : 'full';
    model ??= withoutYoungGenerationGrowth(() => this.service.parseWebConfig(text));
    this.models.set(document.uri, { version: document.version, model, edits: undefined });
    return model;
  }

  /**
   * The document's text from `start` to `end` (offsets before this edit) was replaced by `length` characters.
   * Called for every edit, in order, before the document's version moves on.
   */
  edited(uri: string, start: number, end: number, length: number): void {
    const cached = this.models.get(uri);
    if (!cached || cached.edits === 'all') return;
    cached.edits = mergeEdit(cached.edits, start, end, length);
  }

  /** The whole text was replaced: the next model is parsed from scratch. */
  replaced(uri: string): void {
    const cached = this.models.get(uri);
    if (cached) cached.edits = 'all';
  }

  /** How the latest model was built. */
  get lastBuildKind(): BuildKind | undefined {
    return this.lastBuild;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }
}
