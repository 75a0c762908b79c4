// The benchmark inputs, generated in code so that every run measures the same bytes: the web.config
// `dotnet publish` writes (about 40 lines once a few sections are added by hand) and a ~1 MB one that
// adds thousands of URL Rewrite rules, the usual reason a real web.config grows large.

import { publishedConfig } from '../test/unit/cursor';

export interface Fixture {
  readonly name: string;
  readonly text: string;
}

/** The `<aspNetCore>` section as it looks after a developer turned on logging and debugging. */
const ASPNETCORE_SECTION = [
  '      <aspNetCore processPath="dotnet"',
  '                  arguments=".\\Contoso.Web.dll"',
  '                  stdoutLogEnabled="false"',
  '                  stdoutLogFile=".\\logs\\stdout"',
  '                  hostingModel="inprocess">',
  '        <environmentVariables>',
  '          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
  '          <environmentVariable name="ASPNETCORE_HTTPS_PORT" value="443" />',
  '          <environmentVariable name="DOTNET_gcServer" value="1" />',
  '        </environmentVariables>',
  '        <handlerSettings>',
  '          <handlerSetting name="debugFile" value=".\\logs\\aspnetcore-debug.log" />',
  '          <handlerSetting name="debugLevel" value="FILE,TRACE" />',
  '        </handlerSettings>',
  '      </aspNetCore>',
];

const OTHER_SECTIONS = [
  '      <security>',
  '        <requestFiltering removeServerHeader="true">',
  '          <requestLimits maxAllowedContentLength="52428800" />',
  '        </requestFiltering>',
  '      </security>',
  '      <httpProtocol>',
  '        <customHeaders>',
  '          <remove name="X-Powered-By" />',
  '          <add name="X-Content-Type-Options" value="nosniff" />',
  '          <add name="X-Frame-Options" value="DENY" />',
  '          <add name="Referrer-Policy" value="strict-origin-when-cross-origin" />',
  '          <add name="Strict-Transport-Security" value="max-age=31536000" />',
  '        </customHeaders>',
  '      </httpProtocol>',
];

function webConfig(extraSections: readonly string[]): string {
  const sections = [...extraSections, ...ASPNETCORE_SECTION, ...OTHER_SECTIONS].join('\n').trimStart();
  return `${publishedConfig(sections)}<!--ProjectGuid: 6C5A1F0E-3B7D-4E2A-9F51-8D0C2B4E7A13-->\n`;
}

export function typicalWebConfig(): Fixture {
  return { name: '40-line', text: webConfig([]) };
}

/**
 * The same file with enough redirect rules to reach `targetBytes`. The rules come before `<aspNetCore>`,
 * so anything that scans the text from its start reaches the section last.
 */
export function largeWebConfig(targetBytes: number): Fixture {
  const bytesPerRule = rewriteRule(0).join('\n').length + 1;
  const ruleCount = Math.ceil((targetBytes - webConfig([]).length) / bytesPerRule);
  const rules: string[] = [];
  for (let index = 0; index < ruleCount; index++) rules.push(...rewriteRule(index));
  const rewrite = ['      <rewrite>', '        <rules>', ...rules, '        </rules>', '      </rewrite>'];
  return { name: '1 MB', text: webConfig(rewrite) };
}

/** One realistic host redirect; the index makes every rule's name, host and path distinct. */
function rewriteRule(index: number): string[] {
  const id = String(index).padStart(5, '0');
  return [
    `          <rule name="Redirect legacy host ${id}" stopProcessing="true">`,
    `            <match url="^legacy/section-${id}/(.*)$" />`,
    '            <conditions logicalGrouping="MatchAll">',
    `              <add input="{HTTP_HOST}" pattern="^old-${id}\\.contoso\\.com$" />`,
    '            </conditions>',
    '            <action type="Redirect" url="https://{HTTP_HOST}/{R:1}" redirectType="Permanent" />',
    '          </rule>',
  ];
}

/** Where a benchmark edit goes: one hex digit of the ProjectGuid comment, so no other offset moves. */
export function editOffset(text: string): number {
  const at = text.lastIndexOf('ProjectGuid: ');
  if (at < 0) throw new Error('fixture has no ProjectGuid comment');
  return at + 'ProjectGuid: '.length;
}
