// The app_offline.htm that Take App Offline writes beside web.config. While the file exists ANCM stops the
// app and answers every request with the file's content (HTTP 503). A marker in the page tells our own
// file from one the user wrote, so Bring App Online never deletes a hand-made page without asking.
// Only these commands write or read the page, so it lives with them: it is no edit of web.config the server computes.

const GENERATOR_MARKER = '<meta name="generator" content="ANCM Tools">';

export function appOfflinePage(): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    `  ${GENERATOR_MARKER}`,
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    '  <title>Down for maintenance</title>',
    '  <style>body { font-family: system-ui, sans-serif; margin: 15vh auto; max-width: 32rem; padding: 0 1rem; color: #333; }</style>',
    '</head>',
    '<body>',
    '  <h1>Down for maintenance</h1>',
    '  <p>We are updating this site and will be back shortly. Please try again in a few minutes.</p>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Whether the page is the one `appOfflinePage` writes (possibly re-saved with other line breaks). */
export function isGeneratedAppOfflinePage(text: string): boolean {
  return text.includes(GENERATOR_MARKER);
}
