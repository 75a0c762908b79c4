// The files the language server attaches to: web.config in any letter case, and web.*.config
// transforms; and raw ANCM logs (the languages package.json gives aspnetcore-debug*.log and stdout_*.log), for their
// hover and startup-verdict CodeLens. Globs spell each letter as a class because VS Code matches them case-sensitively.

import type { DocumentFilter } from 'vscode-languageclient';
import { EVENT_TEXT_LANGUAGES } from './eventTextSync';

const WEB = '[wW][eE][bB]';
const CONFIG = '[cC][oO][nN][fF][iI][gG]';

export const WEB_CONFIG_GLOBS = [`**/${WEB}.${CONFIG}`, `**/${WEB}.*.${CONFIG}`] as const;

export const WEB_CONFIG_DOCUMENT_SELECTOR: DocumentFilter[] = WEB_CONFIG_GLOBS.flatMap((pattern) => [
  { scheme: 'file', pattern },
  { scheme: 'untitled', pattern },
]);

/** Raw logs opened in the editor: only what the editor holds is read (no diagnostics for logs). */
export const LOG_DOCUMENT_SELECTOR: DocumentFilter[] = ['ancm-debug-log', 'ancm-stdout-log'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** Event Log text copied into a text or .log file; eventTextSync.ts sends only those that hold ANCM's records. */
export const EVENT_TEXT_DOCUMENT_SELECTOR: DocumentFilter[] = EVENT_TEXT_LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** Everything the language server serves. */
export const SERVED_DOCUMENT_SELECTOR: DocumentFilter[] = [...WEB_CONFIG_DOCUMENT_SELECTOR, ...LOG_DOCUMENT_SELECTOR, ...EVENT_TEXT_DOCUMENT_SELECTOR];
