// What an entry of a given level or worse must contain somewhere in its text, so that a level filter over a whole log
// can look for these words in the raw bytes and parse only the lines around them, as a text filter does
// (historySearch.ts), instead of parsing hundreds of megabytes.
//
// An entry is ERROR (or WARNING) only through one of: its logger's level token (`fail:`/`crit:`, `ERR]`/`FTL]`,
// `|ERROR|`, `"LogLevel":"Error"`, `<3>`, `Level: Error`, `<Level>2</Level>`, a wrapper's `[Error]`), the ANCM catalog
// level of its message, ANCM's and the host's failure messages, or the words of textLevel.ts. Each of those is covered
// below; catalog messages whose text holds none of the words are added by their longest literal piece. A test checks
// that every entry of the project's fixtures and of the real-world corpus at the level holds a candidate.
// Not covered: the rest of an entry cut for its size (4 MB or 10,000 lines) keeps its start's level without its words.

import { DEBUG_LOG_MESSAGES } from '../ancm/debugLogCatalog';
import { FAILURE_PHRASES } from '../ancm/failureMessages';
import { levelShows } from './entryFilter';
import type { AncmLevel } from './types';

const ERROR_TRIGGERS = [
  'exception',
  'error',
  'fail',
  'fatal',
  'unable to',
  'cannot',
  '0x8',
  'crit',
  'ftl\\]',
  '<[0-3]>',
  '<level>[12]<',
  'status(?: code)?:? 5\\d\\d',
];
const WARNING_TRIGGERS = ['warn', 'wrn\\]', 'could not', 'timed? ?out', '<4>', '<level>3<'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A sample of a printf format as a log would hold it. */
function sampleOf(format: string): string {
  return format.replace(/%[-+ #0]*\d*(?:\.\d+)?(?:l|h|ll)?[sSdiuxXc]/g, 'x');
}

function longestLiteral(format: string): string {
  return format.split(/%[-+ #0]*\d*(?:\.\d+)?(?:l|h|ll)?[sSdiuxXc]|\r?\n/).reduce((longest, piece) => (piece.trim().length > longest.length ? piece.trim() : longest), '');
}

function buildPattern(threshold: AncmLevel): RegExp {
  const words = threshold === 'ERROR' ? ERROR_TRIGGERS : [...ERROR_TRIGGERS, ...WARNING_TRIGGERS];
  const base = new RegExp(words.join('|'), 'i');
  const alternatives = [...words];
  for (const phrase of FAILURE_PHRASES) {
    const source = typeof phrase.text === 'string' ? escapeRegExp(phrase.text) : phrase.text.source;
    if (!base.test(typeof phrase.text === 'string' ? phrase.text : source)) alternatives.push(source);
  }
  for (const message of DEBUG_LOG_MESSAGES) {
    if (levelShows(threshold, message.level) && !base.test(sampleOf(message.format))) alternatives.push(escapeRegExp(longestLiteral(message.format)));
  }
  return new RegExp(alternatives.join('|'), 'gi');
}

const patterns = new Map<AncmLevel, RegExp>();

/**
 * A global, case-insensitive expression that finds the candidates for entries at `threshold` or worse, or undefined
 * when every entry is one (INFO and TRACE: most entries are INFO).
 */
export function levelCandidatePattern(threshold: AncmLevel): RegExp | undefined {
  if (threshold !== 'ERROR' && threshold !== 'WARNING') return undefined;
  let pattern = patterns.get(threshold);
  if (!pattern) patterns.set(threshold, (pattern = buildPattern(threshold)));
  return pattern;
}
