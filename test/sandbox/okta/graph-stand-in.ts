// A throw-away stand-in for the sandbox Graph server, for the Okta push engine's tests: the two calls Okta
// makes (read a user's licenses, assignLicense), over real HTTP, with Graph's refusal to remove a license a
// group grants. The real sandbox Graph server replaces it once it exists.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxTenant } from '../../../src/sandbox/tenant.ts';

export interface GraphStandIn {
  /** `http://127.0.0.1:port/v1.0` */
  readonly baseUrl: string;
  readonly calls: Array<{ method: string; path: string; body: unknown }>;
  close(): Promise<void>;
}

const INHERITED = 'User license is inherited from a group membership and it cannot be removed directly from the user.';

function answer(res: ServerResponse, req: IncomingMessage, status: number, body: unknown): void {
  const requestId = `req-${Math.random().toString(16).slice(2)}`;
  const clientRequestId = String(req.headers['client-request-id'] ?? '');
  const payload = status >= 400
    ? { error: { ...(body as object), innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': clientRequestId } } }
    : body;
  res.writeHead(status, { 'Content-Type': 'application/json', 'request-id': requestId, 'client-request-id': clientRequestId });
  res.end(JSON.stringify(payload));
}

/** Starts the stand-in on loopback; it reads and changes `tenant.state.graph`. */
export async function startGraphStandIn(tenant: SandboxTenant, token: string): Promise<GraphStandIn> {
  const calls: GraphStandIn['calls'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = raw === '' ? null : (JSON.parse(raw) as unknown);
      calls.push({ method: req.method ?? '', path: url.pathname, body });
      if (req.headers.authorization !== `Bearer ${token}`) return answer(res, req, 401, { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
      const m = /^\/v1\.0\/users\/([^/]+)(\/assignLicense)?$/.exec(url.pathname);
      const user = m && tenant.state.graph.users.find((u) => u.id === decodeURIComponent(m[1] ?? ''));
      if (!m || !user) return answer(res, req, 404, { code: 'Request_ResourceNotFound', message: `Resource '${m?.[1] ?? ''}' does not exist.` });
      const groups = tenant.state.graph.groups.filter((g) => g.members.includes(user.id));
      const inherited = groups.flatMap((g) => g.assignedLicenses);
      const assigned = () => [...user.directLicenses, ...inherited.filter((l) => !user.directLicenses.some((d) => d.skuId === l.skuId))];
      if (!m[2]) return answer(res, req, 200, { id: user.id, userPrincipalName: user.userPrincipalName, usageLocation: user.usageLocation, assignedLicenses: assigned() });
      const change = body as { addLicenses: Array<{ skuId: string; disabledPlans: string[] }>; removeLicenses: string[] };
      for (const skuId of change.removeLicenses) {
        if (inherited.some((l) => l.skuId === skuId)) return answer(res, req, 400, { code: 'Request_BadRequest', message: INHERITED });
        if (!user.directLicenses.some((l) => l.skuId === skuId)) return answer(res, req, 400, { code: 'Request_BadRequest', message: 'User does not have a corresponding license.' });
      }
      user.directLicenses = user.directLicenses.filter((l) => !change.removeLicenses.includes(l.skuId));
      for (const add of change.addLicenses) {
        user.directLicenses = [...user.directLicenses.filter((l) => l.skuId !== add.skuId), { skuId: add.skuId, disabledPlans: add.disabledPlans }];
      }
      return answer(res, req, 200, { id: user.id, assignedLicenses: assigned() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
