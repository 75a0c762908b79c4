// The three child collections of `<aspNetCore>` and the `<clear>` element they share.
// Facts: the schema AspNetCore/aspnetcore_schema_v2.xml; ANCM source CommonLib/ConfigurationSection.cpp (GetMap,
// GetKeyValuePairs: duplicate handling), CommonLib/config_utility.h and RequestHandlerLib/environmentvariablehelpers.h
// (how ANCM applies environment variables).

import type { CollectionSpec, ElementDocs } from './types';

const WEB_CONFIG_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config';
const ANCM_DOCS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module';

export const ASPNETCORE_COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'environmentVariables',
    addElement: 'environmentVariable',
    clearElement: 'clear',
    attributes: [
      { name: 'name', required: true, nonEmpty: true, summary: 'The variable name (ANCM matches names case-insensitively).' },
      { name: 'value', required: true, nonEmpty: false, summary: 'The value; may be empty. ANCM expands `%VARIABLE%` references in it.' },
    ],
    duplicatePolicy: 'lastWins',
    readByAncm: true,
    rank: 0,
    summary: 'Environment variables ANCM sets for the app.',
    description:
      'Out-of-process, ANCM adds these to the environment of the backend process it starts; in-process, it sets them ' +
      'in the IIS worker process before the .NET runtime starts. Either way they take precedence over variables of ' +
      'the same name inherited from the app pool or the machine.\n\n' +
      'Names are compared case-insensitively and the **last** entry for a name wins, counting entries inherited ' +
      'from parent configuration levels before the local ones. IIS has no unique key on this collection, so it ' +
      'accepts duplicates silently.',
    notes: [
      'ANCM, not IIS, expands `%VARIABLE%` references in `value`, using the worker process environment.',
      'Some names are owned by ANCM out-of-process: `ASPNETCORE_APPL_PATH` is always replaced, `ASPNETCORE_PORT` ' +
        'must be 1025-48000, and the IIS integration variables are set by ANCM.',
      'When the worker process itself has `ANCM_PREFER_ENVIRONMENT_VARIABLES` set to `true` or `1`, a variable that ' +
        'already exists in the worker process environment keeps that value instead of the one written here.',
      'Only `<environmentVariable>` and `<clear>` are allowed inside; `<remove>` is not part of the schema and gives HTTP 500.19.',
    ],
    docsUrl: WEB_CONFIG_DOCS,
    addElementDocs: {
      summary: 'One environment variable for the app: `name` and `value` are both required.',
      description:
        'Sets one variable in the app\'s environment. `value` may be empty but must be present. If the same name ' +
        'appears more than once (in any casing, here or in a parent config), the last one wins.',
      notes: ['`%VARIABLE%` references in `value` are expanded by ANCM when the app starts.'],
      docsUrl: WEB_CONFIG_DOCS,
    },
  },
  {
    name: 'handlerSettings',
    addElement: 'handlerSetting',
    clearElement: 'clear',
    attributes: [
      { name: 'name', required: true, nonEmpty: true, summary: 'The setting name (ANCM matches names case-insensitively).' },
      { name: 'value', required: true, nonEmpty: false, summary: 'The setting value; how it is parsed depends on the setting.' },
    ],
    duplicatePolicy: 'firstWins',
    readByAncm: true,
    rank: 1,
    summary: 'Extra ANCM settings that have no attribute of their own (debug log, shadow copy, stack size, ...).',
    description:
      'Each `<handlerSetting>` is a name/value pair read by ANCM: the debug log (`debugLevel`, `debugFile`), ' +
      'shadow copying (`enableShadowCopy`, `shadowCopyDirectory`), `stackSize`, `shutdownDelay` and others.\n\n' +
      'Names are compared case-insensitively and the **first** matching entry wins, counting entries inherited ' +
      'from parent configuration levels before the local ones. Unknown names are ignored without any warning, so ' +
      'a typo silently does nothing.',
    notes: [
      'IIS does not expand `%VARIABLE%` references in `value` (the schema does not mark it `expanded`).',
      'Leaving the collection out is fine; ANCM then uses each setting\'s default.',
      'Only `<handlerSetting>` and `<clear>` are allowed inside; `<remove>` is not part of the schema and gives HTTP 500.19.',
    ],
    docsUrl: ANCM_DOCS,
    addElementDocs: {
      summary: 'One ANCM handler setting: `name` and `value` are both required.',
      description:
        'Sets one handler setting. The name must match a setting ANCM knows (case-insensitively); unknown names ' +
        'are ignored. If a name appears more than once, the first entry wins.',
      docsUrl: ANCM_DOCS,
    },
  },
  {
    name: 'recycleOnFileChange',
    addElement: 'file',
    clearElement: 'clear',
    attributes: [
      { name: 'path', required: true, nonEmpty: true, summary: 'A file path (IIS expands `%VARIABLE%` references); ignored by ANCM.' },
    ],
    duplicatePolicy: 'notRead',
    readByAncm: false,
    rank: 2,
    summary: 'Has no effect: the schema keeps it for backward compatibility, but ANCM never reads it.',
    description:
      'This collection was meant to list files whose change would recycle the app. Neither ANCM V2 nor V1 ever ' +
      'implemented it; it survives in the schema only so old web.config files still validate.\n\n' +
      'ANCM already restarts the app when web.config changes or when `app_offline.htm` is added or removed. To ' +
      'restart after changing another file, touch web.config.',
    notes: ['Safe to delete from web.config.'],
    docsUrl: ANCM_DOCS,
    addElementDocs: {
      summary: 'A file to watch for changes; ignored by ANCM.',
      description: 'Valid in the schema (`path` is required and non-empty) but ANCM never reads it, so it changes nothing.',
      docsUrl: ANCM_DOCS,
    },
  },
];

/** The collections ANCM reads (environmentVariables, handlerSettings); the others are IIS's and ignored by ANCM. */
export const COLLECTIONS_ANCM_READS: readonly CollectionSpec[] = ASPNETCORE_COLLECTIONS.filter((collection) => collection.readByAncm);

export const CLEAR_ELEMENT_DOCS: ElementDocs = {
  name: 'clear',
  summary: 'Removes every entry defined before it in this collection, including inherited ones.',
  description:
    '`<clear />` discards the entries this collection received from parent configuration levels (for example ' +
    '`applicationHost.config` or a parent site\'s web.config) and any entries above it in the same file. Put it ' +
    'first, then list the entries you want.',
  notes: [
    'It is the only way to drop an inherited entry here: these collections have no `<remove>` element, and writing ' +
      'one makes IIS fail with HTTP 500.19.',
  ],
  docsUrl: WEB_CONFIG_DOCS,
};
