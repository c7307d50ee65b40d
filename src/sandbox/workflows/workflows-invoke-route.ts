// Okta Workflows API endpoint flows (`POST /api/flo/{alias}/invoke`), served by the sandbox Okta server for
// KB path 3. As Workflows does, the client token comes in the `x-api-client-token` header or the
// `clientToken` query parameter, not both. Each invocation is recorded in the tenant.
import { randomUUID } from 'node:crypto';
import type { Router, SandboxRequest, SandboxResponse } from '../http.ts';
import type { SandboxTenant } from '../tenant.ts';

const fail = (status: number, message: string): SandboxResponse => ({ status, body: { error: message } });

function invoke(req: SandboxRequest, tenant: SandboxTenant): SandboxResponse {
  const flow = tenant.state.okta.workflows.find((f) => f.alias === req.params.alias);
  if (!flow) return fail(404, `No API endpoint flow with alias ${req.params.alias ?? ''}.`);
  const header = req.headers['x-api-client-token'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const fromQuery = req.url.searchParams.get('clientToken');
  if (fromHeader !== undefined && fromQuery !== null) return fail(400, 'Send the client token in the x-api-client-token header or the clientToken parameter, not both.');
  const token = fromHeader ?? fromQuery;
  if (token !== flow.clientToken) return fail(401, 'Unauthorized: missing or invalid client token.');
  let body: unknown = null;
  if (req.body !== '') {
    try {
      body = JSON.parse(req.body) as unknown;
    } catch {
      return fail(400, 'The request body is not JSON.');
    }
  }
  const at = tenant.now().toISOString();
  flow.invocations.push({ at, body });
  tenant.save();
  return { status: 200, body: { result: 'pushed', flow: flow.alias, executionId: randomUUID(), receivedAt: at, input: body } };
}

/** Registers the Workflows invoke route. */
export function registerWorkflowsRoutes(router: Router, tenant: SandboxTenant): void {
  router.on('POST', '/api/flo/:alias/invoke', (req) => invoke(req, tenant));
}
