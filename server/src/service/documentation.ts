// Markdown for hover and completion documentation, built from the knowledge tables. Text from the
// document goes in only through markdownText().

import { type DebugLevel, DEBUG_LEVELS } from '../ancm/debugLevel';
import { describeScope } from '../ancm/lookup';
import type { AttributeSpec, CollectionSpec, Documentation, ElementDocs, EnvironmentVariableSpec, HandlerSettingSpec, ModuleSpec } from '../ancm/types';
import { codePointName, splitHiddenCharacters } from '../protocol/hiddenCharacters';

type Fact = readonly [label: string, value: string | undefined];

/** The markdown of a table entry never changes: build it once (completion lists ask for dozens per keystroke). */
function memoized<T extends object>(build: (spec: T) => string): (spec: T) => string {
  const cache = new WeakMap<T, string>();
  return (spec) => {
    let markdown = cache.get(spec);
    if (markdown === undefined) {
      markdown = build(spec);
      cache.set(spec, markdown);
    }
    return markdown;
  };
}

function render(title: string, facts: readonly Fact[], docs: Documentation): string {
  const parts = [title, docs.summary];
  if (docs.description && docs.description !== docs.summary) parts.push(docs.description);
  const shown = facts.filter((fact): fact is readonly [string, string] => fact[1] !== undefined);
  if (shown.length > 0) parts.push(['| | |', '|---|---|', ...shown.map(([label, value]) => `| ${label} | ${value} |`)].join('\n'));
  if (docs.notes && docs.notes.length > 0) parts.push(docs.notes.map((note) => `- ${note}`).join('\n'));
  parts.push(`[Microsoft docs](${docs.docsUrl})`);
  return parts.join('\n\n');
}

/**
 * Text from the user's file (an entry name, a value) as Markdown that shows exactly that text and nothing
 * else: it comes from a file that may not be the user's own, and hover Markdown can hold links (a
 * `command:` link runs a command where the client trusts the Markdown), images, HTML and theme icons.
 * Every ASCII punctuation character is backslash-escaped (CommonMark 0.31, 2.4 "Backslash escapes": any of
 * them may be, so `*`, `[`, `<`, `&`, `|` and `$(` all stay literal, and `https://` is no autolink);
 * spaces and tabs become `&nbsp;` so that a leading or doubled space shows (VS Code's
 * `MarkdownString.appendText` in src/vs/base/common/htmlContent.ts does the same); hidden characters
 * show as a code-styled `<U+202E>`, which text that merely reads `<U+202E>` does not get.
 */
export function markdownText(text: string): string {
  return splitHiddenCharacters(text)
    .map((part) => (part.hidden ? '`' + codePointName(part.text) + '`' : part.text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/[ \t]/g, '&nbsp;')))
    .join('');
}

/** A table's one-line Markdown (a summary) as plain text: code spans, emphasis and links keep only their text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

function code(value: string): string {
  return value === '' ? '(empty)' : '`' + value.replace(/`/g, "'") + '`';
}

function describeRange(spec: AttributeSpec): string | undefined {
  if (spec.range) return `${spec.range.min} to ${spec.range.max}`;
  if (spec.timeSpanRange) {
    const { maxSeconds, granularitySeconds } = spec.timeSpanRange;
    return `up to ${formatSeconds(maxSeconds)} (\`hh:mm:ss\`, steps of ${granularitySeconds} s)`;
  }
  return spec.values ? spec.values.map(code).join(', ') : undefined;
}

function formatSeconds(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}

export const attributeMarkdown = memoized((spec: AttributeSpec): string => {
  return render(`**${spec.name}** attribute of \`<aspNetCore>\``, [
    ['Type', spec.valueType === 'hostingModel' ? 'string (`inprocess` or `outofprocess`, any casing)' : spec.valueType],
    ['Default', spec.defaultValue !== undefined ? code(spec.defaultValue) : spec.required ? 'none: required' : 'none'],
    ['Allowed', describeRange(spec)],
    ['Hosting model', describeScope(spec.appliesTo)],
    ['Environment variables', spec.expanded ? 'IIS expands `%NAME%` references' : undefined],
  ], spec);
});

export const handlerSettingMarkdown = memoized((spec: HandlerSettingSpec): string => {
  const version = [spec.since && `since ${spec.since}`, spec.retiredIn && `no longer read from ${spec.retiredIn}`].filter(Boolean).join('; ');
  return render(`**${spec.name}** handler setting`, [
    ['Value', VALUE_SYNTAX[spec.valueSyntax]],
    ['Default', spec.defaultValue !== undefined ? code(spec.defaultValue) : 'none'],
    ['Hosting model', describeScope(spec.appliesTo)],
    ['Version', version || undefined],
    ['Replaced by', spec.replacedBy && code(spec.replacedBy)],
  ], spec);
});

const VALUE_SYNTAX: Record<HandlerSettingSpec['valueSyntax'], string> = {
  path: 'a path, relative to the site root unless absolute',
  debugLevel: 'comma-separated levels and sinks, no spaces',
  trueOnly: '`true` enables it (any casing); any other value means false',
  notFalse: 'enabled unless the value is `false` (any casing)',
  milliseconds: 'a whole number of milliseconds, 0 or more',
  hexStackSize: 'bytes, read as **hexadecimal** by the runtime (`0x200000` = 2 MB)',
  folderName: 'a version folder name under the ANCM V2 install folder',
};

export const environmentVariableMarkdown = memoized((spec: EnvironmentVariableSpec): string => {
  return render(`**${spec.name}** environment variable`, [
    ['Known values', spec.values?.map(code).join(', ')],
    ['Allowed', spec.range && `${spec.range.min} to ${spec.range.max}`],
  ], spec);
});

export const collectionMarkdown = memoized((spec: CollectionSpec): string => {
  const duplicates = { lastWins: 'the last entry with a name wins (names compared ignoring case)', firstWins: 'the first entry with a name wins (names compared ignoring case)', notRead: 'ANCM does not read this collection' };
  return render(`**<${spec.name}>** collection`, [
    ['Entries', `\`<${spec.addElement}>\`, and \`<${spec.clearElement} />\` to drop inherited entries`],
    ['Duplicates', duplicates[spec.duplicatePolicy]],
  ], spec);
});

export const collectionEntryMarkdown = memoized((spec: CollectionSpec): string => {
  return render(`**<${spec.addElement}>** entry of \`<${spec.name}>\``, [
    ['Attributes', spec.attributes.map((attribute) => `\`${attribute.name}\`${attribute.required ? ' (required)' : ''}`).join(', ')],
  ], spec.addElementDocs);
});

export const elementMarkdown = memoized((docs: ElementDocs): string => {
  return render(`**<${docs.name}>**`, [], docs);
});

export const moduleMarkdown = memoized((spec: ModuleSpec): string => {
  return render(`**${spec.name}** (ANCM V${spec.majorVersion})`, [
    ['Loads', code(spec.dll)],
    ['In-process hosting', spec.supportsInProcess ? 'supported' : 'not supported: always out-of-process'],
  ], spec);
});

/** What ANCM will do with a debugLevel value: the flags it ends up with and each ignored token. */
export function debugLevelMarkdown(parsed: DebugLevel): string {
  const lines = ['**debugLevel**: what ANCM will do'];
  if (parsed.level === undefined) {
    lines.push('Nothing is logged: no token enables a level or a sink.');
  } else {
    const included = DEBUG_LEVELS.slice(0, DEBUG_LEVELS.indexOf(parsed.level) + 1).join(', ');
    const sinks = parsed.sinks.length > 0 ? parsed.sinks.join(', ') : 'no sink (only the debugger output, and the `debugFile` when one is set)';
    lines.push(`- Level: **${parsed.level}** (logs ${included})${parsed.infoImplied ? ', added by ANCM because only sinks were named' : ''}`);
    lines.push(`- Written to: ${sinks}`);
  }
  const ignored = parsed.tokens.filter((token) => token.problem !== undefined);
  for (const token of ignored) lines.push(`- Ignored: "${markdownText(token.text)}": ${TOKEN_PROBLEM[token.problem!]}`);
  return lines.join('\n');
}

const TOKEN_PROBLEM: Record<NonNullable<DebugLevel['tokens'][number]['problem']>, string> = {
  leadingWhitespace: 'ANCM does not trim spaces, so a token that starts with a space matches nothing',
  numeric: 'numeric levels were removed before ANCM 2.2 shipped',
  empty: 'an empty token',
  unknown: 'not a level (ERROR, WARNING, INFO, TRACE) or a sink (FILE, EVENTLOG, CONSOLE)',
};
