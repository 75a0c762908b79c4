// ANCM: Show web.config as Published…: pick a configuration, publish profile and environment, and see the project's
// web.config as `dotnet publish` writes it (the Web SDK's rewrite, then the XDT transforms in the SDK's order) in a
// read-only diff beside the source. The server finds the project and computes the text; the published document's path
// ends in web.config, so the server's rules run on it and its problems show in the diff.

import * as path from 'node:path';
import { type Event, EventEmitter, type ExtensionContext, type QuickPickItem, type TextDocumentContentProvider, Uri, commands, window, workspace } from 'vscode';
import {
  PUBLISHED_WEB_CONFIG_SCHEME,
  type PublishChoicesParams,
  type PublishChoicesResult,
  type PublishedWebConfigParams,
  type PublishedWebConfigResult,
  parsePublishedWebConfigQuery,
  publishedWebConfigQuery,
} from '../../../server/src/protocol/publishedWebConfig';
import { PUBLISHED_WEB_CONFIG_REQUEST, PUBLISH_CHOICES_REQUEST } from '../../../server/src/protocol/requests';

export const SHOW_PUBLISHED_WEB_CONFIG = 'ancm.showPublishedWebConfig';

/** What this needs of the LanguageClient. */
export interface PublishedWebConfigServer {
  sendRequest(type: typeof PUBLISH_CHOICES_REQUEST, params: PublishChoicesParams): Promise<PublishChoicesResult>;
  sendRequest(type: typeof PUBLISHED_WEB_CONFIG_REQUEST, params: PublishedWebConfigParams): Promise<PublishedWebConfigResult>;
}

const NO_PROFILE = '(none: dotnet publish)';

export function registerPublishedWebConfigCommands(context: ExtensionContext, server: PublishedWebConfigServer): void {
  const provider = new PublishedWebConfigProvider(server);
  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(PUBLISHED_WEB_CONFIG_SCHEME, provider),
    commands.registerCommand(SHOW_PUBLISHED_WEB_CONFIG, (given?: unknown) => showPublished(server, provider, given instanceof Uri ? given : undefined)),
    // The source or a transform changed: a published view that is open shows the new result.
    workspace.onDidSaveTextDocument((document) => {
      if (/(^|[\\/])(web(\.[^\\/]+)?\.config|[^\\/]+\.(cs|fs|vb)proj|[^\\/]+\.pubxml)$/i.test(document.uri.path)) provider.refreshAll();
    }),
  );
}

/** Serves the published text; remembers the problems of the last answer for each document. */
class PublishedWebConfigProvider implements TextDocumentContentProvider {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange: Event<Uri> = this.changed.event;
  private readonly shown = new Set<string>();

  constructor(private readonly server: PublishedWebConfigServer) {}

  async provideTextDocumentContent(uri: Uri): Promise<string> {
    this.shown.add(uri.toString());
    const params: PublishedWebConfigParams = { projectFolder: path.dirname(uri.fsPath), ...parsePublishedWebConfigQuery(uri.query) };
    const result = await this.server.sendRequest(PUBLISHED_WEB_CONFIG_REQUEST, params);
    if ('cannot' in result) return `<!-- ${result.cannot.replace(/--/g, '- -')} -->\n`;
    return result.text;
  }

  refreshAll(): void {
    for (const uri of this.shown) this.changed.fire(Uri.parse(uri));
  }
}

async function showPublished(server: PublishedWebConfigServer, provider: PublishedWebConfigProvider, given: Uri | undefined): Promise<void> {
  const from = given ?? window.activeTextEditor?.document.uri ?? workspace.workspaceFolders?.[0]?.uri;
  if (!from || from.scheme !== 'file') {
    void window.showWarningMessage('Open the project\'s web.config or project file first.');
    return;
  }
  let choices: PublishChoicesResult;
  try {
    choices = await server.sendRequest(PUBLISH_CHOICES_REQUEST, { uri: from.toString() });
  } catch (error) {
    void window.showErrorMessage(`The ANCM language server is not running (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  if ('cannot' in choices) {
    void window.showWarningMessage(choices.cannot);
    return;
  }
  const configuration = await pick(choices.configurations, 'Release', `Publish ${choices.projectFile}: configuration`);
  if (configuration === undefined) return;
  const profileChoice = choices.publishProfiles.length === 0 ? NO_PROFILE : await pick([NO_PROFILE, ...choices.publishProfiles], NO_PROFILE, 'Publish profile');
  if (profileChoice === undefined) return;
  const environmentName = await window.showInputBox({
    title: 'Environment ($(EnvironmentName)): writes ASPNETCORE_ENVIRONMENT and runs web.<Environment>.config',
    value: choices.environmentName ?? '',
    placeHolder: 'none',
  });
  if (environmentName === undefined) return;
  const query = publishedWebConfigQuery({ configuration, ...(profileChoice !== NO_PROFILE && { publishProfile: profileChoice }), ...(environmentName.trim() && { environmentName: environmentName.trim() }) });
  const published = Uri.file(path.join(choices.projectFolder, 'web.config')).with({ scheme: PUBLISHED_WEB_CONFIG_SCHEME, query });
  const title = `web.config ↔ published (${[configuration, profileChoice !== NO_PROFILE ? profileChoice : undefined, environmentName.trim() || undefined].filter(Boolean).join(', ')})`;
  provider.refreshAll();
  if (choices.webConfigUri) await commands.executeCommand('vscode.diff', Uri.parse(choices.webConfigUri), published, title, { preview: false });
  else await window.showTextDocument(published, { preview: false });
  await reportSteps(server, choices.projectFolder, query);
}

/** Says what failed or was warned about, and which transforms ran, so the diff is not read as the whole story. */
async function reportSteps(server: PublishedWebConfigServer, projectFolder: string, query: string): Promise<void> {
  const result = await server.sendRequest(PUBLISHED_WEB_CONFIG_REQUEST, { projectFolder, ...parsePublishedWebConfigQuery(query) });
  if ('cannot' in result) {
    void window.showWarningMessage(result.cannot);
    return;
  }
  const applied = result.steps.filter((step) => step.outcome === 'applied').map((step) => step.fileName);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    void window.showErrorMessage(`The publish fails: ${errors[0].fileName}: ${errors[0].message}`);
  } else if (result.problems.length > 0) {
    void window.showWarningMessage(`${result.problems[0].fileName}: ${result.problems[0].message}`);
  } else {
    window.setStatusBarMessage(`Published web.config: ${applied.length > 0 ? applied.join(' → ') : 'published as it is'}`, 10_000);
  }
}

async function pick(values: readonly string[], preferred: string, title: string): Promise<string | undefined> {
  if (values.length === 1) return values[0];
  const ordered = [...values].sort((a, b) => Number(b === preferred) - Number(a === preferred));
  const items: QuickPickItem[] = ordered.map((label) => ({ label }));
  return (await window.showQuickPick(items, { title, placeHolder: preferred }))?.label;
}
