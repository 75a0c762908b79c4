// Which plain-text and .log documents the language server gets. ANCM's Event Log records come as text users copy out of
// Event Viewer into a file of any name, so the server is registered for plain text and .log files too; but only the
// documents that hold ANCM's records go to it (protocol/logs.ts mayHoldAncmEvents), not every text file the user opens.
// A document that starts empty and gets such text pasted in is opened on the server then. No vscode import: unit-tested.

import { mayHoldAncmEvents } from '../../server/src/protocol/logs';

/** The languages the server is registered for only because of Event Log text. */
export const EVENT_TEXT_LANGUAGES: readonly string[] = ['plaintext', 'log'];

export type ChangeSync = 'forward' | 'openNow' | 'skip';

export class EventTextDocuments {
  /** The plain-text documents the server has. */
  private readonly onServer = new Set<string>();

  /** Whether the document's open goes to the server. */
  open(uri: string, languageId: string, text: string): boolean {
    if (!EVENT_TEXT_LANGUAGES.includes(languageId)) return true;
    if (!mayHoldAncmEvents(text)) return false;
    this.onServer.add(uri);
    return true;
  }

  /** What to do with a change: pass it on, open the document on the server now (its text became event text), or keep it. */
  change(uri: string, languageId: string, text: () => string): ChangeSync {
    if (!EVENT_TEXT_LANGUAGES.includes(languageId) || this.onServer.has(uri)) return 'forward';
    if (!mayHoldAncmEvents(text())) return 'skip';
    this.onServer.add(uri);
    return 'openNow';
  }

  /** Whether the document's close goes to the server (only when its open did). */
  close(uri: string, languageId: string): boolean {
    if (!EVENT_TEXT_LANGUAGES.includes(languageId)) return true;
    return this.onServer.delete(uri);
  }
}
