// The client's side of the edit requests (server/src/protocol/requests.ts): the commands and the status bar ask the
// language server, which computes on the model it already parsed, as vscode-eslint's client asks its server for
// fixes. No vscode import, so unit tests reach it with a fake connection.

import type { Position } from 'vscode-languageserver-protocol';
import { type HostingModelStateParams, type HostingModelStateResult, type WebConfigEditAction, type WebConfigEditParams, type WebConfigEditResult, isEditRefused } from '../../server/src/protocol/edits';
import { HOSTING_MODEL_STATE_REQUEST, WEB_CONFIG_EDIT_REQUEST } from '../../server/src/protocol/requests';

/** What this needs of the LanguageClient: vscode-languageclient's sendRequest waits for a starting server and rejects once it stopped. */
export interface LanguageServerConnection {
  sendRequest(type: typeof WEB_CONFIG_EDIT_REQUEST, params: WebConfigEditParams): Promise<WebConfigEditResult>;
  sendRequest(type: typeof HOSTING_MODEL_STATE_REQUEST, params: HostingModelStateParams): Promise<HostingModelStateResult>;
  isRunning(): boolean;
}

/** The document as the editor has it now: its version is the one the language client last sent the server. */
export interface VersionedDocument {
  readonly uri: { toString(): string };
  readonly version: number;
}

/**
 * How often a stale answer (the document changed between the request and the server's look at it) is asked again.
 * Each attempt sends the version the editor has then; three changes in a row during one round trip means the user
 * is typing, and the command says so instead of chasing the text.
 */
export const MAX_EDIT_ATTEMPTS = 3;

/** The pause before asking again, times the attempt: long enough for a just-opened document's didOpen to arrive. */
const RETRY_DELAY_MS = 50;

export class ServerRequests {
  constructor(private readonly connection: LanguageServerConnection) {}

  /** The edit for the document's current version, or why there is none (also when the server is not running). */
  async computeEdit(document: VersionedDocument, request: WebConfigEditAction, position?: Position): Promise<WebConfigEditResult> {
    for (let attempt = 1; ; attempt++) {
      const params: WebConfigEditParams = { ...request, uri: document.uri.toString(), version: document.version, ...(position && { position }) };
      let result: WebConfigEditResult;
      try {
        result = await this.connection.sendRequest(WEB_CONFIG_EDIT_REQUEST, params);
      } catch (error) {
        return { cannot: this.failureReason(error) };
      }
      if (!isEditRefused(result) || !result.stale || attempt >= MAX_EDIT_ATTEMPTS) return result;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    }
  }

  /** The hosting model state for the status bar; null when the server does not serve the document or is not running. */
  async hostingModelState(document: VersionedDocument, position?: Position): Promise<HostingModelStateResult> {
    try {
      return await this.connection.sendRequest(HOSTING_MODEL_STATE_REQUEST, { uri: document.uri.toString(), ...(position && { position }) });
    } catch {
      return null;
    }
  }

  private failureReason(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (!this.connection.isRunning()) {
      return `The ANCM language server is not running (${message}), and it computes this edit. The ANCM Language Server output channel says why it stopped; reload the window to start it again.`;
    }
    return `The ANCM language server did not answer (${message}).`;
  }
}
