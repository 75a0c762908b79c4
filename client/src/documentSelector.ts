// The files the language server attaches to: web.config in any letter case, and web.*.config
// transforms. Globs spell each letter as a class because VS Code matches them case-sensitively.

import type { DocumentFilter } from 'vscode-languageclient';

const WEB = '[wW][eE][bB]';
const CONFIG = '[cC][oO][nN][fF][iI][gG]';

export const WEB_CONFIG_GLOBS = [`**/${WEB}.${CONFIG}`, `**/${WEB}.*.${CONFIG}`] as const;

export const WEB_CONFIG_DOCUMENT_SELECTOR: DocumentFilter[] = WEB_CONFIG_GLOBS.flatMap((pattern) => [
  { scheme: 'file', pattern },
  { scheme: 'untitled', pattern },
]);
