// The edit requests of protocol/requests.ts: the client's commands (hosting model, stdout logging, debug log) and
// its status bar ask here instead of parsing web.config themselves, so the language service runs in this process
// only and reads the model the other features already parsed for this version (DocumentModelCache).
// A handler never throws to the client: every failure becomes a `cannot` reason (or null for the status bar).

import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { DocumentModelCache } from '../documentCache';
import { type HostingModelStateParams, type HostingModelStateResult, type HostingModelName, type WebConfigEditParams, type WebConfigEditResult, type WebConfigEdits } from '../protocol/edits';
import { ANCM_LEVELS, type AncmLevel } from '../protocol/levels';
import { HOSTING_MODEL_STATE_REQUEST, WEB_CONFIG_EDIT_REQUEST } from '../protocol/requests';
import { debugLevelValue, disableDebugLog, type EditResult, enableDebugLog, type HostingModelResult, hostingModelState, isCannot, isWebConfigUri, msbuildHostingModel, PROJECT_HOSTING_MODEL_PROPERTY, setHostingModel, setProjectHostingModel, setStdoutLogging, switchHandlersToV2, type TextEdit, toggleHostingModel, v1Handlers, V2_MODULE, type WebConfigDocument } from '../service/languageService';

const HOSTING_MODELS: readonly HostingModelName[] = ['inprocess', 'outofprocess'];

export function registerEditRequests(connection: Connection, documents: TextDocuments<TextDocument>, models: DocumentModelCache): void {
  function logFailure(what: string, uri: unknown, error: unknown): void {
    connection.console.error(`${what} failed for ${String(uri)}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }

  connection.onRequest(WEB_CONFIG_EDIT_REQUEST, (params, token): WebConfigEditResult => {
    try {
      return computeEdit(params, token);
    } catch (error) {
      logFailure(`edit '${params?.action}'`, params?.uri, error);
      return { cannot: 'The ANCM language server failed to compute the edit (its output channel, ANCM Language Server, has the details).' };
    }
  });

  connection.onRequest(HOSTING_MODEL_STATE_REQUEST, (params: HostingModelStateParams, token): HostingModelStateResult => {
    try {
      const uri = params?.uri;
      const document = typeof uri === 'string' && isWebConfigUri(uri) ? documents.get(uri) : undefined;
      if (!document || token.isCancellationRequested) return null;
      const cursor = cursorOffset(document, params.position);
      return { version: document.version, state: hostingModelState(models.get(document), cursor) };
    } catch (error) {
      logFailure('hostingModelState', params?.uri, error);
      return null;
    }
  });

  function computeEdit(params: WebConfigEditParams, token: CancellationToken): WebConfigEditResult {
    if (typeof params?.uri !== 'string' || typeof params.version !== 'number') return { cannot: 'The edit request has no document uri and version.' };
    if (token.isCancellationRequested) return { cannot: 'The edit was cancelled.' };
    if (params.action === 'setProjectHostingModel') return projectEdit(params);

    const name = fileNameOf(params.uri);
    if (!isWebConfigUri(params.uri)) return { cannot: `${name} is not a web.config: the ANCM commands edit web.config and web.*.config files.` };
    const document = documents.get(params.uri);
    // Stale too: a document the client just opened may not have reached the server yet, and asking again can succeed.
    if (!document) return { cannot: `The ANCM language server does not have ${name} open (it serves web.config files on disk and untitled ones).`, stale: true };
    // The client applies the edits to the version it named: offsets computed on any other text would land in the
    // wrong place, so a stale request is refused and the client asks again with what it has now.
    if (document.version !== params.version) {
      return { cannot: `${name} changed while the edit was being computed: run the command again.`, stale: true };
    }
    const model = models.get(document);
    const cursor = cursorOffset(document, params.position);
    switch (params.action) {
      case 'toggleHostingModel':
        return hostingModelAnswer(document, model, toggleHostingModel(model, cursor));
      case 'setHostingModel':
        if (!HOSTING_MODELS.includes(params.arg)) return { cannot: `'${String(params.arg)}' is not a hosting model (inprocess or outofprocess).` };
        return hostingModelAnswer(document, model, setHostingModel(model, params.arg, cursor));
      case 'switchHandlersToV2':
        return answer(document, switchHandlersToV2(model));
      case 'enableStdoutLogging':
      case 'disableStdoutLogging':
        return answer(document, setStdoutLogging(model, params.action === 'enableStdoutLogging', cursor));
      case 'enableDebugLog': {
        if (!ANCM_LEVELS.includes(params.arg)) return { cannot: `'${String(params.arg)}' is not a debug log level (${ANCM_LEVELS.join(', ')}).` };
        const level: AncmLevel = params.arg;
        return answer(document, enableDebugLog(model, level, cursor), { debugLevel: debugLevelValue(level) });
      }
      case 'disableDebugLog':
        return answer(document, disableDebugLog(model, cursor));
      default:
        return { cannot: `Unknown edit action '${String((params as { action?: unknown }).action)}'.` };
    }
  }
}

/** The project file is not a synced document: its text comes with the request, and the edits are for that text. */
function projectEdit(params: Extract<WebConfigEditParams, { action: 'setProjectHostingModel' }>): WebConfigEditResult {
  const model = params.arg?.model;
  const projectText = params.arg?.projectText;
  if (!HOSTING_MODELS.includes(model) || typeof projectText !== 'string') return { cannot: 'The project file edit needs a hosting model and the project text.' };
  const document = TextDocument.create(params.uri, 'xml', params.version, projectText);
  return answer(document, setProjectHostingModel(projectText, model), { projectProperty: { name: PROJECT_HOSTING_MODEL_PROPERTY, value: msbuildHostingModel(model) } });
}

function hostingModelAnswer(document: TextDocument, model: WebConfigDocument, result: HostingModelResult): WebConfigEditResult {
  if (isCannot(result)) return { cannot: result.cannot };
  const hostingModel: HostingModelName = result.model;
  // ANCM V1 never reads hostingModel and always runs the app out-of-process: in-process needs the V2 module. The
  // hosting model edit leaves the handlers alone, so what holds for them now holds after it.
  const switchToModule = hostingModel === 'inprocess' && v1Handlers(model).length > 0 ? V2_MODULE.name : undefined;
  return answer(document, result, { hostingModel, ...(switchToModule && { switchToModule }) });
}

function answer(document: TextDocument, result: EditResult, details: Partial<WebConfigEdits> = {}): WebConfigEditResult {
  if (isCannot(result)) return { cannot: result.cannot };
  return { ...details, edits: result.edits.map((edit) => toLspEdit(document, edit)), version: document.version };
}

function toLspEdit(document: TextDocument, edit: TextEdit) {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}

function cursorOffset(document: TextDocument, position: HostingModelStateParams['position']): number | undefined {
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') return undefined;
  return document.offsetAt(position);
}

function fileNameOf(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri)) || uri;
  } catch {
    return uri;
  }
}
