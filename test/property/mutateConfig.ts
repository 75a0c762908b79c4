// Seeded mutations of real configs: the edits a person makes while typing (half-typed tags, deleted
// quotes, pasted fragments) and the mistakes the rules look for.

const FRAGMENTS = [
  '<', '>', '/>', '"', "'", '=', ' ', '\n', '</aspNetCore>', '<aspNetCore ', '<!-- ', ' -->', '&amp;', '&',
  ' hostingModel="InProc"', ' hostingModel="OUTOFPROCESS"', ' processPath=""', ' stdoutLogFIle="x"', ' stdoutLogEnabled="yes"',
  ' requestTimeout="00:60:00"', ' startupTimeLimit="99999"', ' rapidFailsPerMinute="-1"', ' stdoutLogFile=".\\logs\\"',
  '<handlerSettings>', '</handlerSettings>', '<handlerSetting name="debugLevel" value="FILE, TRACE" />',
  '<handlerSetting name="stackSize" value="2097152" />', '<handlerSetting name="experimentalEnableShadowCopy" value="true" />',
  '<handlerSetting name="shutdownDelay" value="abc" />', '<handlerSetting name="debugFile" value="x.log" />',
  '<handlerSetting name="DEBUGLEVEL" value="4" />', '<handlerSetting name="mainAppPath" value="x" />',
  '<environmentVariables>', '</environmentVariables>', '<environmentVariable name="ASPNETCORE_PORT" value="80" />',
  '<environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Development" />', '<environmentVariable name="aspnetcore_environment" value="x" />',
  '<remove name="X" />', '<clear />', '<recycleOnFileChange><file path="a" /></recycleOnFileChange>',
  '<environmentVariable value="no-name" />', ' modules="AspNetCoreModule"', '<aspNetCore processPath="dotnet" />',
  '<handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" /></handlers>', '\uFEFF', '\r\n', '\t', 'é', '😀',
];

type Mutation = (text: string, random: () => number) => string;

function at(text: string, random: () => number): number {
  return Math.floor(random() * (text.length + 1));
}

const MUTATIONS: readonly Mutation[] = [
  // Delete a short range (a quote, a bracket, part of a name).
  (text, random) => {
    const start = at(text, random);
    return text.slice(0, start) + text.slice(start + 1 + Math.floor(random() * 12));
  },
  // Insert a fragment.
  (text, random) => {
    const start = at(text, random);
    return text.slice(0, start) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + text.slice(start);
  },
  // Insert a fragment right after a tag's name or just inside a start tag, where rules look.
  (text, random) => {
    const tags = [...text.matchAll(/<(aspNetCore|handlerSettings|environmentVariables|handlers)\b/g)];
    if (tags.length === 0) return text;
    const tag = tags[Math.floor(random() * tags.length)];
    const start = tag.index! + tag[0].length;
    return text.slice(0, start) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + text.slice(start);
  },
  // Cut the text short, as if typing had stopped there.
  (text, random) => text.slice(0, at(text, random)),
  // Duplicate a line.
  (text, random) => {
    const lines = text.split('\n');
    const index = Math.floor(random() * lines.length);
    lines.splice(index, 0, lines[index]);
    return lines.join('\n');
  },
  // Change the case of one character.
  (text, random) => {
    const index = Math.floor(random() * text.length);
    const char = text[index] ?? '';
    const swapped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
    return text.slice(0, index) + swapped + text.slice(index + 1);
  },
];

/** One to three random mutations of the text. */
export function mutate(text: string, random: () => number): string {
  let result = text;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) result = MUTATIONS[Math.floor(random() * MUTATIONS.length)](result, random);
  return result;
}
