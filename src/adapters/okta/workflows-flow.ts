// The Okta Workflows API-endpoint flow of KB path 3, invoked over HTTP with its client token in the
// `x-api-client-token` header (never in the URL, where proxies and logs would keep it).
import { LicenseDoctorError } from '../../core/errors.ts';
import type { WorkflowsFlow } from '../../core/ports/workflows-flow.ts';

/** Where the flow is and its client token. */
export interface WorkflowsFlowOptions {
  /** `https://{org}.workflows.okta.com/api/flo/{alias}/invoke` as the flow's API endpoint settings show it. */
  readonly invokeUrl: string;
  readonly clientToken: string;
  /** Milliseconds before giving up (default 30 s: a flow may call other services before it answers). */
  readonly timeoutMs?: number;
}

/** The invoke URL without query or fragment, safe to show. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

/** A WorkflowsFlow that POSTs the input as JSON and returns the flow's answer. */
export function createWorkflowsFlow(options: WorkflowsFlowOptions): WorkflowsFlow {
  const where = shown(options.invokeUrl);
  return {
    async invoke(input) {
      let res: Response;
      try {
        res = await fetch(options.invokeUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'x-api-client-token': options.clientToken },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
      } catch (err) {
        throw new LicenseDoctorError('okta-request-failed', `Could not reach the Okta Workflows flow at ${where}: check its invoke URL and the network`, {
          vendor: 'workflows', operation: 'invoke the Workflows flow', vendorMessage: (err as Error).message.replace(options.clientToken, '***'),
        }, { cause: err });
      }
      const text = await res.text();
      let body: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          body = text;
        }
      }
      if (!res.ok) {
        const hint = res.status === 401 || res.status === 403 ? 'check the flow\'s client token' : res.status === 404 ? 'check the flow alias in the invoke URL and that the flow is on' : 'see the flow\'s execution history in Okta Workflows';
        throw new LicenseDoctorError('okta-request-failed', `The Okta Workflows flow at ${where} answered ${res.status}: ${hint}`, {
          vendor: 'workflows', operation: 'invoke the Workflows flow', status: res.status, vendorMessage: text.slice(0, 300),
        });
      }
      return { status: res.status, body };
    },
  };
}
