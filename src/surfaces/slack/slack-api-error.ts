// Slack Web API failures as License Doctor errors: the Slack error code (e.g. not_in_channel) is kept in `details`,
// never a token.
import { LicenseDoctorError } from '../../core/errors.ts';

/** Slack's `error` string of a platform error (ok: false), or null for any other failure. */
export function slackErrorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, data } = err as { code?: unknown; data?: unknown };
  if (code !== 'slack_webapi_platform_error' || typeof data !== 'object' || data === null) return null;
  const error = (data as { error?: unknown }).error;
  return typeof error === 'string' ? error : null;
}

/** Wraps a failed Web API call; `hint` says what to do. */
export function toSlackError(err: unknown, operation: string, hint: string): LicenseDoctorError {
  const vendorCode = slackErrorCode(err);
  const vendorMessage = err instanceof Error ? err.message : String(err);
  return new LicenseDoctorError('configuration', hint, { vendor: 'slack', operation, ...(vendorCode ? { vendorCode } : {}), vendorMessage }, { cause: err });
}
