// What the .NET Web SDK writes as the published web.config, before any XDT transform runs (those come after, in
// the order transformOrder.ts gives). The SDK's `_TransformWebConfig` target (dotnet/sdk src/WebSdk/Publish/Targets/
// TransformTargets/Microsoft.NET.Sdk.Publish.TransformFiles.targets) runs the `TransformWebConfig` task (src/WebSdk/
// Publish/Tasks/Tasks/TransformWebConfig.cs), which loads the project's web.config with XDocument, calls
// WebConfigTransform.Transform (src/WebSdk/Publish/Tasks/WebConfigTransform.cs), appends the telemetry comment
// (src/WebSdk/Publish/Tasks/WebConfigTelemetry.cs) and saves with XDocument.Save.
//
// The target skips the task (the project's web.config is published as it is) unless the project has the AspNetCore
// capability and none of IsTransformWebConfigDisabled=true, IsWebConfigTransformDisabled=true, PublishIISAssets=false
// holds; PublishIISAssets defaults to false for net5.0+ with a non-Windows RuntimeIdentifier (Microsoft.NET.Sdk.Publish
// .targets). Deciding that is the caller's business: this function is what happens when the task runs.
//
// What survives of an existing web.config: XDocument.Load drops whitespace-only text (LoadOptions.None ignores
// insignificant whitespace) and XDocument.Save re-indents everything with two spaces, so the original layout is lost.
// Kept: elements, attribute order and values, comments, processing instructions, CDATA, text. Normalized: quotes become
// double quotes, entities are re-escaped the XmlWriter way, `<a></a>` stays a full end tag and `<a/>` becomes `<a />`,
// an `<?xml ...?>` declaration is always written (encoding="utf-8" unless the file declared another), and there is no
// line break after the last node. The file itself is written in UTF-8 with a byte order mark; `text` carries no BOM.

import { SaxesParser } from 'saxes';

export interface SdkWebConfigInputs {
  /** $(TargetFileName) (the task gets $(TargetPath) and keeps its file name), e.g. "MyApp.dll". */
  readonly targetFileName: string;
  /**
   * The task's UseAppHost: the targets pass `_UseAppHost`, which is $(UseAppHost), else $(SelfContained), and is
   * forced to false when either is empty or $(RuntimeIdentifier) is empty. So a publish without a RuntimeIdentifier
   * always gets `processPath="dotnet"`, even though the SDK builds an apphost by default.
   */
  readonly useAppHost: boolean;
  /** `_ExecutableExtension`: ".exe" when $(RuntimeIdentifier) starts with "win", else empty. */
  readonly executableExtension: string;
  /** $(AspNetCoreHostingModel) as written in the project, unvalidated. */
  readonly hostingModel?: string;
  /** $(AspNetCoreModuleName); the Web SDK sets AspNetCoreModuleV2 by default, the task falls back to AspNetCoreModule when empty. */
  readonly moduleName?: string;
  /** $(EnvironmentName); becomes ASPNETCORE_ENVIRONMENT. */
  readonly environmentName?: string;
  /**
   * The task's IsAzure: true when $(PublishProvider) is AzureWebSite, the WEBSITE_SITE_NAME environment variable is
   * set, or DOTNET_CONFIGURE_AZURE is true or 1. Then stdoutLogFile is always `\\?\%home%\LogFiles\stdout`.
   */
  readonly configureForAzure?: boolean;
  /**
   * $(ProjectGuid), or the GUID the project has in a .sln/.slnx of its folder or up to four parents (the SDK looks
   * there when ProjectGuid is empty, IgnoreProjectGuid is not true and DOTNET_CLI_TELEMETRY_OPTOUT is not set).
   * Written as a trailing `<!--ProjectGuid: ...-->` comment.
   */
  readonly projectGuid?: string;
  /** $(IgnoreProjectGuid): removes an existing ProjectGuid comment for `projectGuid` instead of adding one. */
  readonly ignoreProjectGuid?: boolean;
  /** $(TargetFrameworkIdentifier); ".NETFramework" skips the transform (only the telemetry comment is applied). Default ".NETCoreApp". */
  readonly targetFrameworkIdentifier?: string;
  /** Environment.NewLine of the machine that publishes: XDocument.Save writes it between lines. Default "\r\n". */
  readonly newLine?: '\r\n' | '\n';
}

export interface SdkWebConfigProblem {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface SdkWebConfigResult {
  /**
   * The published web.config. When the task fails (an error problem) publishing stops, and this is the project's
   * web.config unchanged (what the publish folder holds then), or empty when the project has none.
   */
  readonly text: string;
  /** SDK errors/warnings with the SDK's own message texts, e.g. invalid hosting model, InProcess with AspNetCoreModule */
  readonly problems: readonly SdkWebConfigProblem[];
}

/**
 * Problem codes. The errors are exceptions of the task, which MSBuild reports as MSB4018 ("The "TransformWebConfig"
 * task failed unexpectedly.") followed by the message here.
 */
export const SdkWebConfigProblemCode = {
  /** Resources.resx WebConfigTransform_HostingModel_Error */
  hostingModelInvalid: 'sdk-hosting-model-invalid',
  /** Resources.resx WebConfigTransform_InvalidHostingOption */
  inProcessNeedsModuleV2: 'sdk-inprocess-needs-ancm-v2',
  /** TransformWebConfig.cs logs this warning when XDocument.Load fails, then generates a new web.config. */
  notXml: 'sdk-web-config-not-xml',
  /** Any other exception the task meets (a null reference, two aspNetCore elements before handlers). */
  taskFailed: 'sdk-transform-web-config-failed',
} as const;

const HOSTING_MODEL_ERROR = 'The acceptable value for AspNetCoreHostingModel property is either "InProcess" or "OutOfProcess".';
const IN_PROCESS_NEEDS_V2 = 'In process hosting is not supported for AspNetCoreModule. Change the AspNetCoreModule to at least AspNetCoreModuleV2.';
const NULL_REFERENCE = 'Object reference not set to an instance of an object.';
const MORE_THAN_ONE = 'Sequence contains more than one element';

/** The stand-in WebConfigTemplate.cs parses when there is no usable web.config. */
const TEMPLATE = '<configuration><location path="." inheritInChildApplications="false" /></configuration>';

export function generatePublishedWebConfig(sourceText: string | undefined, inputs: SdkWebConfigInputs): SdkWebConfigResult {
  const problems: SdkWebConfigProblem[] = [];
  let document: XDocument | undefined;
  if (sourceText !== undefined) {
    const parsed = loadDocument(sourceText);
    if (typeof parsed === 'string') {
      problems.push({ code: SdkWebConfigProblemCode.notXml, severity: 'warning', message: `Cannot parse web.config as XML. A new web.config will be generated. Error Details : ${parsed}` });
    } else {
      document = parsed;
    }
  }
  try {
    // TransformWebConfig.cs: .NET Framework apps keep their web.config free of anything ASP.NET Core (dotnet/sdk#34595).
    if ((inputs.targetFrameworkIdentifier ?? '.NETCoreApp') !== '.NETFramework') {
      document = transformWebConfig(document, inputs, sourceText !== undefined);
    }
    // With no web.config to keep, the .NET Framework path saves a null document and the task fails.
    if (document === undefined) throw new TaskFailure(SdkWebConfigProblemCode.taskFailed, NULL_REFERENCE);
    addProjectGuidComment(document, inputs.projectGuid, inputs.ignoreProjectGuid === true);
    return { text: saveDocument(document, inputs.newLine ?? '\r\n'), problems };
  } catch (error) {
    if (!(error instanceof TaskFailure)) throw error;
    problems.push({ code: error.code, severity: 'error', message: error.message });
    return { text: sourceText ?? '', problems };
  }
}

/** An exception the SDK task throws: publishing fails with it. */
class TaskFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A small LINQ to XML: the nodes XDocument keeps, with element names resolved to namespaces, since WebConfigTransform
// asks for names in no namespace (`Element("handlers")`).

interface XAttribute {
  readonly name: string;
  value: string;
}

interface XElement {
  readonly kind: 'element';
  readonly name: string;
  readonly localName: string;
  /** The namespace; '' for none (every element the SDK creates). */
  readonly namespace: string;
  attributes: XAttribute[];
  /** undefined for an empty element (`<a/>`, written `<a />`), [] for `<a></a>`. */
  children: XNode[] | undefined;
  parent: XElement | undefined;
}

type XNode =
  | XElement
  | { readonly kind: 'text' | 'cdata' | 'comment'; readonly text: string }
  | { readonly kind: 'pi'; readonly target: string; readonly body: string }
  | { readonly kind: 'doctype'; readonly text: string };

interface XDocument {
  standalone: string | undefined;
  encoding: string | undefined;
  readonly nodes: XNode[];
  readonly root: XElement;
}

const XML_WHITESPACE = /^[ \t\r\n]*$/;

/** XDocument.Load with LoadOptions.None; a string is the parse error. */
function loadDocument(text: string): XDocument | string {
  const parser = new SaxesParser({ xmlns: true });
  let failure: string | undefined;
  let declaration: { encoding?: string; standalone?: string } = {};
  const topLevel: XNode[] = [];
  const open: XElement[] = [];
  const preserveSpace: boolean[] = [];
  const append = (node: XNode): void => {
    const parent = open[open.length - 1];
    if (parent === undefined) topLevel.push(node);
    else (parent.children ??= []).push(node);
  };
  const appendText = (kind: 'text' | 'cdata', value: string): void => {
    // Whitespace-only text is insignificant unless xml:space="preserve" is in scope (XmlReaderSettings.IgnoreWhitespace).
    if (kind === 'text' && XML_WHITESPACE.test(value) && preserveSpace[preserveSpace.length - 1] !== true) return;
    if (open.length > 0) append({ kind, text: value });
  };
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('xmldecl', (decl) => {
    declaration = { encoding: decl.encoding, standalone: decl.standalone };
  });
  parser.on('doctype', (doctype) => append({ kind: 'doctype', text: doctype }));
  parser.on('processinginstruction', (pi) => append({ kind: 'pi', target: pi.target, body: pi.body }));
  parser.on('comment', (comment) => append({ kind: 'comment', text: comment }));
  parser.on('text', (value) => appendText('text', value));
  parser.on('cdata', (value) => appendText('cdata', value));
  parser.on('opentag', (tag) => {
    const attributes = Object.values(tag.attributes).map((attribute) => ({ name: attribute.name, value: attribute.value }));
    const parent = open[open.length - 1];
    const element: XElement = {
      kind: 'element', name: tag.name, localName: tag.local, namespace: tag.uri, attributes,
      children: tag.isSelfClosing ? undefined : [], parent,
    };
    append(element);
    open.push(element);
    const space = attributes.find((attribute) => attribute.name === 'xml:space')?.value;
    preserveSpace.push(space === undefined ? preserveSpace[preserveSpace.length - 1] === true : space === 'preserve');
  });
  parser.on('closetag', () => {
    open.pop();
    preserveSpace.pop();
  });
  parser.write(text).close();
  if (failure !== undefined) return failure;
  const root = topLevel.find((node): node is XElement => node.kind === 'element');
  if (root === undefined) return 'Root element is missing.';
  return { encoding: declaration.encoding, standalone: declaration.standalone, nodes: topLevel, root };
}

function isNamed(element: XElement, localName: string): boolean {
  return element.namespace === '' && element.localName === localName;
}

function childElements(element: XElement): XElement[] {
  return (element.children ?? []).filter((node): node is XElement => node.kind === 'element');
}

function firstChild(element: XElement, localName: string): XElement | undefined {
  return childElements(element).find((child) => isNamed(child, localName));
}

function descendants(element: XElement): XElement[] {
  return childElements(element).flatMap((child) => [child, ...descendants(child)]);
}

function appendChild(parent: XElement, child: XNode): void {
  (parent.children ??= []).push(child);
  if (child.kind === 'element') child.parent = parent;
}

function newElement(localName: string, parent: XElement | undefined): XElement {
  return { kind: 'element', name: localName, localName, namespace: '', attributes: [], children: undefined, parent };
}

/** `(string)element.Attribute(name)`: attributes the SDK asks for have no prefix. */
function attributeValue(element: XElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.name === name)?.value;
}

/** XElement.SetAttributeValue: replaces the value in place, or appends a new attribute. */
function setAttribute(element: XElement, name: string, value: string): void {
  const existing = element.attributes.find((attribute) => attribute.name === name);
  if (existing !== undefined) existing.value = value;
  else element.attributes.push({ name, value });
}

/** WebConfigTransform.SetAttributeValueIfEmpty: despite its name it only fills an absent attribute; an empty one stays. */
function setAttributeIfAbsent(element: XElement, name: string, value: string): void {
  if (attributeValue(element, name) === undefined) element.attributes.push({ name, value });
}

/** WebConfigTransform.GetOrCreateChild: the first child of that name, or a new empty one appended. */
function getOrCreateChild(parent: XElement, localName: string): XElement {
  const existing = firstChild(parent, localName);
  if (existing !== undefined) return existing;
  const created = newElement(localName, parent);
  appendChild(parent, created);
  return created;
}

/** StringComparison.OrdinalIgnoreCase for the ASCII names and switches the SDK compares with. */
function equalsIgnoreCase(left: string | undefined, right: string): boolean {
  return left !== undefined && left.length === right.length && left.toUpperCase() === right.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// WebConfigTransform.Transform, step by step.

function transformWebConfig(loaded: XDocument | undefined, inputs: SdkWebConfigInputs, projectHasWebConfig: boolean): XDocument {
  // A missing, unparsable or non-<configuration> web.config is replaced by the template (the root's local name is checked).
  const document = loaded !== undefined && loaded.root.localName === 'configuration' ? loaded : templateDocument();
  const root = document.root;
  const firstAspNetCore = descendants(root).find((element) => isNamed(element, 'aspNetCore'));
  const rootLocation = firstChild(root, 'location');
  // Where system.webServer is looked for: with no aspNetCore yet, the root's first <location> or else the root; when
  // the first aspNetCore sits inside some <location>, the root's first <location> (not necessarily that one, and
  // none at all is a null reference); otherwise the root.
  let sectionParent: XElement | undefined = root;
  if (firstAspNetCore === undefined) sectionParent = rootLocation ?? root;
  else if (hasLocationAncestor(firstAspNetCore)) sectionParent = rootLocation;
  if (sectionParent === undefined) throw new TaskFailure(SdkWebConfigProblemCode.taskFailed, NULL_REFERENCE);

  const webServer = getOrCreateChild(sectionParent, 'system.webServer');
  const handlers = getOrCreateChild(webServer, 'handlers');
  const handler = transformHandler(handlers, inputs.moduleName);
  // The module actually in force: an existing handler keeps its modules value whatever the project says.
  const moduleInForce = attributeValue(handler, 'modules');

  const aspNetCore = getOrCreateChild(webServer, 'aspNetCore');
  transformAspNetCore(aspNetCore, inputs, moduleInForce, projectHasWebConfig);
  if (inputs.environmentName !== undefined && inputs.environmentName !== '') {
    setEnvironmentName(getOrCreateChild(aspNetCore, 'environmentVariables'), inputs.environmentName);
  }
  moveAspNetCoreAfterHandlers(webServer);
  return document;
}

function templateDocument(): XDocument {
  const template = loadDocument(TEMPLATE);
  if (typeof template === 'string') throw new Error(`the web.config template does not parse: ${template}`);
  return template;
}

function hasLocationAncestor(element: XElement): boolean {
  for (let ancestor = element.parent; ancestor !== undefined; ancestor = ancestor.parent) if (isNamed(ancestor, 'location')) return true;
  return false;
}

/** WebConfigTransform.TransformHandlers: the first `add` named aspNetCore (any case), else a new one. */
function transformHandler(handlers: XElement, moduleName: string | undefined): XElement {
  let handler = childElements(handlers).find((child) => isNamed(child, 'add') && equalsIgnoreCase(attributeValue(child, 'name'), 'aspnetcore'));
  if (handler === undefined) {
    handler = newElement('add', handlers);
    appendChild(handlers, handler);
  }
  setAttribute(handler, 'name', 'aspNetCore');
  setAttributeIfAbsent(handler, 'path', '*');
  setAttributeIfAbsent(handler, 'verb', '*');
  setAttributeIfAbsent(handler, 'modules', moduleName === undefined || moduleName === '' ? 'AspNetCoreModule' : moduleName);
  setAttributeIfAbsent(handler, 'resourceType', 'Unspecified');
  return handler;
}

/** WebConfigTransform.TransformAspNetCore. */
function transformAspNetCore(aspNetCore: XElement, inputs: SdkWebConfigInputs, moduleInForce: string | undefined, projectHasWebConfig: boolean): void {
  // Path.Combine(".", appName) with forward slashes turned into backslashes, as published from any OS.
  let appPath = combineWithDot(inputs.targetFileName).replaceAll('/', '\\');
  removeLauncherArguments(aspNetCore);

  if (inputs.useAppHost) {
    const extension = inputs.executableExtension.trim() === '' ? undefined : inputs.executableExtension;
    setAttribute(aspNetCore, 'processPath', changeExtension(appPath, extension));
  } else if (equalsIgnoreCase(extensionOf(appPath), '.exe')) {
    // WebConfigTransform.cs: an .exe target without an apphost (a .NET Framework app) is started directly.
    setAttribute(aspNetCore, 'processPath', changeExtension(appPath, '.exe'));
  } else {
    setAttribute(aspNetCore, 'processPath', 'dotnet');
    // The app path goes in front of the existing arguments (unless they are exactly the app path), and the
    // attribute moves to just after processPath.
    const existing = attributeValue(aspNetCore, 'arguments');
    const others = aspNetCore.attributes.filter((attribute) => attribute.name !== 'arguments');
    if (existing !== undefined && equalsIgnoreCase(existing, appPath)) appPath = '';
    const processPathIndex = others.findIndex((attribute) => attribute.name === 'processPath');
    others.splice(processPathIndex + 1, 0, { name: 'arguments', value: `${appPath} ${existing ?? ''}`.trim() });
    aspNetCore.attributes = others;
  }

  setAttributeIfAbsent(aspNetCore, 'stdoutLogEnabled', 'false');
  // For Azure the path is always overwritten: that folder exists there.
  if (inputs.configureForAzure === true) setAttribute(aspNetCore, 'stdoutLogFile', '\\\\?\\%home%\\LogFiles\\stdout');
  else setAttributeIfAbsent(aspNetCore, 'stdoutLogFile', '.\\logs\\stdout');

  // The project's hostingModel goes in only when the project has no web.config or its aspNetCore has none; an
  // existing attribute is kept and the project's value is then not even validated.
  if (!projectHasWebConfig || attributeValue(aspNetCore, 'hostingModel') === undefined) {
    setHostingModel(aspNetCore, inputs.hostingModel, moduleInForce);
  }
}

function combineWithDot(fileName: string): string {
  if (fileName === '') return '.';
  return /^([\\/]|[A-Za-z]:)/.test(fileName) ? fileName : `.\\${fileName}`;
}

/** Path.GetExtension: from the last dot after the last separator; "" when none or when the dot ends the name. */
function extensionOf(path: string): string {
  const dot = lastDotIndex(path);
  return dot < 0 || dot === path.length - 1 ? '' : path.slice(dot);
}

/** Path.ChangeExtension (Windows separators): undefined removes the extension; a missing leading dot is added. */
function changeExtension(path: string, extension: string | undefined): string {
  const dot = lastDotIndex(path);
  const stem = dot < 0 ? path : path.slice(0, dot);
  if (extension === undefined) return stem;
  return extension.startsWith('.') ? stem + extension : `${stem}.${extension}`;
}

function lastDotIndex(path: string): number {
  for (let index = path.length - 1; index >= 0; index--) {
    const char = path[index];
    if (char === '.') return index;
    if (char === '\\' || char === '/' || char === ':') return -1;
  }
  return -1;
}

/** The placeholders Visual Studio's launch profiles leave in arguments (WebConfigTransform.RemoveLauncherArgs). */
const LAUNCHER_ARGUMENTS = ['%LAUNCHER_ARGS%', '-argFile IISExeLauncherArgs.txt'];

/** Removes every occurrence (any case), then trims; %LAUNCHER_PATH% needs nothing, processPath is always overwritten. */
function removeLauncherArguments(aspNetCore: XElement): void {
  let argumentsValue = attributeValue(aspNetCore, 'arguments');
  if (argumentsValue === undefined) return;
  for (const placeholder of LAUNCHER_ARGUMENTS) {
    let position = 0;
    while ((position = indexOfIgnoreCase(argumentsValue, placeholder, position)) >= 0) {
      argumentsValue = argumentsValue.slice(0, position) + argumentsValue.slice(position + placeholder.length);
    }
  }
  setAttribute(aspNetCore, 'arguments', argumentsValue.trim());
}

function indexOfIgnoreCase(text: string, needle: string, from: number): number {
  const upperNeedle = needle.toUpperCase();
  for (let index = from; index + needle.length <= text.length; index++) {
    if (text.slice(index, index + needle.length).toUpperCase() === upperNeedle) return index;
  }
  return -1;
}

/** WebConfigTransform.SetAspNetCoreHostingModel: the value is written as the project spells it. */
function setHostingModel(aspNetCore: XElement, hostingModel: string | undefined, moduleInForce: string | undefined): void {
  if (hostingModel === undefined || hostingModel === '') return;
  switch (hostingModel.toUpperCase()) {
    case 'INPROCESS':
      if (equalsIgnoreCase(moduleInForce, 'AspNetCoreModule')) throw new TaskFailure(SdkWebConfigProblemCode.inProcessNeedsModuleV2, IN_PROCESS_NEEDS_V2);
      setAttribute(aspNetCore, 'hostingModel', hostingModel);
      return;
    case 'OUTOFPROCESS':
      setAttribute(aspNetCore, 'hostingModel', hostingModel);
      return;
    default:
      throw new TaskFailure(SdkWebConfigProblemCode.hostingModelInvalid, HOSTING_MODEL_ERROR);
  }
}

/** WebConfigTransform.TransformEnvironmentVariables: an existing ASPNETCORE_ENVIRONMENT (any case) is overwritten in place. */
function setEnvironmentName(environmentVariables: XElement, environmentName: string): void {
  let variable = childElements(environmentVariables)
    .find((child) => isNamed(child, 'environmentVariable') && equalsIgnoreCase(attributeValue(child, 'name'), 'ASPNETCORE_ENVIRONMENT'));
  if (variable === undefined) {
    variable = newElement('environmentVariable', environmentVariables);
    appendChild(environmentVariables, variable);
  }
  setAttribute(variable, 'name', 'ASPNETCORE_ENVIRONMENT');
  setAttribute(variable, 'value', environmentName);
}

/** An aspNetCore element before the first handlers element moves to just after it (two of them make the task fail). */
function moveAspNetCoreAfterHandlers(webServer: XElement): void {
  const handlers = firstChild(webServer, 'handlers');
  const siblings = webServer.children ?? [];
  if (handlers === undefined) return;
  const before = siblings.slice(0, siblings.indexOf(handlers)).filter((node): node is XElement => node.kind === 'element' && isNamed(node, 'aspNetCore'));
  if (before.length > 1) throw new TaskFailure(SdkWebConfigProblemCode.taskFailed, MORE_THAN_ONE);
  const [aspNetCore] = before;
  if (aspNetCore === undefined) return;
  siblings.splice(siblings.indexOf(aspNetCore), 1);
  siblings.splice(siblings.indexOf(handlers) + 1, 0, aspNetCore);
}

/** WebConfigTransform.AddProjectGuidToWebConfig, called by WebConfigTelemetry.AddTelemetry after the transform. */
function addProjectGuidComment(document: XDocument, projectGuid: string | undefined, ignoreProjectGuid: boolean): void {
  if (projectGuid === undefined || projectGuid === '') return;
  const commentText = `ProjectGuid: ${projectGuid.replace(/^[{}()]+|[{}()]+$/g, '').trim()}`;
  const found = findComment(document.nodes, commentText);
  if (found !== undefined) {
    if (ignoreProjectGuid) found.container.splice(found.container.indexOf(found.node), 1);
    return;
  }
  if (!ignoreProjectGuid) document.nodes.push({ kind: 'comment', text: commentText });
}

function findComment(nodes: XNode[], text: string): { container: XNode[]; node: XNode } | undefined {
  for (const node of nodes) {
    if (node.kind === 'comment' && equalsIgnoreCase(node.text, text)) return { container: nodes, node };
    if (node.kind === 'element') {
      const inner = findComment(node.children ?? [], text);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// XDocument.Save: an XmlWriter with Indent = true (two spaces). Its indenting rule: a node goes on a new line unless
// the element it is in (or an ancestor) already received text or CDATA (mixed content is written as is).

/** Encoding.WebName of the encodings a declaration may name that .NET resolves; anything else falls back to UTF-8. */
const ENCODING_WEB_NAMES: Record<string, string> = {
  'utf-8': 'utf-8', 'utf-16': 'utf-16', 'utf-16le': 'utf-16', 'unicode': 'utf-16', 'utf-16be': 'utf-16BE',
  'utf-32': 'utf-32', 'us-ascii': 'us-ascii', 'ascii': 'us-ascii', 'iso-8859-1': 'iso-8859-1', 'latin1': 'iso-8859-1',
};

function saveDocument(document: XDocument, newLine: string): string {
  const writer = new IndentingWriter(newLine);
  const encoding = ENCODING_WEB_NAMES[(document.encoding ?? 'utf-8').toLowerCase()] ?? 'utf-8';
  const standalone = document.standalone === 'yes' || document.standalone === 'no' ? ` standalone="${document.standalone}"` : '';
  writer.markup(`<?xml version="1.0" encoding="${encoding}"${standalone}?>`);
  for (const node of document.nodes) writer.node(node, '');
  return writer.text();
}

class IndentingWriter {
  private readonly parts: string[] = [];
  private depth = 0;
  private mixed = false;
  /** True while nothing but text has been written since the last markup (XmlWriter's textPos == bufPos). */
  private afterText = true;

  constructor(private readonly newLine: string) {}

  text(): string {
    return this.parts.join('');
  }

  markup(value: string): void {
    this.parts.push(value);
    this.afterText = false;
  }

  node(node: XNode, defaultNamespace: string): void {
    switch (node.kind) {
      case 'element':
        this.element(node, defaultNamespace);
        return;
      case 'text':
        this.content(escapeText(node.text, this.newLine));
        return;
      case 'cdata':
        this.content(`<![CDATA[${withNewLines(node.text, this.newLine).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
        return;
      case 'comment':
        this.indentIfStructured();
        this.markup(`<!--${withNewLines(node.text, this.newLine)}-->`);
        return;
      case 'pi':
        this.indentIfStructured();
        this.markup(`<?${node.target}${node.body === '' ? '' : ` ${withNewLines(node.body, this.newLine)}`}?>`);
        return;
      case 'doctype':
        this.indentIfStructured();
        this.markup(`<!DOCTYPE${node.text}>`);
        return;
    }
  }

  private element(element: XElement, inheritedNamespace: string): void {
    this.indentIfStructured();
    const declared = element.attributes.find((attribute) => attribute.name === 'xmlns')?.value;
    const defaultNamespace = declared ?? inheritedNamespace;
    // An element the SDK created in no namespace under a default namespace needs xmlns="" (the writer adds it).
    const undeclare = element.namespace === '' && !element.name.includes(':') && defaultNamespace !== '' ? ' xmlns=""' : '';
    const attributes = element.attributes.map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`).join('');
    this.markup(`<${element.name}${attributes}${undeclare}`);
    if (element.children === undefined) {
      this.markup(' />');
      return;
    }
    this.markup('>');
    const parentMixed = this.mixed;
    this.depth++;
    for (const child of element.children) this.node(child, undeclare === '' ? defaultNamespace : '');
    this.depth--;
    if (!this.mixed && element.children.length > 0 && !this.afterText) this.indent();
    this.mixed = parentMixed;
    this.markup(`</${element.name}>`);
  }

  private content(value: string): void {
    this.mixed = true;
    this.parts.push(value);
    this.afterText = true;
  }

  private indentIfStructured(): void {
    if (!this.mixed && !this.afterText) this.indent();
  }

  private indent(): void {
    this.parts.push(this.newLine + '  '.repeat(this.depth));
  }
}

/** XmlWriter text escaping; line breaks become the writer's NewLineChars (NewLineHandling.Replace). */
function escapeText(value: string, newLine: string): string {
  return value.replace(/[&<>]|\r\n|[\r\n]/g, (match) => (match === '&' ? '&amp;' : match === '<' ? '&lt;' : match === '>' ? '&gt;' : newLine));
}

/** Comments, processing instructions and CDATA are written raw, but their line breaks are replaced too. */
function withNewLines(value: string, newLine: string): string {
  return value.replace(/\r\n|[\r\n]/g, newLine);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (match) => ATTRIBUTE_ESCAPES[match] ?? match);
}
