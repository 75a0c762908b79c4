// The level of a text that names none (plain stdout lines, Event Log records without a level field, lines a test
// logger put into a debug log): the failure messages of ANCM and the .NET host first, then words.

import { isFailureMessage } from '../ancm/failureMessages';
import type { AncmLevel } from '../protocol/levels';

// Only this much of a text is read to guess its level.
const MAX_CLASSIFIED = 2048;

const ERROR_WORDS = /exception|\berror\b|\bfail(?:s|ed|ure)?\b|\bfatal\b|\bunable to\b|\bcannot\b|\b0x8[0-9a-f]{7}\b/i;
// An HTTP 5xx answer reported in a line (`Request ended ... with HTTP status 500.30`).
const SERVER_ERROR_STATUS = /\bstatus(?: code)?:? 5\d\d\b/i;
const WARNING_WORDS = /\bwarn(?:ing)?\b|\bcould not\b|\btimed? ?out\b/i;

export function levelFromText(text: string): AncmLevel {
  const head = text.length > MAX_CLASSIFIED ? text.slice(0, MAX_CLASSIFIED) : text;
  if (isFailureMessage(head) || ERROR_WORDS.test(head) || SERVER_ERROR_STATUS.test(head)) return 'ERROR';
  if (WARNING_WORDS.test(head)) return 'WARNING';
  return 'INFO';
}
