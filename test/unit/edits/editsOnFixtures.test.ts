// Every edit over every web.config fixture, with the cursor anywhere, and over every truncation of them
// (what a half-typed file looks like): a reason or edits, never a throw, and well-formed stays well-formed.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { disableDebugLog, enableDebugLog } from '../../../server/src/service/edits/debugLogEdit';
import type { EditResult } from '../../../server/src/service/types';
import { setHostingModel, toggleHostingModel } from '../../../server/src/service/edits/hostingModelEdit';
import { switchHandlersToV2 } from '../../../server/src/service/edits/moduleVersionEdit';
import { setStdoutLogging } from '../../../server/src/service/edits/stdoutLoggingEdit';
import { type WebConfigDocument, parseWebConfig } from '../../../server/src/service/webConfig';
import { applyResult } from './editKit';

const FIXTURES = 'test/fixtures/webconfig';

const EDITS: Record<string, (document: WebConfigDocument, cursorOffset: number | undefined) => EditResult> = {
  toggleHostingModel,
  setInProcess: (document, cursor) => setHostingModel(document, 'inprocess', cursor),
  setOutOfProcess: (document, cursor) => setHostingModel(document, 'outofprocess', cursor),
  enableStdout: (document, cursor) => setStdoutLogging(document, true, cursor),
  disableStdout: (document, cursor) => setStdoutLogging(document, false, cursor),
  enableDebugLog: (document, cursor) => enableDebugLog(document, 'WARNING', cursor),
  disableDebugLog,
  switchHandlersToV2: (document) => switchHandlersToV2(document),
};

function assertSound(text: string, cursorOffset: number | undefined): void {
  const document = parseWebConfig(text);
  for (const [name, edit] of Object.entries(EDITS)) {
    const result = edit(document, cursorOffset);
    if (!('cannot' in result)) assert.doesNotThrow(() => applyResult(text, result), `${name} at ${cursorOffset}`);
  }
}

describe('edits over the fixtures', () => {
  for (const file of readdirSync(FIXTURES)) {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    it(`${file}: well-formed results with the cursor anywhere`, () => {
      assert.equal(XMLValidator.validate(text), true);
      for (let offset = 0; offset <= text.length; offset += 7) assertSound(text, offset);
      assertSound(text, undefined);
    });
    it(`${file}: never throws on a truncated file`, () => {
      for (let end = 0; end <= text.length; end += 3) {
        const truncated = text.slice(0, end);
        const document = parseWebConfig(truncated);
        for (const edit of Object.values(EDITS)) assert.doesNotThrow(() => edit(document, end));
      }
    });
  }
});
