// How the engine reads `xdt:Transform="Name(arguments)"` and `xdt:Locator="Name(arguments)"`.

import { XdtFailure, xdtMessages } from './xdtMessages';

// dotnet/xdt src/Microsoft.Web.XmlTransform/XmlElementContext.cs (NameAndArgumentsRegex):
// \A\s*(?<name>\w+)(\s*\((?<arguments>.*)\))?\s*\Z with Singleline; .NET's \w is letters, marks, digits and
// connector punctuation. The arguments run from the first `(` to the last `)`.
const NAME_AND_ARGUMENTS = /^\s*([\p{L}\p{M}\p{Nd}\p{Pc}]+)(\s*\((.*)\))?\s*$/su;

/** The type name and the argument string (undefined when there is none or it is empty). Throws XdtFailure. */
export function parseNameAndArguments(value: string): { name: string; argumentString: string | undefined } {
  const match = NAME_AND_ARGUMENTS.exec(value);
  if (!match) throw new XdtFailure(xdtMessages.badAttributeValue());
  const argumentString = match[3];
  return { name: match[1], argumentString: argumentString === undefined || argumentString === '' ? undefined : argumentString };
}

/**
 * dotnet/xdt src/Microsoft.Web.XmlTransform/XmlArgumentUtility.cs SplitArguments: split on commas, glue back
 * pieces whose parentheses do not balance, then trim each piece. With no comma at all the string is returned
 * whole and untrimmed, as the engine does (so `Match( name )` looks for an attribute named ' name ').
 */
export function splitArguments(argumentString: string): string[] {
  if (!argumentString.includes(',')) return [argumentString];
  const combined: string[] = [];
  let pending: string | undefined;
  let depth = 0;
  for (const piece of argumentString.split(',')) {
    pending = pending === undefined ? piece : `${pending},${piece}`;
    for (const ch of piece) {
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
    }
    if (depth === 0) {
      combined.push(pending);
      pending = undefined;
    }
  }
  if (pending !== undefined) combined.push(pending);
  return combined.map((argument) => argument.trim());
}
