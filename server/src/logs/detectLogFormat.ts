// Which kind of log a file holds, read from its first lines rather than its name: a file handed over directly
// (`ancm logs FILE`, `ancm.logs.extraFiles`) may be named anything, and users paste all three kinds into `.log` and `.txt`.
// - ANCM's debug log: lines that carry an ANCM dll label `[aspnetcorev2*.dll]` (possibly after a wrapper).
// - Windows Event Log records: event XML, Event Viewer's `Log Name:` / `Event ID:` fields, the short `Source:` + `EventId:`
//   form, or the EventLog logging provider's `Category:` + `EventId:` pair (eventLogParser.ts).
// - Anything else is an app's stdout.

import type { LogSource } from '../protocol/levels';

const SAMPLE_LINES = 200;

const ANCM_LABEL = /aspnetcore[\w-]{0,40}\.dll\] /i;
const EVENT_XML = /<Event[\s>]|^\s*<\/?EventData>|^\s*EventData>|<EventID\b/;
const EVENT_FIELD = /^(?:Log Name|Event ID|EventId|Event Details|Task Category):/;
const SOURCE_FIELD = /^(?:Source|Category):\s/;

export function detectLogFormat(sample: string): LogSource {
  let eventFields = 0;
  let sourceFields = 0;
  let lineCount = 0;
  for (const line of sample.split('\n', SAMPLE_LINES)) {
    lineCount++;
    if (ANCM_LABEL.test(line)) return 'debug';
    if (EVENT_XML.test(line)) return 'events';
    const trimmed = line.trim();
    if (EVENT_FIELD.test(trimmed)) eventFields++;
    else if (SOURCE_FIELD.test(trimmed)) sourceFields++;
  }
  // One field name could be a line of any log; an event id beside a source or a second event field is a record.
  return lineCount > 0 && (eventFields >= 2 || (eventFields >= 1 && sourceFields >= 1)) ? 'events' : 'stdout';
}
