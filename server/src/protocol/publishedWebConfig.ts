// The payloads of "ANCM: Show web.config as Published…": the client names a web.config or project file, the server
// finds the project and offers its configurations, publish profiles and environment; then the client asks for the
// published text of one choice, shown read-only beside the source (scheme PUBLISHED_WEB_CONFIG_SCHEME).

/** The scheme of the read-only published web.config; its path ends in `web.config`, so the rules run on it. */
export const PUBLISHED_WEB_CONFIG_SCHEME = 'ancm-published';

export interface PublishChoicesParams {
  /** A web.config, project file or folder of the project (a `file:` URI). */
  readonly uri: string;
}

export type PublishChoicesResult =
  | {
      /** The project folder (a file system path) and its project file's name. */
      readonly projectFolder: string;
      readonly projectFile: string;
      /** Debug, Release and any other configuration the project's conditions name. */
      readonly configurations: readonly string[];
      /** The names of Properties/PublishProfiles/*.pubxml. */
      readonly publishProfiles: readonly string[];
      /** The project's own EnvironmentName, if it sets one. */
      readonly environmentName?: string;
      /** The project's web.config (a `file:` URI), when it has one. */
      readonly webConfigUri?: string;
    }
  | { readonly cannot: string };

export interface PublishedWebConfigParams {
  readonly projectFolder: string;
  readonly configuration: string;
  readonly publishProfile?: string;
  readonly environmentName?: string;
}

export interface PublishedStep {
  readonly fileName: string;
  readonly reason: string;
  readonly outcome: 'applied' | 'absent' | 'failed' | 'skipped';
}

export interface PublishedProblem {
  readonly fileName: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export type PublishedWebConfigResult =
  | { readonly text: string; readonly steps: readonly PublishedStep[]; readonly problems: readonly PublishedProblem[] }
  | { readonly cannot: string };

/** The virtual document's query: what it was published with. */
export function publishedWebConfigQuery(params: Omit<PublishedWebConfigParams, 'projectFolder'>): string {
  const query = new URLSearchParams({ configuration: params.configuration });
  if (params.publishProfile) query.set('profile', params.publishProfile);
  if (params.environmentName) query.set('environment', params.environmentName);
  return query.toString();
}

export function parsePublishedWebConfigQuery(query: string): Omit<PublishedWebConfigParams, 'projectFolder'> {
  const parsed = new URLSearchParams(query);
  const publishProfile = parsed.get('profile') ?? undefined;
  const environmentName = parsed.get('environment') ?? undefined;
  return { configuration: parsed.get('configuration') ?? 'Release', ...(publishProfile && { publishProfile }), ...(environmentName && { environmentName }) };
}
