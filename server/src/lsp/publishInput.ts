// What the publish checks (publish/publishChecks.ts) read from a web.config, and where in it each finding goes. The
// settings come from the service (aspNetCoreStartSettings: the site's <aspNetCore> section, its collections as ANCM
// reads them, with spans); this file only puts them in the checks' shape and maps a finding's attribute to a span.
// The command line places its findings the same way (cli/checkPublish.ts), with the service's spanOfStartSetting.

import { type PublishAttribute, type PublishCheckInput, expectedAppsOf } from '../publish/publishChecks';
import { type WebConfigDocument, aspNetCoreStartSettings, spanOfStartSetting, startCommandOf } from '../service/languageService';

/** A span of the web.config text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface PublishTarget {
  readonly input: PublishCheckInput;
  /** The app processPath and arguments name, so that a single-file publish (no runtimeconfig.json beside it) is read too. */
  readonly expectedApps: readonly string[];
  /** Where a finding about the attribute goes; the message tells which environment variable a finding is about. */
  spanOf(attribute: PublishAttribute, message: string): Span;
}

/**
 * The apps processPath and arguments name: all a folder's read needs. Cheap (two attributes), unlike the whole input,
 * which resolves the collections: a 20 MB web.config that is no publish output must not pay for that at each keystroke.
 */
export function expectedAppsOfDocument(document: WebConfigDocument): string[] {
  return expectedAppsOf(startCommandOf(document));
}

/** The publish checks' input and the finding spans for a web.config (only for a folder that is a publish output). */
export function publishTargetOf(document: WebConfigDocument): PublishTarget {
  // The start settings are the checks' input as they are (PublishCheckInput reads their values, not their spans).
  const settings = aspNetCoreStartSettings(document);
  return {
    input: settings,
    expectedApps: expectedAppsOf(settings),
    spanOf: (attribute, message) => spanOfStartSetting(settings, attribute, message),
  };
}
