// The links in a line of a log entry: a source location as .NET stack traces write it (`in C:\src\App\Program.cs:line 22`,
// `/src/x.cs:line 5`) and http(s) URLs. The panel only marks them; a click asks the extension, which opens a
// location only inside the workspace and a URL only after VS Code asked the user.

export type LinkTarget =
  | { readonly kind: 'location'; readonly path: string; readonly line: number }
  | { readonly kind: 'url'; readonly url: string }
  /** An explained entry's "Show the rule": the site's web.config at that diagnostics rule (never from log text). */
  | { readonly kind: 'rule'; readonly rule: string };

export interface LogLink {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly target: LinkTarget;
}

// After ` in `, a path may hold spaces (`C:\Program Files\…`); elsewhere it ends at a space. A path starts with
// a drive (`C:\`), a UNC share (`\\host\`) or `/`, and ends at `:line <n>`.
const PATH_START = String.raw`(?:[A-Za-z]:[\\/]|\\\\|/)`;
const LINK = new RegExp(
  [String.raw`\bin (${PATH_START}[^:*?"<>|\r\n]+?):line (\d+)`, String.raw`(${PATH_START}[^\s:*?"<>|]+):line (\d+)`, String.raw`(https?://[^\s"'<>\x60]+)`].join('|'),
  'g',
);

export function findLinks(line: string): LogLink[] {
  const links: LogLink[] = [];
  LINK.lastIndex = 0;
  for (let match = LINK.exec(line); match; match = LINK.exec(line)) {
    const [whole, spacedPath, spacedLine, path, pathLine, url] = match;
    if (url !== undefined) {
      const trimmed = trimUrl(url);
      links.push({ start: match.index, end: match.index + trimmed.length, target: { kind: 'url', url: trimmed } });
    } else {
      const target = spacedPath ?? path;
      const start = match.index + whole.indexOf(target);
      links.push({ start, end: match.index + whole.length, target: { kind: 'location', path: target, line: Number(spacedLine ?? pathLine) } });
    }
  }
  return links;
}

/** A URL in prose ends before the punctuation after it: `see https://x.example/a.` or `(https://x.example/a)`. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (/[.,;:!?'"]/.test(last)) end--;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else return url.slice(0, end);
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
