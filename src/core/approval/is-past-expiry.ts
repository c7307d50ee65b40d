// When a pending request's time has run out.
import type { LicenseRequest } from '../model/request.ts';

/** True when `now` is at or after the request's expiresAt (an unreadable time never expires anything by itself). */
export function isPastExpiry(request: LicenseRequest, now: string): boolean {
  const end = Date.parse(request.expiresAt);
  const at = Date.parse(now);
  return !Number.isNaN(end) && !Number.isNaN(at) && at >= end;
}
