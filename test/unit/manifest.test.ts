// package.json against the code it describes: the settings the server parses, the rules it runs, the files the
// client attaches to, the grammars in syntaxes/ and the log names ANCM writes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WEB_CONFIG_GLOBS } from '../../client/src/documentSelector';
import { formatStdoutLogName } from '../../server/src/ancm/logNames';
import { parseValidationSettings } from '../../server/src/lsp/settings';
import { PUBLISH_CHECKS } from '../../server/src/publish/publishChecks';
import { ALL_RULES } from '../../server/src/service/rules/registry';
import { PROJECT_FILE_RULES } from '../../server/src/service/projectFileRules';
import { RULE_SEVERITY_OVERRIDES } from '../../server/src/service/validation';

const ROOT = join(__dirname, '..', '..');

interface Setting {
  readonly type?: string;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly scope?: string;
  readonly markdownDescription?: string;
  readonly additionalProperties?: boolean;
  readonly properties?: Record<string, Setting>;
}

interface Manifest {
  readonly icon: string;
  readonly activationEvents: readonly string[];
  readonly contributes: {
    readonly commands: readonly { command: string; category?: string }[];
    readonly configuration: { title: string; properties: Record<string, Setting> };
    readonly languages: readonly { id: string; filenamePatterns: readonly string[] }[];
    readonly grammars: readonly { language: string; scopeName: string; path: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

describe('settings', () => {
  const rules = settings['ancm.diagnostics.rules'];

  it('ancm.diagnostics.rules has exactly one entry per rule, per publish check and per project-file rule, and no others', () => {
    assert.equal(rules.type, 'object');
    assert.deepEqual(rules.default, {});
    assert.equal(rules.additionalProperties, false);
    const ids = [...ALL_RULES.map((rule) => rule.id), ...PUBLISH_CHECKS.map((check) => check.id), ...PROJECT_FILE_RULES.map((rule) => rule.id)];
    assert.equal(new Set(ids).size, ids.length, 'no two rules share an id');
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), ids.sort());
  });

  it('each project-file rule offers the same severities, and describes the rule and its default', () => {
    for (const rule of PROJECT_FILE_RULES) {
      const entry = rules.properties?.[rule.id];
      assert.deepEqual(entry?.enum, RULE_SEVERITY_OVERRIDES, rule.id);
      assert.ok(entry?.markdownDescription?.startsWith(rule.description), `${rule.id} describes the rule`);
      assert.ok(entry?.markdownDescription?.endsWith(`Default: \`${rule.defaultSeverity}\`.`), `${rule.id} gives its default severity`);
    }
  });

  it('each publish check offers the same severities, and describes the check and its default', () => {
    for (const check of PUBLISH_CHECKS) {
      const entry = rules.properties?.[check.id];
      assert.deepEqual(entry?.enum, RULE_SEVERITY_OVERRIDES, check.id);
      assert.ok(entry?.markdownDescription?.includes(check.description), `${check.id} describes the check`);
      assert.ok(entry?.markdownDescription?.endsWith(`Default: \`${check.defaultSeverity}\`.`), `${check.id} gives its default severity`);
    }
  });

  it('each rule offers the severities the server accepts, and describes the rule and its default', () => {
    for (const rule of ALL_RULES) {
      const entry = rules.properties?.[rule.id];
      assert.deepEqual(entry?.enum, RULE_SEVERITY_OVERRIDES, rule.id);
      // The manifest puts element names in backticks so Markdown shows them.
      assert.ok(entry?.markdownDescription?.replaceAll('`', '').startsWith(rule.description), `${rule.id} describes the rule`);
      assert.ok(entry?.markdownDescription?.endsWith(`Default: \`${rule.defaultSeverity}\`.`), `${rule.id} gives its default severity`);
    }
  });

  it('the server keeps every severity the manifest offers', () => {
    for (const severity of RULE_SEVERITY_OVERRIDES) {
      assert.deepEqual(parseValidationSettings({ diagnostics: { rules: { 'debug-level': severity } } }), { rules: { 'debug-level': severity } });
    }
  });

  it('every setting is an ancm.* setting with a Markdown description and a scope', () => {
    assert.equal(manifest.contributes.configuration.title, 'ANCM');
    for (const [key, setting] of Object.entries(settings)) {
      assert.match(key, /^ancm\./);
      assert.ok(setting.markdownDescription, `${key} has a markdownDescription`);
      assert.ok(setting.scope, `${key} has a scope`);
    }
  });

  it('ancm.trace.server is named after the language client id, which reads it', () => {
    const extension = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const clientId = /new LanguageClient\('([^']+)'/.exec(extension)?.[1];
    assert.equal(clientId, 'ancm');
    assert.ok(settings[`${clientId}.trace.server`], `${clientId}.trace.server is declared`);
  });
});

describe('commands and activation', () => {
  it('every command is in the ANCM category', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'ANCM', command.command);
  });

  it('activates on a workspace with the files the client attaches to, never on everything', () => {
    for (const glob of WEB_CONFIG_GLOBS) assert.ok(manifest.activationEvents.includes(`workspaceContains:${glob}`), glob);
    assert.ok(!manifest.activationEvents.includes('*'));
  });
});

/** VS Code's filenamePatterns as written here (`*`, `?`, `[...]` within a file name), ignoring case as VS Code does. */
function filenamePattern(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replaceAll('*', '[^/\\\\]*').replaceAll('?', '[^/\\\\]');
  return new RegExp(`^${source}$`, 'i');
}

function languageOf(fileName: string): string[] {
  return manifest.contributes.languages.filter((language) => language.filenamePatterns.some((glob) => filenamePattern(glob).test(fileName))).map((language) => language.id);
}

describe('log languages and grammars', () => {
  it('each grammar belongs to a declared language and its file has the scope name the manifest gives', () => {
    const languages = manifest.contributes.languages.map((language) => language.id);
    assert.deepEqual([...languages].sort(), ['ancm-debug-log', 'ancm-stdout-log', 'xml']);
    for (const grammar of manifest.contributes.grammars) {
      assert.ok(languages.includes(grammar.language), grammar.language);
      const file = JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')) as { scopeName: string };
      assert.equal(file.scopeName, grammar.scopeName, grammar.path);
    }
  });

  it('opens web.config and its transforms as XML, with or without an <?xml declaration to go by', () => {
    for (const name of ['web.config', 'Web.config', 'WEB.CONFIG', 'web.Release.config', 'Web.Production.config']) assert.deepEqual(languageOf(name), ['xml'], name);
    for (const name of ['app.config', 'web.configx', 'myweb.config']) assert.deepEqual(languageOf(name), [], name);
  });

  it('opens ANCM debug logs by their default name', () => {
    assert.deepEqual(languageOf('aspnetcore-debug.log'), ['ancm-debug-log']);
    assert.deepEqual(languageOf('ASPNETCORE-DEBUG.LOG'), ['ancm-debug-log']);
  });

  it('opens the stdout logs ANCM names, V1 and V2, whatever the stdoutLogFile prefix in V2', () => {
    const started = new Date(Date.UTC(2024, 0, 31, 23, 59, 58));
    assert.deepEqual(languageOf(formatStdoutLogName('stdout', started, 1234)), ['ancm-stdout-log']);
    assert.deepEqual(languageOf(formatStdoutLogName('contoso-api', started, 1234)), ['ancm-stdout-log']);
    assert.deepEqual(languageOf('stdout_408_201662915587.log'), ['ancm-stdout-log']);
    assert.deepEqual(languageOf('aspnetcore-stdout_20240101120000_88.log'), ['ancm-stdout-log']);
    assert.deepEqual(languageOf('application.log'), []);
  });
});

describe('package', () => {
  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
