// Publish folders mutated at random (a file deleted, a JSON file corrupted, a PE truncated or scribbled on, a file
// turned into a folder, a link out of the folder): reading and checking never throw, stay within a time bound, and
// every finding is one of the known checks with a short message. A failure prints its seed to replay it.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkPublishFolder, PUBLISH_CHECKS, type PublishCheckInput } from '../../server/src/publish/publishChecks';
import { readPublishFolder } from '../../server/src/publish/publishFolder';
import { randomSource } from '../seededRandom';
import { frameworkDependentApp, makeFolder, PE, selfContainedApp, writeFolder } from '../unit/publish/publishFixtures';

const ROUNDS = 60;
const TIME_BOUND_MS = 3000;
const KNOWN = new Set<string>(PUBLISH_CHECKS.map((check) => check.id));

const INPUTS: readonly PublishCheckInput[] = [
  { processPath: 'dotnet', arguments: '.\\App.dll', hostingModel: 'inprocess' },
  { processPath: '.\\App.exe', hostingModel: 'InProcess', appPool32Bit: true },
  { processPath: '.\\App.exe', hostingModel: 'outofprocess', appPool32Bit: false, handlerSettings: [{ name: 'enableShadowCopy', value: 'true' }] },
];

function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => !name.endsWith('/') && path.extname(name) !== '');
}

type Mutation = (site: string, random: () => number) => void;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];

const MUTATIONS: readonly Mutation[] = [
  function deleteFile(site, random) {
    const files = filesOf(site);
    if (files.length > 0) rmSync(path.join(site, pick(files, random)), { force: true, recursive: true });
  },
  function corruptJson(site, random) {
    const files = filesOf(site).filter((name) => name.endsWith('.json'));
    if (files.length === 0) return;
    const file = path.join(site, pick(files, random));
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const at = Math.floor(random() * text.length);
    const choices = [text.slice(0, at), text.slice(0, at) + '\u0000{[' + text.slice(at), text.replace(/"[^"]*"/, '42'), 'null', '[]', '{"runtimeOptions": {"frameworks": [null, 5, {"name": 7}]}}'];
    writeFileSync(file, pick(choices, random));
  },
  function truncatePe(site, random) {
    const files = filesOf(site).filter((name) => /\.(dll|exe)$/i.test(name));
    if (files.length === 0) return;
    const file = path.join(site, pick(files, random));
    try {
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(random() * bytes.length)));
    } catch {
      // a folder now
    }
  },
  function scribblePe(site, random) {
    const files = filesOf(site).filter((name) => /\.(dll|exe)$/i.test(name));
    if (files.length === 0) return;
    const file = path.join(site, pick(files, random));
    try {
      const bytes = readFileSync(file);
      for (let count = 0; count < 8 && bytes.length > 0; count++) bytes[Math.floor(random() * Math.min(bytes.length, 0x260))] = Math.floor(random() * 256);
      writeFileSync(file, bytes);
    } catch {
      // a folder now
    }
  },
  function fileToFolder(site, random) {
    const files = filesOf(site);
    if (files.length === 0) return;
    const file = path.join(site, pick(files, random));
    rmSync(file, { force: true, recursive: true });
    mkdirSync(file, { recursive: true });
  },
  function linkOut(site, random) {
    if (process.platform === 'win32') return;
    const name = pick(['App.runtimeconfig.json', 'App.dll', 'hostfxr.dll', 'App.deps.json', 'app_offline.htm'], random);
    rmSync(path.join(site, name), { force: true, recursive: true });
    writeFileSync(path.join(site, '..', 'outside.bin'), PE.x64Dll());
    symlinkSync(path.join(site, '..', 'outside.bin'), path.join(site, name));
  },
  function addNoise(site, random) {
    writeFolder(site, { [`wwwroot/${Math.floor(random() * 1000)}/a.js`]: 'x', 'App_Offline.htm': random() < 0.3 ? 'down' : null });
  },
];

describe('publish folders under mutation', () => {
  it(`never throw and stay bounded (${ROUNDS} seeded rounds)`, async () => {
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const random = randomSource(seed);
      const folder = makeFolder(random() < 0.5 ? frameworkDependentApp() : selfContainedApp());
      try {
        const steps = 1 + Math.floor(random() * 4);
        const applied: string[] = [];
        for (let step = 0; step < steps; step++) {
          const mutation = pick(MUTATIONS, random);
          applied.push(mutation.name);
          mutation(folder.site, random);
        }
        const started = Date.now();
        const facts = await readPublishFolder(folder.site, { expectedApps: ['App'] });
        const findings = facts ? INPUTS.flatMap((input) => checkPublishFolder(facts, input)) : [];
        const elapsed = Date.now() - started;
        const context = `seed ${seed} (${applied.join(', ')})`;
        assert.ok(elapsed < TIME_BOUND_MS, `${context}: ${elapsed} ms`);
        for (const finding of findings) {
          assert.ok(KNOWN.has(finding.id), `${context}: unknown id ${finding.id}`);
          assert.ok(finding.message.length > 0 && finding.message.length <= 200, `${context}: ${finding.message}`);
        }
        if (facts) assert.doesNotThrow(() => JSON.stringify(facts), context);
      } finally {
        folder.remove();
      }
    }
  });
});
