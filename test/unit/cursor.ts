// Cursor-marker helper: `<aspNetCore hosting|` gives the text without the marker and the offset where it stood.

export const CURSOR = '|';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Wraps a fragment in the layout dotnet publish writes. */
export function publishedConfig(sectionBody: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <location path="." inheritInChildApplications="false">',
    '    <system.webServer>',
    '      <handlers>',
    '        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
    '      </handlers>',
    `      ${sectionBody}`,
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
    '',
  ].join('\n');
}
