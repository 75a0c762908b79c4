// Integrity checks for the ANCM knowledge tables (server/src/ancm/*): the facts must agree with the V2 schema
// (AspNetCore/aspnetcore_schema_v2.xml) and the tables must be internally consistent, because completion, hover and
// validation all read them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ASPNETCORE_ATTRIBUTES, ASPNETCORE_ELEMENT_DOCS } from '../../server/src/ancm/attributes';
import { ASPNETCORE_COLLECTIONS, CLEAR_ELEMENT_DOCS } from '../../server/src/ancm/collections';
import { ENVIRONMENT_VARIABLES } from '../../server/src/ancm/environmentVariables';
import { HANDLER_SETTINGS } from '../../server/src/ancm/handlerSettings';
import { ANCM_MODULES, HANDLER_ENTRY_ATTRIBUTES, HANDLER_ENTRY_DOCS } from '../../server/src/ancm/modules';
import type { Documentation } from '../../server/src/ancm/types';

interface Named {
  readonly name: string;
}

interface Ranked extends Named {
  readonly rank: number;
}

const TABLES: ReadonlyArray<readonly [string, readonly Named[]]> = [
  ['ASPNETCORE_ATTRIBUTES', ASPNETCORE_ATTRIBUTES],
  ['ASPNETCORE_COLLECTIONS', ASPNETCORE_COLLECTIONS],
  ['HANDLER_SETTINGS', HANDLER_SETTINGS],
  ['ENVIRONMENT_VARIABLES', ENVIRONMENT_VARIABLES],
  ['ANCM_MODULES', ANCM_MODULES],
  ['HANDLER_ENTRY_ATTRIBUTES', HANDLER_ENTRY_ATTRIBUTES],
];

const RANKED_TABLES: ReadonlyArray<readonly [string, readonly Ranked[]]> = [
  ['ASPNETCORE_ATTRIBUTES', ASPNETCORE_ATTRIBUTES],
  ['ASPNETCORE_COLLECTIONS', ASPNETCORE_COLLECTIONS],
  ['HANDLER_SETTINGS', HANDLER_SETTINGS],
  ['ENVIRONMENT_VARIABLES', ENVIRONMENT_VARIABLES],
];

/** Every documented thing, labelled for assertion messages. */
function allDocs(): Array<readonly [string, Documentation]> {
  return [
    ...ASPNETCORE_ATTRIBUTES.map((a) => [`attribute ${a.name}`, a] as const),
    ['element aspNetCore', ASPNETCORE_ELEMENT_DOCS] as const,
    ...ASPNETCORE_COLLECTIONS.map((c) => [`collection ${c.name}`, c] as const),
    ...ASPNETCORE_COLLECTIONS.map((c) => [`entry ${c.addElement}`, c.addElementDocs] as const),
    ['element clear', CLEAR_ELEMENT_DOCS] as const,
    ...HANDLER_SETTINGS.map((s) => [`handlerSetting ${s.name}`, s] as const),
    ...ENVIRONMENT_VARIABLES.map((v) => [`variable ${v.name}`, v] as const),
    ...ANCM_MODULES.map((m) => [`module ${m.name}`, m] as const),
    ['handler entry', HANDLER_ENTRY_DOCS] as const,
    ...HANDLER_ENTRY_ATTRIBUTES.map((a) => [`handler attribute ${a.name}`, a] as const),
  ];
}

function byName<T extends Named>(table: readonly T[], name: string): T {
  const found = table.find((entry) => entry.name === name);
  assert.ok(found, `${name} is missing`);
  return found;
}

describe('ANCM tables: shared invariants', () => {
  it('names are unique case-insensitively within each table', () => {
    for (const [label, table] of TABLES) {
      const seen = new Set<string>();
      for (const { name } of table) {
        const key = name.toLowerCase();
        assert.ok(!seen.has(key), `${label}: duplicate name ${name}`);
        seen.add(key);
      }
    }
  });

  it('ranks are unique non-negative integers within each table', () => {
    for (const [label, table] of RANKED_TABLES) {
      const ranks = table.map((entry) => entry.rank);
      for (const rank of ranks) {
        assert.ok(Number.isInteger(rank) && rank >= 0, `${label}: bad rank ${rank}`);
      }
      assert.equal(new Set(ranks).size, ranks.length, `${label}: duplicate ranks`);
    }
  });

  it('every docsUrl is an https://learn.microsoft.com/ page without a locale or version pin', () => {
    for (const [label, docs] of allDocs()) {
      const url = new URL(docs.docsUrl);
      assert.equal(url.protocol, 'https:', `${label}: ${docs.docsUrl}`);
      assert.equal(url.host, 'learn.microsoft.com', `${label}: ${docs.docsUrl}`);
      assert.doesNotMatch(url.pathname, /^\/[a-z]{2}-[a-z]{2}\//, `${label}: locale in ${docs.docsUrl}`);
      assert.equal(url.search, '', `${label}: query string in ${docs.docsUrl}`);
    }
  });

  it('every entry has a one-line summary, a description, and no empty notes', () => {
    for (const [label, docs] of allDocs()) {
      assert.ok(docs.summary.trim().length > 0, `${label}: empty summary`);
      assert.doesNotMatch(docs.summary, /\n/, `${label}: multi-line summary`);
      assert.ok(docs.description.trim().length > 0, `${label}: empty description`);
      for (const note of docs.notes ?? []) {
        assert.ok(note.trim().length > 0, `${label}: empty note`);
      }
    }
  });
});

describe('ASPNETCORE_ATTRIBUTES', () => {
  it('holds exactly the 12 attributes of the V2 schema', () => {
    const schema = [
      'processPath',
      'arguments',
      'startupTimeLimit',
      'shutdownTimeLimit',
      'rapidFailsPerMinute',
      'requestTimeout',
      'stdoutLogEnabled',
      'stdoutLogFile',
      'processesPerApplication',
      'forwardWindowsAuthToken',
      'disableStartUpErrorPage',
      'hostingModel',
    ];
    assert.deepEqual(ASPNETCORE_ATTRIBUTES.map((a) => a.name).sort(), [...schema].sort());
  });

  it('matches the schema types, defaults and validation', () => {
    const expected: Record<string, { type: string; default?: string; range?: [number, number] }> = {
      processPath: { type: 'string' },
      arguments: { type: 'string', default: '' },
      startupTimeLimit: { type: 'uint', default: '120', range: [0, 3600] },
      shutdownTimeLimit: { type: 'uint', default: '10', range: [0, 600] },
      rapidFailsPerMinute: { type: 'uint', default: '10', range: [0, 100] },
      requestTimeout: { type: 'timeSpan', default: '00:02:00' },
      stdoutLogEnabled: { type: 'bool', default: 'false' },
      stdoutLogFile: { type: 'string', default: '.\\aspnetcore-stdout' },
      processesPerApplication: { type: 'uint', default: '1', range: [1, 100] },
      forwardWindowsAuthToken: { type: 'bool', default: 'true' },
      disableStartUpErrorPage: { type: 'bool', default: 'false' },
      hostingModel: { type: 'hostingModel' },
    };
    for (const attribute of ASPNETCORE_ATTRIBUTES) {
      const want = expected[attribute.name];
      assert.ok(want, attribute.name);
      assert.equal(attribute.valueType, want.type, `${attribute.name}: valueType`);
      assert.equal(attribute.defaultValue, want.default, `${attribute.name}: defaultValue`);
      if (want.range) {
        assert.deepEqual(attribute.range, { min: want.range[0], max: want.range[1] }, `${attribute.name}: range`);
      } else {
        assert.equal(attribute.range, undefined, `${attribute.name}: unexpected range`);
      }
    }
  });

  it('gives requestTimeout the V2 timeSpanRange 0..1296000 s with 1 s granularity, and nothing else a timeSpanRange', () => {
    for (const attribute of ASPNETCORE_ATTRIBUTES) {
      if (attribute.name === 'requestTimeout') {
        assert.deepEqual(attribute.timeSpanRange, { minSeconds: 0, maxSeconds: 1296000, granularitySeconds: 1 });
      } else {
        assert.equal(attribute.timeSpanRange, undefined, attribute.name);
      }
    }
  });

  it('keeps every uint default inside its range and gives every uint a range', () => {
    for (const attribute of ASPNETCORE_ATTRIBUTES.filter((a) => a.valueType === 'uint')) {
      assert.ok(attribute.range, `${attribute.name}: uint without range`);
      assert.ok(attribute.range.min <= attribute.range.max, `${attribute.name}: inverted range`);
      assert.ok(attribute.defaultValue !== undefined, `${attribute.name}: uint without default`);
      assert.match(attribute.defaultValue, /^\d+$/, `${attribute.name}: non-numeric default`);
      const value = Number(attribute.defaultValue);
      assert.ok(value >= attribute.range.min && value <= attribute.range.max, `${attribute.name}: default out of range`);
    }
  });

  it('keeps the requestTimeout default inside its timeSpanRange', () => {
    const timeout = byName(ASPNETCORE_ATTRIBUTES, 'requestTimeout');
    assert.ok(timeout.defaultValue && timeout.timeSpanRange);
    const [hours, minutes, seconds] = timeout.defaultValue.split(':').map(Number);
    const total = hours * 3600 + minutes * 60 + seconds;
    assert.ok(total >= timeout.timeSpanRange.minSeconds && total <= timeout.timeSpanRange.maxSeconds);
    assert.equal(total % timeout.timeSpanRange.granularitySeconds, 0);
  });

  it('offers exactly true/false for bools and the two hosting models for hostingModel', () => {
    for (const attribute of ASPNETCORE_ATTRIBUTES) {
      if (attribute.valueType === 'bool') {
        assert.deepEqual(attribute.values, ['true', 'false'], attribute.name);
        assert.ok(attribute.defaultValue === 'true' || attribute.defaultValue === 'false', `${attribute.name}: default`);
      } else if (attribute.valueType === 'hostingModel') {
        assert.deepEqual(attribute.values, ['inprocess', 'outofprocess'], attribute.name);
      } else {
        assert.equal(attribute.values, undefined, `${attribute.name}: values on a free-form attribute`);
      }
    }
  });

  it('requires only processPath and marks exactly the schema\'s expanded attributes', () => {
    assert.deepEqual(ASPNETCORE_ATTRIBUTES.filter((a) => a.required).map((a) => a.name), ['processPath']);
    assert.deepEqual(
      ASPNETCORE_ATTRIBUTES.filter((a) => a.expanded).map((a) => a.name).sort(),
      ['arguments', 'processPath', 'stdoutLogFile'],
    );
  });

  it('scopes the out-of-process-only attributes', () => {
    const outOfProcess = ASPNETCORE_ATTRIBUTES.filter((a) => a.appliesTo === 'outofprocess').map((a) => a.name).sort();
    assert.deepEqual(outOfProcess, ['forwardWindowsAuthToken', 'processesPerApplication', 'rapidFailsPerMinute', 'requestTimeout']);
    assert.equal(ASPNETCORE_ATTRIBUTES.filter((a) => a.appliesTo === 'inprocess').length, 0);
  });

  it('ranks the most used attributes first', () => {
    const order = [...ASPNETCORE_ATTRIBUTES].sort((a, b) => a.rank - b.rank).map((a) => a.name);
    assert.deepEqual(order.slice(0, 5), ['processPath', 'arguments', 'hostingModel', 'stdoutLogEnabled', 'stdoutLogFile']);
  });

  it('uses placeholders that the attribute itself would accept', () => {
    for (const attribute of ASPNETCORE_ATTRIBUTES) {
      const placeholder = attribute.placeholder;
      if (placeholder === undefined) continue;
      if (attribute.values) {
        assert.ok(attribute.values.includes(placeholder), `${attribute.name}: placeholder ${placeholder}`);
      }
      if (attribute.range) {
        const value = Number(placeholder);
        assert.ok(value >= attribute.range.min && value <= attribute.range.max, `${attribute.name}: placeholder out of range`);
      }
    }
    assert.equal(byName(ASPNETCORE_ATTRIBUTES, 'processPath').placeholder, 'dotnet');
    assert.equal(byName(ASPNETCORE_ATTRIBUTES, 'arguments').placeholder, '.\\MyApp.dll');
    assert.equal(byName(ASPNETCORE_ATTRIBUTES, 'stdoutLogFile').placeholder, '.\\logs\\stdout');
  });

  it('documents the hostingModel behaviour ANCM actually has', () => {
    const text = JSON.stringify(byName(ASPNETCORE_ATTRIBUTES, 'hostingModel'));
    for (const fact of ['case-insensitively', 'out-of-process', '500.0', 'Unknown hosting model', 'V1', 'recycles']) {
      assert.ok(text.includes(fact), `hostingModel docs should mention: ${fact}`);
    }
  });

  it('says which ANCM answers a configuration load failure with 500.0 and which with 500.30', () => {
    const text = ASPNETCORE_ELEMENT_DOCS.description;
    assert.match(text, /Released ANCM V2 versions .* HTTP 500\.0/);
    assert.match(text, /unreleased change .* 500\.30/);
  });
});

describe('ASPNETCORE_COLLECTIONS', () => {
  it('holds the three schema collections with their entry elements', () => {
    const shape = ASPNETCORE_COLLECTIONS.map((c) => [c.name, c.addElement, c.clearElement]);
    assert.deepEqual(
      shape.sort(),
      [
        ['environmentVariables', 'environmentVariable', 'clear'],
        ['handlerSettings', 'handlerSetting', 'clear'],
        ['recycleOnFileChange', 'file', 'clear'],
      ],
    );
  });

  it('records how ANCM resolves duplicate names', () => {
    assert.equal(byName(ASPNETCORE_COLLECTIONS, 'environmentVariables').duplicatePolicy, 'lastWins');
    assert.equal(byName(ASPNETCORE_COLLECTIONS, 'handlerSettings').duplicatePolicy, 'firstWins');
    const recycle = byName(ASPNETCORE_COLLECTIONS, 'recycleOnFileChange');
    assert.equal(recycle.duplicatePolicy, 'notRead');
    assert.equal(recycle.readByAncm, false);
    for (const collection of ASPNETCORE_COLLECTIONS) {
      assert.equal(collection.readByAncm, collection.duplicatePolicy !== 'notRead', collection.name);
    }
  });

  it('matches the schema\'s entry attributes', () => {
    for (const name of ['environmentVariables', 'handlerSettings']) {
      const attributes = byName(ASPNETCORE_COLLECTIONS, name).attributes;
      assert.deepEqual(
        attributes.map((a) => [a.name, a.required, a.nonEmpty]),
        [
          ['name', true, true],
          ['value', true, false],
        ],
        name,
      );
    }
    const file = byName(ASPNETCORE_COLLECTIONS, 'recycleOnFileChange').attributes;
    assert.deepEqual(file.map((a) => [a.name, a.required, a.nonEmpty]), [['path', true, true]]);
  });

  it('documents <clear> and says <remove> is not allowed', () => {
    assert.equal(CLEAR_ELEMENT_DOCS.name, 'clear');
    assert.ok(JSON.stringify(CLEAR_ELEMENT_DOCS).includes('500.19'));
    for (const name of ['environmentVariables', 'handlerSettings']) {
      const notes = byName(ASPNETCORE_COLLECTIONS, name).notes ?? [];
      assert.ok(notes.some((note) => note.includes('<remove>') && note.includes('500.19')), name);
    }
  });
});

describe('HANDLER_SETTINGS', () => {
  it('covers every handler setting ANCM reads', () => {
    const known = [
      'debugFile',
      'debugLevel',
      'handlerVersion',
      'enableShadowCopy',
      'experimentalEnableShadowCopy',
      'shadowCopyDirectory',
      'cleanShadowCopyDirectory',
      'disallowRotationOnConfigChange',
      'shutdownDelay',
      'setCurrentDirectory',
      'callStartupHook',
      'stackSize',
      'suppressRecycleOnStartupTimeout',
      'enableOutOfProcessConsoleRedirection',
      'forwardResponseConnectionHeader',
    ];
    assert.deepEqual(HANDLER_SETTINGS.map((s) => s.name).sort(), [...known].sort());
  });

  it('scopes each setting to the hosting model that reads it', () => {
    const scopes: Record<string, string> = {
      handlerVersion: 'outofprocess',
      setCurrentDirectory: 'inprocess',
      callStartupHook: 'inprocess',
      stackSize: 'inprocess',
      suppressRecycleOnStartupTimeout: 'inprocess',
      enableOutOfProcessConsoleRedirection: 'outofprocess',
      forwardResponseConnectionHeader: 'outofprocess',
    };
    for (const setting of HANDLER_SETTINGS) {
      assert.equal(setting.appliesTo, scopes[setting.name] ?? 'both', setting.name);
    }
  });

  it('gives boolean-like settings a true/false default and true/false completions', () => {
    for (const setting of HANDLER_SETTINGS) {
      if (setting.valueSyntax !== 'trueOnly' && setting.valueSyntax !== 'notFalse') continue;
      assert.deepEqual(setting.values, ['true', 'false'], setting.name);
      assert.ok(setting.defaultValue === 'true' || setting.defaultValue === 'false', `${setting.name}: default`);
    }
  });

  it('uses the parsing ANCM applies', () => {
    const syntax = Object.fromEntries(HANDLER_SETTINGS.map((s) => [s.name, s.valueSyntax]));
    assert.equal(syntax.debugLevel, 'debugLevel');
    assert.equal(syntax.debugFile, 'path');
    assert.equal(syntax.shadowCopyDirectory, 'path');
    assert.equal(syntax.handlerVersion, 'folderName');
    assert.equal(syntax.shutdownDelay, 'milliseconds');
    assert.equal(syntax.stackSize, 'hexStackSize');
    assert.equal(syntax.enableOutOfProcessConsoleRedirection, 'notFalse');
    assert.equal(syntax.enableShadowCopy, 'trueOnly');
  });

  it('offers debugLevel values without spaces, each with a known level or sink', () => {
    const debugLevel = byName(HANDLER_SETTINGS, 'debugLevel');
    assert.ok(debugLevel.values && debugLevel.values.length > 0);
    const keywords = ['ERROR', 'WARNING', 'INFO', 'TRACE', 'CONSOLE', 'FILE', 'EVENTLOG'];
    for (const value of debugLevel.values) {
      assert.doesNotMatch(value, /\s/, value);
      for (const token of value.split(',')) {
        assert.ok(keywords.includes(token.toUpperCase()), `${value}: unknown token ${token}`);
      }
    }
    assert.ok(debugLevel.values.includes('FILE,TRACE'));
  });

  it('offers hexadecimal stackSize values and a hexadecimal default', () => {
    const stackSize = byName(HANDLER_SETTINGS, 'stackSize');
    assert.equal(stackSize.defaultValue, '0x100000');
    for (const value of [stackSize.defaultValue, ...(stackSize.values ?? [])]) {
      assert.match(value ?? '', /^0x[0-9a-f]+$/i);
    }
    assert.ok(JSON.stringify(stackSize).includes('2097152'), 'stackSize docs should warn about the decimal-looking 2097152');
  });

  it('offers a numeric shutdownDelay default and values', () => {
    const shutdownDelay = byName(HANDLER_SETTINGS, 'shutdownDelay');
    for (const value of [shutdownDelay.defaultValue, ...(shutdownDelay.values ?? [])]) {
      assert.match(value ?? '', /^\d+$/);
    }
  });

  it('names an existing, current replacement for every retired setting', () => {
    const retired = HANDLER_SETTINGS.filter((s) => s.retiredIn !== undefined);
    assert.ok(retired.length > 0);
    for (const setting of retired) {
      assert.ok(setting.replacedBy, `${setting.name}: retired without replacement`);
      const replacement = byName(HANDLER_SETTINGS, setting.replacedBy);
      assert.equal(replacement.retiredIn, undefined, `${setting.name}: replacement is retired too`);
      assert.ok(replacement.rank < setting.rank, `${setting.name}: retired setting should rank after its replacement`);
    }
    for (const setting of HANDLER_SETTINGS.filter((s) => s.replacedBy !== undefined)) {
      assert.ok(setting.retiredIn, `${setting.name}: replacedBy without retiredIn`);
    }
    const experimental = byName(HANDLER_SETTINGS, 'experimentalEnableShadowCopy');
    assert.deepEqual([experimental.since, experimental.retiredIn, experimental.replacedBy], ['.NET 6', '.NET 7', 'enableShadowCopy']);
  });

  it('ranks debugLevel first and debugFile second', () => {
    const order = [...HANDLER_SETTINGS].sort((a, b) => a.rank - b.rank).map((s) => s.name);
    assert.deepEqual(order.slice(0, 2), ['debugLevel', 'debugFile']);
  });
});

describe('ENVIRONMENT_VARIABLES', () => {
  it('ranks ASPNETCORE_ENVIRONMENT first and offers the standard environments', () => {
    const first = [...ENVIRONMENT_VARIABLES].sort((a, b) => a.rank - b.rank)[0];
    assert.equal(first?.name, 'ASPNETCORE_ENVIRONMENT');
    assert.deepEqual(first.values, ['Development', 'Staging', 'Production']);
  });

  it('uses the names exactly as the runtime spells them', () => {
    for (const variable of ENVIRONMENT_VARIABLES) {
      assert.match(variable.name, /^[A-Za-z_][A-Za-z0-9_]*$/, variable.name);
    }
    assert.equal(byName(ENVIRONMENT_VARIABLES, 'ANCM_shutdownDelay').name, 'ANCM_shutdownDelay');
  });

  it('gives ASPNETCORE_PORT the range ANCM enforces', () => {
    assert.deepEqual(byName(ENVIRONMENT_VARIABLES, 'ASPNETCORE_PORT').range, { min: 1025, max: 48000 });
    for (const variable of ENVIRONMENT_VARIABLES) {
      if (variable.range) assert.ok(variable.range.min <= variable.range.max, variable.name);
    }
  });

  it('offers the values ANCM accepts for ASPNETCORE_DETAILEDERRORS', () => {
    assert.deepEqual(byName(ENVIRONMENT_VARIABLES, 'ASPNETCORE_DETAILEDERRORS').values, ['true', '1']);
  });

  it('warns that the worker-process-only variables do nothing in web.config', () => {
    for (const name of ['ASPNETCORE_MODULE_DEBUG', 'ASPNETCORE_MODULE_DEBUG_FILE', 'ANCM_PREFER_ENVIRONMENT_VARIABLES']) {
      const variable = byName(ENVIRONMENT_VARIABLES, name);
      assert.match(variable.summary, /no effect/i, name);
    }
    assert.match(byName(ENVIRONMENT_VARIABLES, 'ASPNETCORE_MODULE_DEBUG').description, /debugLevel/);
    assert.match(byName(ENVIRONMENT_VARIABLES, 'ASPNETCORE_MODULE_DEBUG_FILE').description, /debugFile/);
  });
});

describe('ANCM_MODULES and the handler entry', () => {
  it('describes V2 and V1 with their dlls and in-process support', () => {
    assert.deepEqual(
      ANCM_MODULES.map((m) => [m.name, m.majorVersion, m.dll, m.supportsInProcess]),
      [
        ['AspNetCoreModuleV2', 2, 'aspnetcorev2.dll', true],
        ['AspNetCoreModule', 1, 'aspnetcore.dll', false],
      ],
    );
  });

  it('documents the five attributes of the SDK handler line', () => {
    assert.deepEqual(HANDLER_ENTRY_ATTRIBUTES.map((a) => a.name), ['name', 'path', 'verb', 'modules', 'resourceType']);
    const text = JSON.stringify(HANDLER_ENTRY_DOCS);
    for (const fact of ['AspNetCoreModuleV2', 'inheritInChildApplications', '500.19']) {
      assert.ok(text.includes(fact), `handler entry docs should mention: ${fact}`);
    }
  });

  it('mentions every known module name in the modules attribute docs', () => {
    const modules = JSON.stringify(byName(HANDLER_ENTRY_ATTRIBUTES, 'modules'));
    for (const module of ANCM_MODULES) {
      assert.ok(modules.includes(module.name), module.name);
    }
  });
});
