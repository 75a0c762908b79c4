// An explained log entry's "Show the rule": the cause is one a web.config rule proves, so the panel's web.config opens at
// the first problem that rule reports, with the Problems view beside it; when the file has none, the user is told so
// (the rule passes: this cause is not in web.config).

import { type Diagnostic, Range, Selection, type Uri, commands, languages, window, workspace } from 'vscode';

/** How long a web.config just opened may take to get its first diagnostics. */
const FIRST_DIAGNOSTICS_MS = 3000;

function codeOf(diagnostic: Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function problemsOf(webConfig: Uri, rule: string): Diagnostic[] {
  return languages
    .getDiagnostics(webConfig)
    .filter((diagnostic) => codeOf(diagnostic) === rule)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The rule's problems, waiting a moment for the server's first pass when the file was not open. */
function rulesProblems(webConfig: Uri, rule: string): Promise<Diagnostic[]> {
  const now = problemsOf(webConfig, rule);
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(problemsOf(webConfig, rule));
    };
    const timer = setTimeout(done, FIRST_DIAGNOSTICS_MS);
    const subscription = languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === webConfig.toString())) done();
    });
  });
}

export async function showRuleInWebConfig(webConfig: Uri, rule: string): Promise<void> {
  const editor = await window.showTextDocument(webConfig, { preview: false });
  const [first] = await rulesProblems(webConfig, rule);
  if (!first) {
    void window.showInformationMessage(`${workspace.asRelativePath(webConfig)} has no "${rule}" problem now: that rule finds nothing in it.`);
    return;
  }
  editor.selection = new Selection(first.range.start, first.range.end);
  editor.revealRange(new Range(first.range.start, first.range.end));
  // The Problems view lists the rest; VS Code offers no way to filter it from an extension, so it shows as it is.
  await commands.executeCommand('workbench.actions.view.problems');
}
