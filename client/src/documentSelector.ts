// The files the language server attaches to: web.config in any letter case, and web.*.config
// transforms; the project files, launchSettings.json and applicationHost.config around them; and raw ANCM logs (the languages package.json gives aspnetcore-debug*.log and stdout_*.log), for their
// hover and startup-verdict CodeLens. Globs spell each letter as a class because VS Code matches them case-sensitively.

import type { DocumentFilter } from 'vscode-languageclient';
import { EVENT_TEXT_LANGUAGES } from './eventTextSync';
import { PUBLISHED_WEB_CONFIG_SCHEME } from '../../server/src/protocol/publishedWebConfig';

/** A glob that matches a name in any letter case (VS Code's globs are case-sensitive). */
function anyCase(name: string): string {
  return [...name].map((character) => (/[a-z]/i.test(character) ? `[${character.toLowerCase()}${character.toUpperCase()}]` : character)).join('');
}

const WEB = anyCase('web');
const CONFIG = anyCase('config');

export const WEB_CONFIG_GLOBS = [`**/${WEB}.${CONFIG}`, `**/${WEB}.*.${CONFIG}`] as const;

export const WEB_CONFIG_DOCUMENT_SELECTOR: DocumentFilter[] = WEB_CONFIG_GLOBS.flatMap((pattern) => [
  { scheme: 'file', pattern },
  { scheme: 'untitled', pattern },
]);

/**
 * The files around web.config: project files, Directory.Build.props, publish profiles, launchSettings.json, and IIS's
 * or IIS Express's applicationHost.config (on disk only: their checks read the files beside them).
 */
export const PROJECT_FILE_GLOBS = [
  `**/*.${anyCase('csproj')}`,
  `**/*.${anyCase('fsproj')}`,
  `**/*.${anyCase('vbproj')}`,
  `**/${anyCase('Directory.Build.props')}`,
  `**/*.${anyCase('pubxml')}`,
  `**/${anyCase('launchSettings.json')}`,
  `**/${anyCase('applicationHost.config')}`,
] as const;

export const PROJECT_DOCUMENT_SELECTOR: DocumentFilter[] = PROJECT_FILE_GLOBS.map((pattern) => ({ scheme: 'file', pattern }));

/** The read-only "web.config as published" (its path ends in web.config, so the server's rules run on it). */
export const PUBLISHED_DOCUMENT_SELECTOR: DocumentFilter[] = [{ scheme: PUBLISHED_WEB_CONFIG_SCHEME }];

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
export const SERVED_DOCUMENT_SELECTOR: DocumentFilter[] = [
  ...WEB_CONFIG_DOCUMENT_SELECTOR,
  ...PROJECT_DOCUMENT_SELECTOR,
  ...PUBLISHED_DOCUMENT_SELECTOR,
  ...LOG_DOCUMENT_SELECTOR,
  ...EVENT_TEXT_DOCUMENT_SELECTOR,
];
