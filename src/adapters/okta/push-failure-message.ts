// The most specific text of a push-failure System Log event. Where Okta puts the Microsoft error text is
// UNCONFIRMED (reference/okta.md §4), so it is looked for in outcome.reason, then the debug data, then the
// display message.
import type { OktaPushFailure } from '../../core/model/okta.ts';
import type { LogEventJson } from './schemas.ts';

const DEBUG_KEYS = ['errorMessage', 'errorSummary', 'errorCause', 'error', 'message', 'reason', 'details'];

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The message of a push failure: the longest text among outcome.reason and the debug data (outcome.reason is capped
 * at 255 characters, so the full Microsoft text may only be in the debug data), else the display message.
 */
export function pushFailureMessage(event: LogEventJson): string {
  const debug = event.debugContext?.debugData ?? {};
  const candidates = [nonEmpty(event.outcome?.reason), ...DEBUG_KEYS.map((key) => nonEmpty(debug[key]))].filter((v): v is string => v !== null);
  const longest = candidates.reduce<string | null>((best, v) => (best === null || v.length > best.length ? v : best), null);
  return longest ?? nonEmpty(event.displayMessage) ?? event.eventType;
}

/** A System Log event as a push failure. */
export function toPushFailure(event: LogEventJson): OktaPushFailure {
  return { uuid: event.uuid, published: event.published, eventType: event.eventType, message: pushFailureMessage(event) };
}
