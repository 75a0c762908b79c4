// What an entry of a given level or worse must contain somewhere in its text, so that a level filter over a whole log
// can look for these words in the raw bytes and parse only the lines around them, as a text filter does
// (historySearch.ts), instead of parsing hundreds of megabytes.
//
// An entry is ERROR (or WARNING) only through one of: its logger's level token (`fail:`/`crit:`, `ERR]`/`FTL]`,
// `|ERROR|`, `"LogLevel":"Error"`, `<3>`, `Level: Error`, `<Level>2</Level>`, a wrapper's `[Error]`), the ANCM catalog
// level of its message, ANCM's and the host's failure messages, or the words of textLevel.ts. Each of those is covered
// below; failure messages and catalog messages whose text holds none of the words are added as phrases (a catalog
// message by its longest literal piece). A test checks
// that every entry of the project's fixtures and of the real-world corpus at the level holds a candidate.
// Not covered: the rest of an entry cut for its size (4 MB or 10,000 lines) keeps its start's level without its words.

import { DEBUG_LOG_MESSAGES } from '../ancm/debugLogCatalog';
import { FAILURE_PHRASES, escapeRegExp, literalPieces, sampleOfFormat } from '../ancm/failureMessages';
import { levelShows } from '../protocol/entryFilter';
import type { AncmLevel } from '../protocol/levels';

// Words found ignoring case. V8 runs an expression of alternatives that start with a letter or digit far faster than one
// that also holds `<...>` alternatives or long phrases, so those are looked for apart: markup levels at each `<` byte
// (rare outside Event Log XML), phrases in a few small passes.
// The second line covers ANCM's and the host's failure messages that hold none of the first (`It was not possible...`,
// `... exited prematurely`, `... bitness mismatch ...`): a few short words are far cheaper than a pass over their phrases.
const ERROR_WORDS = ['exception', 'error', 'fail', 'fatal', 'unable to', 'cannot', 'crit', 'ftl\\]', 'status(?: code)?:? 5\\d\\d', '0x8',
  'not ', 'exit', 'mismatch', 'initialize', 'only one', 'manifest'];
const WARNING_WORDS = ['warn', 'wrn\\]', 'could not', 'timed? ?out'];
// After `<`: systemd's syslog priority and Event XML's level.
const ERROR_TAGS = ['[0-3]>', 'level>[12]<'];
const WARNING_TAGS = ['4>', 'level>3<'];
/** Phrases are matched as written (the catalog and the failure table match them so), a few to an expression. */
const PHRASES_PER_PATTERN = 6;

/** A format's longest literal piece, trimmed: what a catalog message always holds. */
function longestLiteral(format: string): string {
  return literalPieces(format).reduce((longest, piece) => (piece.trim().length > longest.length ? piece.trim() : longest), '');
}

export interface LevelCandidates {
  /** Global expressions run over the bytes seen as Latin-1; each match is a candidate. */
  readonly patterns: readonly RegExp[];
  /** Global, case-insensitive: a level written as markup, starting with `<`; checked where the bytes hold a `<`. */
  readonly tag: RegExp;
  /** The longest a tag match can be. */
  readonly tagLength: number;
}

function build(threshold: AncmLevel): LevelCandidates {
  const words = threshold === 'ERROR' ? ERROR_WORDS : [...ERROR_WORDS, ...WARNING_WORDS];
  const tags = threshold === 'ERROR' ? ERROR_TAGS : [...ERROR_TAGS, ...WARNING_TAGS];
  const covered = new RegExp(words.join('|'), 'i');
  const phrases: string[] = [];
  for (const phrase of FAILURE_PHRASES) {
    const source = typeof phrase.text === 'string' ? escapeRegExp(phrase.text) : phrase.text.source;
    if (!covered.test(typeof phrase.text === 'string' ? phrase.text : source)) phrases.push(source);
  }
  for (const message of DEBUG_LOG_MESSAGES) {
    if (levelShows(threshold, message.level) && !covered.test(sampleOfFormat(message.format, 'x'))) phrases.push(escapeRegExp(longestLiteral(message.format)));
  }
  const patterns = [new RegExp(words.join('|'), 'gi')];
  for (let start = 0; start < phrases.length; start += PHRASES_PER_PATTERN) patterns.push(new RegExp(phrases.slice(start, start + PHRASES_PER_PATTERN).join('|'), 'g'));
  return { patterns, tag: new RegExp(`<(?:${tags.join('|')})`, 'gi'), tagLength: '<level>1<'.length };
}

const built = new Map<AncmLevel, LevelCandidates>();

/** What finds the candidates for entries at `threshold` or worse, or undefined when every entry is one (INFO and TRACE: most entries are INFO). */
export function levelCandidates(threshold: AncmLevel): LevelCandidates | undefined {
  if (threshold !== 'ERROR' && threshold !== 'WARNING') return undefined;
  let found = built.get(threshold);
  if (!found) built.set(threshold, (found = build(threshold)));
  return found;
}
