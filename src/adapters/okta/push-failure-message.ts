// The most specific text of a push-failure System Log event. Where Okta puts the Microsoft error text is
// UNCONFIRMED (reference/okta.md §4): outcome.reason (capped at 255 characters), or any key of the debug data
// (`errorMessage`, `app_error_code`, `error_message`, `details`...), so every string there is considered.
import { isInheritedLicenseMessage } from '../../core/diagnosis/inherited-license-push-failure.ts';
import type { OktaPushFailure } from '../../core/model/okta.ts';
import type { LogEventJson } from './schemas.ts';

/** Debug data keys that name an error text (others, such as appname or userName, only when nothing else is there). */
const ERROR_KEY = /error|message|reason|detail|cause|summary/i;

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const longest = (texts: readonly string[]): string | null =>
  texts.reduce<string | null>((best, v) => (best === null || v.length > best.length ? v : best), null);

/**
 * The message of a push failure: Microsoft's inherited-license text wherever it is; else the longest error text among
 * outcome.reason and the debug data; else the display message.
 */
export function pushFailureMessage(event: LogEventJson): string {
  const debug = Object.entries(event.debugContext?.debugData ?? {}).flatMap(([key, v]) => {
    const text = nonEmpty(v);
    return text === null ? [] : [{ key, text }];
  });
  const reason = nonEmpty(event.outcome?.reason);
  const errorTexts = [...(reason === null ? [] : [reason]), ...debug.filter((d) => ERROR_KEY.test(d.key)).map((d) => d.text)];
  const all = [...errorTexts, ...debug.map((d) => d.text)];
  return longest(all.filter(isInheritedLicenseMessage)) ?? longest(errorTexts) ?? nonEmpty(event.displayMessage) ?? event.eventType;
}

/** A System Log event as a push failure. */
export function toPushFailure(event: LogEventJson): OktaPushFailure {
  return { uuid: event.uuid, published: event.published, eventType: event.eventType, message: pushFailureMessage(event) };
}

/** True when one of the event's targets is the user: by Okta id, or by login or Office 365 user name. */
export function targetsUser(event: LogEventJson, keys: readonly string[]): boolean {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  return (event.target ?? []).some((t) => wanted.has(t.id.toLowerCase()) || (t.alternateId !== null && wanted.has(t.alternateId.toLowerCase())));
}
