// No entity expansion: a "billion laughs" DOCTYPE (ten entities, each ten of the one before) would expand a few
// hundred bytes into gigabytes. Nothing here may expand them: the file is checked quickly, in little memory, with
// the references reported and left as written.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../server/src/service/languageService';
import { isWellFormedXml } from '../../server/src/service/parse/strictXml';

const LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE configuration [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, index) => `  <!ENTITY lol${index + 1} "${`&lol${index === 0 ? '' : index};`.repeat(10)}">`),
  ']>',
  '<configuration>',
  '  <system.webServer>',
  '    <handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers>',
  '    <aspNetCore processPath="&lol9;" arguments="&lol9;&lol9;" hostingModel="&lol9;">',
  '      <environmentVariables><environmentVariable name="&lol9;" value="&lol9;" /></environmentVariables>',
  '      <handlerSettings><handlerSetting name="debugLevel" value="&lol9;" /></handlerSettings>',
  '    </aspNetCore>',
  '  </system.webServer>',
  '</configuration>',
  '',
].join('\n');

describe('entity expansion', () => {
  it('a billion-laughs DOCTYPE is checked in milliseconds and megabytes, its references left as written', () => {
    const service = getLanguageService();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const document = service.parseWebConfig(LAUGHS);
    const { issues, failures } = service.doValidation(document);
    const completions = service.doComplete(document, LAUGHS.indexOf('&lol9;'));
    service.doHover(document, LAUGHS.indexOf('processPath'));
    const symbols = service.findDocumentSymbols(document);
    const wellFormed = isWellFormedXml(LAUGHS);
    const elapsed = performance.now() - started;
    const grewMb = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);

    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
    assert.ok(grewMb < 50, `the heap grew ${grewMb.toFixed(0)} MB`);
    assert.deepEqual(failures, []);
    // The model keeps the reference as written: `&lol9;` is never replaced by its 10^9 "lol"s.
    const section = document.sections[0];
    assert.ok(section, 'the <aspNetCore> section is found despite the DOCTYPE');
    assert.equal(section.attributes.find((attribute) => attribute.name === 'processPath')?.value, '&lol9;');
    for (const issue of issues) assert.ok(issue.message.length < 2000, `${issue.rule}: a message of ${issue.message.length} characters`);
    // The strict check reads no DTD, so the references are entities it does not know: reported, not expanded.
    assert.equal(wellFormed, false);
    assert.ok(issues.some((issue) => issue.rule === 'xml-not-well-formed'), 'the DOCTYPE entities are reported');
    assert.ok(Array.isArray(completions) && symbols.length > 0);
  });
});
