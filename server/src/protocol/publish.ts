// The payloads of "ANCM: Check Publish Folder…": the client names a folder, the server reads it (publish/) and runs the
// publish checks with the web.config found there, and answers with plain findings the client lists.

export type PublishFindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface CheckPublishFolderParams {
  /** A file system path. */
  readonly folder: string;
}

export interface CheckPublishFolderFinding {
  /** The check's stable id (`publish-app-dll-missing`), also the diagnostic code on web.config. */
  readonly id: string;
  readonly severity: PublishFindingSeverity;
  readonly message: string;
  /** The file the finding points at (absolute path): the folder's web.config, or a file of the folder it is about. */
  readonly file?: string;
  /** Zero-based line in `file`, when the finding is at a place in web.config. */
  readonly line?: number;
}

export type CheckPublishFolderResult =
  | { readonly folder: string; readonly findings: readonly CheckPublishFolderFinding[] }
  /** No `*.runtimeconfig.json` or `*.deps.json` (nor the app web.config names) in the folder, or it cannot be read. */
  | { readonly notPublishOutput: true };

export function isNotPublishOutput(result: CheckPublishFolderResult): result is { readonly notPublishOutput: true } {
  return 'notPublishOutput' in result;
}
