// ANCM's own level scale, the one language every side speaks: ANCM's debugLevel keywords, the levels the log
// engine gives entries, the panel's and the CLI's level filter. Least to most verbose; each level includes every
// level before it (CommonLib/debugutil.h: the level bits are cumulative).

export type AncmLevel = 'ERROR' | 'WARNING' | 'INFO' | 'TRACE';

export const ANCM_LEVELS: readonly AncmLevel[] = ['ERROR', 'WARNING', 'INFO', 'TRACE'];

/** Which kind of log a file is: an app's stdout/stderr capture, ANCM's debug log, or Windows Event Log text. */
export type LogSource = 'stdout' | 'debug' | 'events';
