// The Okta SDK's HTTP behaviour with only the SDK parts it needs: its request executor (retries on 429), its error
// classes (OktaApiError for a JSON error body, HttpError otherwise), and, for an OAuth service app only, its OAuth and
// DPoP code, loaded on the first token request. The package index builds every typed API with ~1,850 model classes
// (1.9 s and ~90 MB that License Doctor never used: it reads plain JSON), and the SDK's Http class loads node-jose,
// lodash and the JWT libraries even with an API token; neither is loaded here. Mirrors the SDK's src/http.js.
import OktaApiError from '@okta/okta-sdk-nodejs/src/api-error.js';
import HttpError from '@okta/okta-sdk-nodejs/src/http-error.js';
import type { BudgetRequestExecutor } from './budget-request-executor.ts';

/** What a response offers (node-fetch's Response, as the SDK's executor returns it). */
interface OktaResponse {
  readonly status: number;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A request as the SDK's executor takes it. */
interface OktaRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The settings the SDK's OAuth and DPoP code read from its client. */
export interface OktaOAuthSettings {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly scopes: string[];
  readonly privateKey: string;
  readonly keyId: string;
  readonly requestExecutor: BudgetRequestExecutor;
}

interface TokenSession {
  getAccessToken(): Promise<{ access_token: string }>;
  clearCachedAccessToken(): void;
  isDPoP?: boolean;
}

/** Requests with the org's credentials; non-2xx answers throw the SDK's error classes. */
export class OktaHttp {
  readonly defaultHeaders: Record<string, string> = {};
  readonly #executor: BudgetRequestExecutor;
  readonly #oauth: OktaOAuthSettings | null;
  #session: Promise<TokenSession> | undefined;

  constructor(executor: BudgetRequestExecutor, oauth: OktaOAuthSettings | null) {
    this.#executor = executor;
    this.#oauth = oauth;
  }

  /** Sends `request` to `url`; on 401 with OAuth, fetches a new token and tries once more (as the SDK does). */
  async http(url: string, request: OktaRequest = {}): Promise<OktaResponse> {
    for (let retriedOnAuthError = false; ; retriedOnAuthError = true) {
      const sent = { ...request, url, method: request.method ?? 'get', headers: { ...this.defaultHeaders, ...request.headers } };
      await this.#authorize(sent);
      const res = (await this.#executor.fetch(sent)) as unknown as OktaResponse;
      if (res.status >= 200 && res.status < 300) return res;
      const body = await res.text();
      if (this.#oauth && res.status === 401 && !retriedOnAuthError) {
        (await this.#tokens()).clearCachedAccessToken();
        continue;
      }
      throw errorFor(res, body);
    }
  }

  #tokens(): Promise<TokenSession> {
    const settings = this.#oauth;
    if (!settings) throw new Error('no OAuth settings');
    return (this.#session ??= import('@okta/okta-sdk-nodejs/src/oauth.js').then((m) => new m.OAuth(settings as never) as unknown as TokenSession));
  }

  async #authorize(request: { url: string; method: string; headers: Record<string, string> }): Promise<void> {
    if (!this.#oauth) return;
    const session = await this.#tokens();
    const token = await session.getAccessToken();
    if (session.isDPoP) {
      const { generateDpopJwt } = await import('@okta/okta-sdk-nodejs/src/dpop.js');
      request.headers['Authorization'] = `DPoP ${token.access_token}`;
      request.headers['DPoP'] = await generateDpopJwt(request, this.#oauth, token.access_token);
    } else {
      request.headers['Authorization'] = `Bearer ${token.access_token}`;
    }
  }
}

function errorFor(res: OktaResponse, body: string): Error {
  const headers = res.headers as ConstructorParameters<typeof OktaApiError>[3];
  try {
    return new OktaApiError(res.url, res.status, JSON.parse(body) as Record<string, unknown>, headers);
  } catch {
    return new HttpError(res.url, res.status, body, headers);
  }
}
