// Shapes of the ANCM knowledge tables. Completion, hover and validation all read the same tables,
// so nothing about an attribute, setting or variable is written twice.

/** Which hosting model a setting has an effect under. */
export type HostingModelScope = 'both' | 'inprocess' | 'outofprocess';

/** The two hosting models ANCM knows (compared case-insensitively by ANCM). */
export type HostingModel = 'inprocess' | 'outofprocess';

/** An integer range as IIS's `integerRange` validation checks it (inclusive). */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/** IIS's `timeSpanRange` validation: bounds and allowed increment, in seconds. */
export interface TimeSpanRange {
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly granularitySeconds: number;
}

/** How IIS (and then ANCM) reads an attribute value of `<aspNetCore>`. */
export type AttributeValueType = 'string' | 'bool' | 'uint' | 'timeSpan' | 'hostingModel';

/** Hover and completion documentation, written in our own words. Markdown allowed. */
export interface Documentation {
  /** One sentence: what it does. Used as the completion detail. */
  readonly summary: string;
  /** A paragraph or two: how ANCM actually uses it. */
  readonly description: string;
  /** Behaviour and version notes, one bullet each. */
  readonly notes?: readonly string[];
  /** The Microsoft docs page that covers it. */
  readonly docsUrl: string;
}

/** An attribute of `system.webServer/aspNetCore` (V2 schema). */
export interface AttributeSpec extends Documentation {
  readonly name: string;
  readonly valueType: AttributeValueType;
  /** The schema default, as written in the schema; undefined when the schema has none. */
  readonly defaultValue?: string;
  readonly range?: IntegerRange;
  readonly timeSpanRange?: TimeSpanRange;
  /** Values offered in completion (enums and booleans), in the schema's canonical casing. */
  readonly values?: readonly string[];
  readonly appliesTo: HostingModelScope;
  /** ANCM refuses to start without it (for example processPath). */
  readonly required: boolean;
  /** IIS expands `%VARIABLE%` references in the value (`expanded="true"` in the schema). */
  readonly expanded: boolean;
  /** Completion order: lower comes first (most used first). */
  readonly rank: number;
  /** Placeholder text offered inside the quotes when the attribute is completed as a snippet. */
  readonly placeholder?: string;
}

/** A child element of a collection (`environmentVariable`, `handlerSetting`, `file`): its attributes. */
export interface CollectionAttributeSpec {
  readonly name: string;
  readonly required: boolean;
  /** IIS's `nonEmptyString` validation. */
  readonly nonEmpty: boolean;
  readonly summary: string;
}

/** How ANCM resolves two entries with the same name (compared case-insensitively). */
export type DuplicatePolicy = 'lastWins' | 'firstWins' | 'notRead';

/** A child collection of `<aspNetCore>`: `environmentVariables`, `handlerSettings`, `recycleOnFileChange`. */
export interface CollectionSpec extends Documentation {
  /** The collection element, e.g. `environmentVariables`. */
  readonly name: string;
  /** The entry element, e.g. `environmentVariable`. */
  readonly addElement: string;
  /** Always `clear` in the ANCM schema. */
  readonly clearElement: string;
  readonly attributes: readonly CollectionAttributeSpec[];
  readonly duplicatePolicy: DuplicatePolicy;
  /** False for `recycleOnFileChange`, which the schema keeps but ANCM never reads. */
  readonly readByAncm: boolean;
  /** Completion order among the three collections. */
  readonly rank: number;
  /** Documentation for the entry element (`<environmentVariable>`, ...), shown on hover. */
  readonly addElementDocs: Documentation;
}

/**
 * How ANCM parses a handler setting's value:
 * - `path`: a file or folder path, relative to the site root when not absolute.
 * - `debugLevel`: comma-separated level and sink tokens (see debugLevel.ts).
 * - `trueOnly`: enabled only by `true` (any casing); every other value means false.
 * - `notFalse`: enabled unless the value is `false` (any casing).
 * - `milliseconds`: a non-negative integer number of milliseconds.
 * - `hexStackSize`: passed to the runtime, which reads it as hexadecimal.
 * - `folderName`: used verbatim as a folder name (handlerVersion).
 */
export type HandlerSettingValueSyntax =
  | 'path'
  | 'debugLevel'
  | 'trueOnly'
  | 'notFalse'
  | 'milliseconds'
  | 'hexStackSize'
  | 'folderName';

/** A `<handlerSetting name="...">` that ANCM reads. */
export interface HandlerSettingSpec extends Documentation {
  readonly name: string;
  readonly valueSyntax: HandlerSettingValueSyntax;
  /** The value ANCM uses when the setting is absent, as text; undefined when there is none. */
  readonly defaultValue?: string;
  /** Values offered in completion. */
  readonly values?: readonly string[];
  readonly appliesTo: HostingModelScope;
  /** The ANCM / .NET version that introduced it, e.g. ".NET 7". */
  readonly since?: string;
  /** The version from which ANCM no longer reads it. */
  readonly retiredIn?: string;
  /** The setting that replaced a retired one. */
  readonly replacedBy?: string;
  /** Completion order: lower comes first. */
  readonly rank: number;
}

/** An environment variable users set in `<environmentVariables>`. */
export interface EnvironmentVariableSpec extends Documentation {
  readonly name: string;
  /** Known values offered in completion. */
  readonly values?: readonly string[];
  /** For ports: the range ANCM accepts. */
  readonly range?: IntegerRange;
  /** Set when a value in `<environmentVariables>` does not configure what the variable controls. */
  readonly ignoredInWebConfig?: IgnoredInWebConfig;
  /** Values (compared ignoring case) with which ANCM puts detailed error text on its error pages. */
  readonly detailedErrorsWith?: readonly string[];
  /** Completion order: lower comes first. */
  readonly rank: number;
}

/**
 * Why ANCM disregards a variable set in web.config: it reads the variable only from the IIS worker
 * process environment, or it replaces the value with its own.
 */
export interface IgnoredInWebConfig {
  readonly reason: 'readFromWorkerProcessOnly' | 'replacedByAncm';
  /** The hosting model under which the web.config value is disregarded. */
  readonly appliesTo: HostingModelScope;
  /** What to do instead: one plain-text sentence (it ends diagnostics). */
  readonly instead: string;
}

/** A module name that may appear in the `aspNetCore` handler's `modules` attribute. */
export interface ModuleSpec extends Documentation {
  readonly name: string;
  readonly majorVersion: 1 | 2;
  /** The native dll IIS loads for it. */
  readonly dll: string;
  readonly supportsInProcess: boolean;
}

/** An element of the ANCM configuration that hover documents (`aspNetCore`, a handler entry, `clear`). */
export interface ElementDocs extends Documentation {
  readonly name: string;
}
