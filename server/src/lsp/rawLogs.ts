// Raw ANCM logs opened in the editor (`aspnetcore-debug*.log`, `stdout_*.log`, and ANCM's Event Log records as users copy
// them into a text or .log file): hover on a line that shows a known failure
// says what it means and how to fix it, and a CodeLens at the top of the file gives each worker process's startup verdict.
// No diagnostics: a log is a record, not something to fix. Only the document's text is read, never the disk.

import { type CancellationToken, type CodeLens, type CodeLensParams, type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { detectLogFormat } from '../logs/detectLogFormat';
import { type ExplainedLogText, entryAtOffset, explainLogText } from '../logs/rawLogText';
import { EVENT_TEXT_SAMPLE_CHARS, mayHoldAncmEvents } from '../protocol/logs';
import { type FailureCause, explainLogEntry } from '../logs/explainLog';
import { markdownText } from '../service/languageService';

/** The language ids package.json gives these files. */
const LOG_LANGUAGES: ReadonlySet<string> = new Set(['ancm-debug-log', 'ancm-stdout-log']);
/** The same files by name, for a client that sends another language id: package.json's filenamePatterns. */
const LOG_FILE_NAME = /^(?:aspnetcore-debug.*|(?:aspnetcore-)?stdout_.*|.*_[12]\d{3}[01]\d[0-3]\d[0-2]\d[0-5]\d[0-5]\d_.*)\.log$/i;
/** Logs parsed, by URI: a hover and the lenses of one version share a parse. */
const MAX_CACHED = 8;
/** Lenses at the top of a file: the newest worker processes. */
const MAX_LENSES = 5;
const MAX_LENS_TITLE = 240;
const MAX_QUOTED_LINE = 200;

export function isRawLogDocument(document: Pick<TextDocument, 'uri' | 'languageId' | 'getText'>): boolean {
  if (LOG_LANGUAGES.has(document.languageId)) return true;
  try {
    if (LOG_FILE_NAME.test(Utils.basename(URI.parse(document.uri)))) return true;
  } catch {
    return false;
  }
  return holdsAncmEvents(document.getText());
}

/** Event Log text (Event Viewer's text or XML) from ANCM: any other text file is none of this server's business. */
function holdsAncmEvents(text: string): boolean {
  if (!mayHoldAncmEvents(text)) return false;
  return detectLogFormat(text.length > EVENT_TEXT_SAMPLE_CHARS ? text.slice(0, EVENT_TEXT_SAMPLE_CHARS) : text) === 'events';
}

export class RawLogFeatures {
  private readonly cache = new Map<string, { readonly version: number; readonly log: ExplainedLogText }>();

  constructor(private readonly onFailure: (what: string, uri: string, error: unknown) => void) {}

  hover(document: TextDocument, params: HoverParams, token: CancellationToken): Hover | null {
    if (token.isCancellationRequested) return null;
    try {
      const log = this.explained(document);
      const found = entryAtOffset(log, document.offsetAt(params.position));
      if (!found || found.causes.length === 0) return null;
      const causes = explainLogEntry(found.entry);
      const firstLineEnd = document.getText().indexOf('\n', found.start);
      const end = firstLineEnd < 0 || firstLineEnd > found.end ? found.end : firstLineEnd;
      const pid = found.entry.pid;
      const verdict = log.verdicts.find((candidate) => candidate.pid === pid && candidate.outcome === 'failed');
      return {
        contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(found.entry.message || found.entry.text, causes, verdict?.summary) },
        range: { start: document.positionAt(found.start), end: document.positionAt(end) },
      };
    } catch (error) {
      this.onFailure('hover', document.uri, error);
      return null;
    }
  }

  codeLenses(document: TextDocument, _params: CodeLensParams, token: CancellationToken): CodeLens[] {
    if (token.isCancellationRequested) return [];
    try {
      const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return this.explained(document)
        .verdicts.slice(-MAX_LENSES)
        .map((verdict) => ({ range: top, command: { title: lensTitle(verdict.summary), command: '' } }));
    } catch (error) {
      this.onFailure('codeLens', document.uri, error);
      return [];
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private explained(document: TextDocument): ExplainedLogText {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.log;
    const log = explainLogText(document.getText(), fsPathOf(document.uri));
    this.cache.delete(document.uri);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(document.uri, { version: document.version, log });
    return log;
  }
}

function fsPathOf(uri: string): string {
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return uri;
  }
}

/** Every piece of text is escaped (markdownText): the log's own line and the table's sentences alike. */
export function hoverMarkdown(message: string, causes: readonly FailureCause[], verdict: string | undefined): string {
  const newline = message.indexOf('\n');
  let line = (newline >= 0 ? message.slice(0, newline) : message).replace(/\r$/, '');
  if (line.length > MAX_QUOTED_LINE) line = `${line.slice(0, MAX_QUOTED_LINE - 1)}…`;
  const parts = [`**ANCM: what this line means**`, '', `*${markdownText(line)}*`];
  for (const cause of causes) {
    parts.push('', '---', '', `**${markdownText(cause.meaning)}** \`${cause.id}\``, '', 'Fix:', '');
    cause.fix.forEach((step, index) => parts.push(`${index + 1}. ${markdownText(step)}`));
    const links = [`[Microsoft's docs](${cause.docs})`];
    if (cause.rules && cause.rules.length > 0) links.push(`web.config rules that find it: ${cause.rules.map((rule) => `\`${rule}\``).join(', ')}`);
    parts.push('', links.join(' · '));
  }
  if (verdict !== undefined) parts.push('', '---', '', `Startup: ${markdownText(verdict)}`);
  return parts.join('\n');
}

function lensTitle(summary: string): string {
  const line = summary.replace(/[\r\n]+/g, ' ');
  return line.length > MAX_LENS_TITLE ? `${line.slice(0, MAX_LENS_TITLE - 1)}…` : line;
}
