// Errors are often pasted from log files or quoted in chat: each line then starts with "> ", a timestamp,
// a level or a [thread] tag. Those prefixes would otherwise end up in the middle of a field when a wrapped
// line is joined back together. A line without a recognisable prefix is left exactly as it is.

const QUOTE_MARKERS = /^[ \t]{0,40}(?:>[ \t]?){1,8}/;
const TIMESTAMP =
  '(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?' +
  '|\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?' +
  '|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d{2}:\\d{2}:\\d{2})';
const LEVEL = '(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)';
const BRACKET = '\\[[^\\[\\]\\n]{1,80}\\]';
const LOG_PREFIX = new RegExp(`^[ \\t]{0,40}(?:(?:${TIMESTAMP}|${BRACKET}|${LEVEL}:?|\\|)[ \\t]+){1,6}`);

/** Removes chat quote markers and log-line prefixes (timestamp, level, [thread]) from the start of each line. */
export function stripLogPrefixes(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(QUOTE_MARKERS, '').replace(LOG_PREFIX, ''))
    .join('\n');
}
