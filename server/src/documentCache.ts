// Parse once per document version: every feature asks the cache, which re-parses only when the
// version changed (the pattern of VS Code's json-language-features languageModelCache).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type WebConfigDocument, parseWebConfig } from './service/webConfig';

interface CachedModel {
  readonly version: number;
  readonly model: WebConfigDocument;
}

export class DocumentModelCache {
  private readonly models = new Map<string, CachedModel>();

  get(document: TextDocument): WebConfigDocument {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = parseWebConfig(document.getText());
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }
}
