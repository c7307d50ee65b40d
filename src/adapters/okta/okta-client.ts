// Builds the Okta SDK client with everything passed explicitly. The SDK's config loader also reads
// ~/.okta/okta.yaml, ./okta.yaml and OKTA_CLIENT_* variables (reference/okta.md §1.2); every key it knows is
// given here (unused ones blank), so none of those can change which org, credentials or mode are used.
import { Client } from '@okta/okta-sdk-nodejs';
import { LicenseDoctorError } from '../../core/errors.ts';
import { BudgetRequestExecutor, type OktaRequestInfo } from './budget-request-executor.ts';
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

/** A configured SDK client (no response cache: a diagnosis must see live state) and its request executor. */
export function createOktaClient(options: OktaClientOptions): { client: Client; executor: BudgetRequestExecutor } {
  const { auth } = options;
  const requestExecutor = new BudgetRequestExecutor({
    maxRetries: options.maxRetries,
    requestTimeoutMs: options.requestTimeoutMs,
    ...(options.waitBudgetMs === undefined ? {} : { waitBudgetMs: options.waitBudgetMs }),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
  const config: NonNullable<ConstructorParameters<typeof Client>[0]> & { userAgent: string } = {
    orgUrl: normaliseOrgUrl(options.orgUrl),
    authorizationMode: auth.kind === 'ssws' ? 'SSWS' : 'PrivateKey',
    token: auth.kind === 'ssws' ? auth.token : '',
    clientId: auth.kind === 'private-key' ? auth.clientId : '',
    scopes: auth.kind === 'private-key' ? [...auth.scopes] : [],
    privateKey: auth.kind === 'private-key' ? auth.privateKey : '',
    keyId: auth.kind === 'private-key' ? (auth.keyId ?? '') : '',
    userAgent: USER_AGENT,
    requestExecutor,
    cacheMiddleware: null,
  };
  try {
    return { client: new Client(config), executor: requestExecutor };
  } catch (err) {
    // The SDK lists what is missing; its message never contains the token or key.
    throw new LicenseDoctorError('configuration', `The Okta client could not be created: ${(err as Error).message.split('\nSee ')[0] ?? ''}`, { vendor: 'okta' }, { cause: err });
  }
}
