// Builds the Okta client (okta-rest-client.ts over the SDK's HTTP behaviour) with everything passed explicitly. The SDK's
// Client would also read ~/.okta/okta.yaml, ./okta.yaml and OKTA_CLIENT_* variables (reference/okta.md §1.2); this
// one reads nothing but its options, so none of those can change which org, credentials or mode are used.
import { LicenseDoctorError } from '../../core/errors.ts';
import { BudgetRequestExecutor, type OktaRequestInfo } from './budget-request-executor.ts';
import { oktaRestClient, type OktaRestClient } from './okta-rest-client.ts';
import type { OktaRateLimits } from './okta-rate-limits.ts';

/** How License Doctor authenticates to Okta: an SSWS API token or an OAuth service app (private_key_jwt). */
export type OktaAuth =
  | { readonly kind: 'ssws'; readonly token: string }
  | {
      readonly kind: 'private-key';
      readonly clientId: string;
      /** PEM, or a JWK as JSON text. */
      readonly privateKey: string;
      readonly keyId?: string;
      readonly scopes: readonly string[];
    };

/** Options of `createOktaClient`. */
export interface OktaClientOptions {
  readonly orgUrl: string;
  readonly auth: OktaAuth;
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  /** Longest wait of one call for pacing and 429s (default `requestTimeoutMs`). */
  readonly waitBudgetMs?: number;
  /** What Okta's rate-limit headers said, shared by every client of the same org and token. */
  readonly rateLimits?: OktaRateLimits;
  readonly onRequest?: (info: OktaRequestInfo) => void;
}

const USER_AGENT = 'license-doctor/0.1';

/** The org URL without trailing slashes: the SDK would otherwise call `//api/v1/...`. */
export function normaliseOrgUrl(orgUrl: string): string {
  return orgUrl.trim().replace(/\/+$/, '');
}

/** A configured client (no response cache: a diagnosis must see live state) and its request executor. */
export function createOktaClient(options: OktaClientOptions): { client: OktaRestClient; executor: BudgetRequestExecutor } {
  const { auth } = options;
  const missing = auth.kind === 'ssws'
    ? (auth.token.trim() === '' ? ['Okta API token not provided'] : [])
    : [...(auth.clientId.trim() === '' ? ['Okta Client ID not provided'] : []), ...(auth.privateKey.trim() === '' ? ['Private Key not provided'] : [])];
  const orgUrl = normaliseOrgUrl(options.orgUrl);
  if (orgUrl === '') missing.unshift('Okta Org URL not provided');
  if (missing.length > 0) throw new LicenseDoctorError('configuration', `The Okta client could not be created: ${missing.join('; ')}`, { vendor: 'okta' });
  const requestExecutor = new BudgetRequestExecutor({
    maxRetries: options.maxRetries,
    requestTimeoutMs: options.requestTimeoutMs,
    ...(options.waitBudgetMs === undefined ? {} : { waitBudgetMs: options.waitBudgetMs }),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const client = oktaRestClient({
    orgUrl,
    userAgent: `${USER_AGENT} node/${process.versions.node}`,
    requestExecutor,
    sswsToken: auth.kind === 'ssws' ? auth.token : null,
    oauth: auth.kind === 'private-key'
      ? { baseUrl: orgUrl, clientId: auth.clientId, scopes: [...auth.scopes], privateKey: auth.privateKey, keyId: auth.keyId ?? '', requestExecutor }
      : null,
  });
  return { client, executor: requestExecutor };
}
