// The LSP shell: documents, capabilities and request handlers over the pure language service.
// Every handler honours cancellation and never throws to the client: a failure is logged and the
// request gets an empty answer.

import {
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModelCache } from './documentCache';
import { type CompletionOptions, toCompletionItem, toDocumentSymbol, toHover } from './lsp/convert';
import { getLanguageService } from './service/languageService';
import { isWebConfigUri } from './webConfigFiles';

/** Options the client may pass in `initializationOptions`. */
export interface ServerInitializationOptions {
  /** A client-side command that reopens completion after an attribute name is inserted. */
  readonly retriggerCompletionCommand?: string;
}

export function startServer(connection: Connection): void {
  const service = getLanguageService();
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentModelCache();
  let completionOptions: CompletionOptions = { snippetSupport: false, retriggerCommand: undefined };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as ServerInitializationOptions;
    completionOptions = {
      snippetSupport: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      retriggerCommand: typeof options.retriggerCompletionCommand === 'string' ? options.retriggerCompletionCommand : undefined,
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'", ','] },
        hoverProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'ancm-language-server', version: SERVER_VERSION },
    };
  });

  /** Runs a request against a served web.config; anything else, a cancellation or a failure gives `fallback`. */
  function serve<T>(name: string, uri: string, token: CancellationToken, fallback: T, run: (document: TextDocument) => T): T {
    const document = documents.get(uri);
    if (!document || !isWebConfigUri(uri) || token.isCancellationRequested) return fallback;
    try {
      return run(document);
    } catch (error) {
      connection.console.error(`${name} failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  connection.onCompletion((params, token) =>
    serve('completion', params.textDocument.uri, token, null, (document) => {
      const model = models.get(document);
      const entries = service.doComplete(model, document.offsetAt(params.position));
      return { isIncomplete: false, items: entries.map((entry) => toCompletionItem(document, entry, completionOptions)) };
    }));

  connection.onHover((params, token) =>
    serve('hover', params.textDocument.uri, token, null, (document) => {
      const hover = service.doHover(models.get(document), document.offsetAt(params.position));
      return hover ? toHover(document, hover) : null;
    }));

  connection.onDocumentSymbol((params, token) =>
    serve('documentSymbol', params.textDocument.uri, token, [], (document) =>
      service.findDocumentSymbols(models.get(document)).map((symbol) => toDocumentSymbol(document, symbol))));

  documents.onDidClose((event) => models.delete(event.document.uri));
  documents.listen(connection);
  connection.listen();
}

declare const ANCM_VERSION: string | undefined;
/** Replaced by the bundler with package.json's version. */
const SERVER_VERSION = typeof ANCM_VERSION === 'string' ? ANCM_VERSION : 'dev';
