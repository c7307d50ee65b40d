// Translates what the Okta SDK throws (OktaApiError, HttpError, node-fetch FetchError, malformed bodies,
// throttling past the time budget) into LicenseDoctorError, keeping Okta's code, text and request id in
// `details`. Messages say what to do; they never contain the API token or private key.
import { LicenseDoctorError, type ErrorDetails } from '../../core/errors.ts';
import { RetryBudgetExceededError } from './budget-request-executor.ts';

/** What `toOktaError` needs to know besides the error. */
export interface OktaErrorContext {
  /** The org URL, to name the host when Okta cannot be reached. */
  readonly orgUrl?: string;
  /** A write: a 404 is then a refused request, not a missing object. */
  readonly write?: boolean;
  /** The status with which the OAuth token endpoint last refused License Doctor, if it did. */
  readonly tokenRefusedStatus?: number | null;
  /** The deadline of one call, to say how long Okta was given. */
  readonly timeoutMs?: number;
}

interface HeadersLike {
  get(name: string): string | null;
}

interface VendorError {
  readonly name: string;
  readonly status: number;
  readonly url: string;
  readonly errorCode?: string;
  readonly errorSummary?: string;
  readonly errorCauses?: ReadonlyArray<{ readonly errorSummary?: string }>;
  readonly errorId?: string;
  readonly message: string;
  readonly headers?: HeadersLike;
}

function asVendorError(err: unknown): VendorError | null {
  if (!(err instanceof Error) || (err.name !== 'OktaApiError' && err.name !== 'HttpError')) return null;
  const e = err as Error & Partial<VendorError>;
  const status = Number(e.status);
  return Number.isFinite(status) ? { ...e, name: err.name, message: err.message, status, url: String(e.url ?? '') } : null;
}

const hostOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).host : 'the Okta org';
  } catch {
    return 'the Okta org';
  }
};

/** Seconds until X-Rate-Limit-Reset, measured from the answer's Date header (as the SDK does). */
function retryAfterSeconds(headers: HeadersLike | undefined): number | null {
  const reset = Number(headers?.get('x-rate-limit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return null;
  const date = Date.parse(headers?.get('date') ?? '');
  const now = Number.isNaN(date) ? Date.now() : date;
  return Math.max(1, Math.ceil(reset - now / 1000));
}

function vendorDetails(e: VendorError, operation: string): ErrorDetails {
  const causes = (e.errorCauses ?? []).map((c) => c.errorSummary).filter((s): s is string => typeof s === 'string');
  const requestId = e.headers?.get('x-okta-request-id');
  return {
    vendor: 'okta',
    operation,
    status: e.status,
    ...(e.errorCode ? { vendorCode: e.errorCode } : {}),
    vendorMessage: e.name === 'OktaApiError' ? (e.errorSummary ?? '') : e.message.slice(0, 300),
    ...(causes.length > 0 ? { causes } : {}),
    ...(e.errorId ? { errorId: e.errorId } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

function fromVendor(e: VendorError, operation: string, context: OktaErrorContext): LicenseDoctorError {
  const details = vendorDetails(e, operation);
  const what = [e.status, e.errorCode, e.errorSummary].filter((x) => x !== undefined && x !== '').join(' ');
  if (e.status === 401 || e.status === 403) {
    const tokenStatus = e.url.endsWith('/oauth2/v1/token') ? e.status : context.tokenRefusedStatus;
    if (tokenStatus) {
      return new LicenseDoctorError('okta-unavailable', `Okta refused License Doctor's client credentials (${tokenStatus} from /oauth2/v1/token): check OKTA_CLIENT_ID, OKTA_PRIVATE_KEY and OKTA_KEY_ID against the service app's public key, and the scopes granted to it`, details, { cause: e });
    }
    return new LicenseDoctorError('okta-unavailable', `Okta refused License Doctor's API token (${what}): check OKTA_API_TOKEN, or OKTA_CLIENT_ID/OKTA_PRIVATE_KEY and the service app's scopes and admin role`, details, { cause: e });
  }
  if (e.status === 429) {
    const after = retryAfterSeconds(e.headers);
    return new LicenseDoctorError('throttled', `Okta is rate-limiting License Doctor (${what}): try again${after === null ? ' shortly' : ` in ${after} s`}`, { ...details, ...(after === null ? {} : { retryAfterSeconds: after }) }, { cause: e });
  }
  if (e.status >= 500) {
    return new LicenseDoctorError('okta-unavailable', `Okta could not ${operation} (${what}): Okta is having trouble, try again in a few minutes`, details, { cause: e });
  }
  if (e.status === 404 && !context.write) {
    return new LicenseDoctorError('not-found', `Okta could not find what License Doctor asked for while trying to ${operation} (${what}): check the ids used (e.g. OKTA_O365_APP_ID)`, details, { cause: e });
  }
  const causes = Array.isArray(details.causes) ? `: ${(details.causes as string[]).join('; ')}` : '';
  return new LicenseDoctorError('okta-request-failed', `Okta refused to ${operation} (${what}${causes})`, details, { cause: e });
}

/** The LicenseDoctorError for anything the Okta SDK or a response check threw during `operation`. */
export function toOktaError(err: unknown, operation: string, context: OktaErrorContext = {}): LicenseDoctorError {
  if (err instanceof LicenseDoctorError) return err;
  const base = { vendor: 'okta' as const, operation };
  if (err instanceof RetryBudgetExceededError) {
    return new LicenseDoctorError('throttled', `Okta is rate-limiting License Doctor: try again in ${err.retryAfterSeconds} s`, {
      ...base, status: 429, retryAfterSeconds: err.retryAfterSeconds, ...(err.requestId ? { requestId: err.requestId } : {}),
    }, { cause: err });
  }
  const vendor = asVendorError(err);
  if (vendor) return fromVendor(vendor, operation, context);
  const e: Error & { code?: unknown; type?: unknown } = err instanceof Error ? err : new Error(String(err));
  if (e.name === 'SyntaxError' || e.name === 'ZodError') {
    return new LicenseDoctorError('okta-unavailable', `Okta answered "${operation}" with a response License Doctor cannot read: check that OKTA_ORG_URL points at an Okta org`, { ...base, vendorMessage: e.message.slice(0, 300) }, { cause: err });
  }
  const host = hostOf(context.orgUrl);
  const code = typeof e.code === 'string' ? e.code : typeof e.type === 'string' ? e.type : e.name;
  if (code === 'request-timeout' || code === 'body-timeout') {
    // node-fetch's deadline: the outcome is unknown (a write may have landed), as for any transport failure.
    const within = context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 1000)} s` : ' in time';
    return new LicenseDoctorError('okta-unavailable', `Okta at ${host} did not answer "${operation}"${within}: check OKTA_ORG_URL and the network, or raise VENDOR_TIMEOUT_SECONDS`, { ...base, timeout: true, vendorMessage: e.message.slice(0, 300) }, { cause: err });
  }
  return new LicenseDoctorError('okta-unavailable', `Could not reach Okta at ${host} (${code}): check OKTA_ORG_URL and the network`, { ...base, vendorMessage: e.message.slice(0, 300) }, { cause: err });
}
