// Builds the Graph adapter: @microsoft/microsoft-graph-client 3 with License Doctor's own middleware chain
// (bearer token for any base URL -> RetryHandler with a bounded budget -> transport guard -> HTTPMessageHandler),
// because the default chain sends tokens only to https Graph hosts (reference/graph.md §4.4).
import type { TokenCredential } from '@azure/identity';
import { Client, HTTPMessageHandler, RetryHandler } from '@microsoft/microsoft-graph-client';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { EntraDirectory } from '../../core/ports/entra-directory.ts';
import { BearerTokenMiddleware } from './bearer-token-middleware.ts';
import { GraphDirectory } from './graph-directory.ts';
import { GraphTransport } from './graph-transport.ts';
import { RetryAfterGate } from './retry-after-gate.ts';
import { budgetedRetryOptions } from './retry-budget.ts';
import { SkuCache } from './sku-cache.ts';
import { TransportGuardMiddleware, type RequestObserver } from './transport-guard-middleware.ts';

/** Default deadline of one Graph call. */
const DEFAULT_GRAPH_TIMEOUT_MS = 15_000;

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type GraphCredentialOption =
  | { readonly kind: 'static'; readonly token: string }
  | { readonly kind: 'token-credential'; readonly credential: TokenCredential };

export interface GraphDirectoryOptions {
  /** e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:40123/v1.0 (the last path segment is the version). */
  readonly baseUrl: string;
  readonly credential: GraphCredentialOption;
  /** Longest total wait for throttling/outages per call before giving up (default 10 s). */
  readonly retryBudgetMs?: number;
  /** How long subscribed SKUs are cached (default 5 minutes). */
  readonly skuCacheTtlMs?: number;
  /** Clock for the SKU cache (default Date.now). */
  readonly now?: () => number;
  /** What Graph's Retry-After said, shared with other directories of the same tenant. */
  readonly retryAfterGate?: RetryAfterGate;
  /** Deadline of one call, retries included (default 15 s: well under the 60 s execution lease). */
  readonly timeoutMs?: number;
  /** Sees every HTTP attempt (method and URL; never headers). */
  readonly onRequest?: RequestObserver;
}

/** Splits `https://host/prefix/v1.0` into the client's base URL (`https://host/prefix/`) and version (`v1.0`). */
export function splitGraphBaseUrl(baseUrl: string): { baseUrl: string; version: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LicenseDoctorError('configuration', `GRAPH_BASE_URL ${JSON.stringify(baseUrl)} is not a URL: use e.g. https://graph.microsoft.com/v1.0.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LicenseDoctorError('configuration', `GRAPH_BASE_URL must be an http(s) URL, e.g. https://graph.microsoft.com/v1.0.`);
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const version = segments.pop() ?? 'v1.0';
  const prefix = segments.length > 0 ? `/${segments.join('/')}/` : '/';
  return { baseUrl: `${url.origin}${prefix}`, version };
}

/** A function that gives a current Graph access token for these credentials. */
export function tokenSource(credential: GraphCredentialOption): () => Promise<string> {
  if (credential.kind === 'static') return () => Promise.resolve(credential.token);
  // @azure/identity credentials cache tokens and refresh them before they expire.
  return async () => {
    const token = await credential.credential.getToken(GRAPH_SCOPE);
    if (!token) throw new Error('the credential returned no token');
    return token.token;
  };
}

/** The Graph-backed EntraDirectory. */
export function createGraphDirectory(options: GraphDirectoryOptions): EntraDirectory {
  const retryBudgetMs = options.retryBudgetMs ?? 10_000;
  const transport = createGraphTransport(options);
  const skus = new SkuCache(options.skuCacheTtlMs ?? 5 * 60_000, options.now ?? (() => Date.now()));
  return new GraphDirectory(transport, skus, retryBudgetMs);
}

/** The Graph client with License Doctor's middleware chain, as a transport (other Graph adapters share it). */
export function createGraphTransport(options: GraphDirectoryOptions): GraphTransport {
  const { baseUrl, version } = splitGraphBaseUrl(options.baseUrl);
  const retryBudgetMs = options.retryBudgetMs ?? 10_000;
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: version,
    middleware: [
      new BearerTokenMiddleware(tokenSource(options.credential)),
      new RetryHandler(budgetedRetryOptions(retryBudgetMs)),
      new TransportGuardMiddleware(options.onRequest, { gate: options.retryAfterGate ?? new RetryAfterGate(), budgetMs: retryBudgetMs }),
      new HTTPMessageHandler(),
    ],
  });
  return new GraphTransport(client, `${baseUrl}${version}`, options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS);
}
