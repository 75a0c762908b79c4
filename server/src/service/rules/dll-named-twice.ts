// arguments naming the app's dll twice (`.\App.dll exec .\App.dll`). With dotnet, CommonLib/HostFxrResolver.cpp
// (HostFxrResolver::AppendArguments) passes every argument on, so the first dll is the app and the rest (`exec`,
// the dll again) reach the app as its own command-line arguments; out-of-process, OutOfProcessRequestHandler/serverprocess.cpp
// (SERVER_PROCESS::SetupCommandLine) does the same on the command line. The app starts, not as written.

import { findAttribute } from '../../ancm/lookup';
import { argumentTokens, processStarts } from './processStart';
import { valueFix } from './fixes';
import { valuePartSpan } from '../xmlEdit/spans';
import type { Finding, Rule } from './types';

export const dllNamedTwiceRule: Rule = {
  id: 'dll-named-twice',
  description: 'arguments naming the app\'s dll twice: the second one and what precedes it reach the app as its arguments.',
  defaultSeverity: 'warning',
  requiresCompleteFile: false,
  docsUrl: findAttribute('arguments')!.docsUrl,
  check(document) {
    const findings: Finding[] = [];
    for (const start of processStarts(document)) {
      const attribute = start.argumentsAttribute;
      const args = start.arguments;
      if (!attribute || !args) continue;
      const seen = new Map<string, { text: string; start: number }>();
      for (const token of argumentTokens(args)) {
        const dll = dllKey(token.text);
        if (!dll) continue;
        const first = seen.get(dll);
        if (!first) {
          seen.set(dll, token);
          continue;
        }
        const tokenEnd = token.start + token.text.length;
        const kept = args.slice(0, first.start + first.text.length) + args.slice(tokenEnd);
        findings.push({
          message: `arguments names ${first.text} twice: dotnet runs the first, and '${args.slice(first.start + first.text.length, tokenEnd).trim()}' reaches the app as its own arguments. Name the dll once.`,
          ...valuePartSpan(attribute, token.start, tokenEnd),
          fixes: [valueFix(`Keep arguments="${kept}"`, attribute, kept, false)],
        });
        break;
      }
    }
    return findings;
  },
};

/** The dll a token names, without quotes and a leading `.\` and in lower case; undefined when it is not a dll. */
function dllKey(token: string): string | undefined {
  const unquoted = token.replace(/^"/, '').replace(/"$/, '').toLowerCase();
  if (!unquoted.endsWith('.dll')) return undefined;
  return unquoted.startsWith('.\\') || unquoted.startsWith('./') ? unquoted.slice(2) : unquoted;
}
