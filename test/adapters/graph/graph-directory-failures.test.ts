// How the Graph adapter fails: credentials, throttling within and beyond the retry budget, outages, malformed
// answers, throttled `$batch` sub-requests and unreachable hosts, all against the sandbox over HTTP.
import { createServer } from 'node:net';
import type { TokenCredential } from '@azure/identity';
import { createGraphDirectory, type GraphDirectoryOptions } from '../../../src/adapters/graph/create-graph-directory.ts';
import { LicenseDoctorError } from '../../../src/core/errors.ts';
import { startGraphSandbox, type RunningGraphSandbox } from '../../../src/sandbox/graph/start-graph-sandbox.ts';
import { GROUP, seededEntraId } from '../../../src/sandbox/seed.ts';
import { SandboxTenant } from '../../../src/sandbox/tenant.ts';

const TOKEN = 'adapter-failure-token';
let sandbox: RunningGraphSandbox;

beforeAll(async () => {
  sandbox = await startGraphSandbox({ tenant: new SandboxTenant(), token: TOKEN });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.calls.length = 0;
  sandbox.batchCalls.length = 0;
});

const directory = (extra: Partial<GraphDirectoryOptions> = {}) =>
  createGraphDirectory({ baseUrl: sandbox.baseUrl, credential: { kind: 'static', token: TOKEN }, ...extra });

async function rejection(promise: Promise<unknown>): Promise<LicenseDoctorError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LicenseDoctorError) return err;
    throw err;
  }
  throw new Error('expected a LicenseDoctorError');
}

const USER = seededEntraId(1);
const statuses = () => sandbox.calls.map((c) => c.status);

describe('credentials', () => {
  it('reports a refused token as graph-unavailable, without the token anywhere', async () => {
    const secret = 'wrong-token-value-0123456789';
    const err = await rejection(directory({ credential: { kind: 'static', token: secret } }).getUser(USER));
    expect(err.code).toBe('graph-unavailable');
    expect(err.message).toBe("Microsoft Graph refused License Doctor's credentials (401 InvalidAuthenticationToken): check GRAPH_ACCESS_TOKEN or the AZURE_* settings and the app's permissions.");
    expect(err.details).toMatchObject({ status: 401, vendorMessage: 'Access token validation failure. Invalid audience.' });
    expect(JSON.stringify({ message: err.message, details: err.details, stack: err.stack })).not.toContain(secret);
  });

  it('reports a credential that cannot get a token', async () => {
    const credential: TokenCredential = { getToken: () => Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.')) };
    const err = await rejection(directory({ credential: { kind: 'token-credential', credential } }).getUser(USER));
    expect(err.code).toBe('graph-unavailable');
    expect(err.message).toMatch(/^Could not get a token for Microsoft Graph \(AADSTS7000215: Invalid client secret provided\.\): check the AZURE_\* settings/);
    expect(sandbox.calls).toEqual([]);
  });
});

describe('throttling and outages', () => {
  it('retries a 429 after its Retry-After and succeeds', async () => {
    sandbox.faults.add({ kind: 'throttle', retryAfterSeconds: 0, times: 2 });
    expect((await directory().getUser(USER))?.id).toBe(USER);
    expect(statuses()).toEqual([429, 429, 200]);
  });

  it('gives up at once with `throttled` when the Retry-After exceeds the budget', async () => {
    sandbox.faults.add({ kind: 'throttle', retryAfterSeconds: 30 });
    const err = await rejection(directory({ retryBudgetMs: 10_000 }).getUser(USER));
    expect(err.code).toBe('throttled');
    expect(err.details.retryAfterSeconds).toBe(30);
    expect(err.message).toBe('Microsoft Graph is throttling License Doctor (getUser): try again in 30 seconds.');
    expect(statuses()).toEqual([429]);
  });

  it('gives up with `throttled` after three retries', async () => {
    sandbox.faults.add({ kind: 'throttle', retryAfterSeconds: 0 });
    const err = await rejection(directory().getUser(USER));
    expect(err.code).toBe('throttled');
    expect(statuses()).toEqual([429, 429, 429, 429]);
  });

  it('retries a 503 and succeeds, or reports graph-unavailable when it persists', async () => {
    sandbox.faults.add({ kind: 'unavailable', retryAfterSeconds: 0, times: 1 });
    expect(await directory().countGroupMembers(GROUP.E3)).toBe(10);
    sandbox.faults.add({ kind: 'unavailable', retryAfterSeconds: 0 });
    const err = await rejection(directory().countGroupMembers(GROUP.E3));
    expect(err.code).toBe('graph-unavailable');
    expect(err.details).toMatchObject({ status: 503, vendorCode: 'serviceNotAvailable' });
    expect(statuses()).toEqual([503, 200, 503, 503, 503, 503]);
  });

  it('reports a 500 as graph-unavailable (the client retries only 429, 503 and 504)', async () => {
    sandbox.faults.add({ kind: 'server-error' });
    const err = await rejection(directory().assignUserLicenses(USER, [], []));
    expect(err.code).toBe('graph-unavailable');
    expect(err.details).toMatchObject({ status: 500, vendorCode: 'generalException' });
    expect(statuses()).toEqual([500]);
  });

  it('reports a malformed body as graph-unavailable', async () => {
    sandbox.faults.add({ kind: 'malformed' });
    const err = await rejection(directory().getUser(USER));
    expect(err.code).toBe('graph-unavailable');
    expect(err.message).toBe('Microsoft Graph answered getUser with a malformed response: try again, and report it if it persists.');
  });
});

describe('$batch sub-requests', () => {
  it('re-posts only the throttled sub-request after its Retry-After', async () => {
    sandbox.faults.add({ kind: 'throttle', path: `^/v1.0/groups/${GROUP.E3}$`, retryAfterSeconds: 0, times: 1 });
    const groups = await directory().getGroups([GROUP.VISIO, GROUP.E3]);
    expect(groups.map((g) => g.id)).toEqual([GROUP.VISIO, GROUP.E3]);
    expect(sandbox.calls.map((c) => c.path)).toEqual(['/v1.0/$batch', '/v1.0/$batch']);
    expect(sandbox.batchCalls.map((c) => `${c.path} ${c.status}`)).toEqual([`/v1.0/groups/${GROUP.VISIO} 200`, `/v1.0/groups/${GROUP.E3} 429`, `/v1.0/groups/${GROUP.E3} 200`]);
  });

  it('reports `throttled` when a sub-request asks for more than the budget', async () => {
    sandbox.faults.add({ kind: 'throttle', path: '^/v1.0/subscribedSkus$', retryAfterSeconds: 60 });
    const err = await rejection(directory({ retryBudgetMs: 5_000 }).getLicensingContext([GROUP.E3]));
    expect(err.code).toBe('throttled');
    expect(err.details.retryAfterSeconds).toBe(60);
    expect(sandbox.calls).toHaveLength(1);
  });

  it('reports a malformed sub-response as graph-unavailable', async () => {
    sandbox.faults.add({ kind: 'malformed', path: '^/v1.0/groups/' });
    const err = await rejection(directory().getGroups([GROUP.E3]));
    expect(err.code).toBe('graph-unavailable');
    expect(err.message).toMatch(/malformed response/);
  });

  it('a failed SKU read inside the batch reaches concurrent SKU readers, and the next call reads again', async () => {
    sandbox.faults.add({ kind: 'server-error', path: '^/v1.0/subscribedSkus$', times: 1 });
    const graph = directory();
    const context = graph.getLicensingContext([GROUP.E3]);
    const skus = graph.listSubscribedSkus();
    expect((await rejection(context)).details.status).toBe(500);
    expect((await rejection(skus)).details.status).toBe(500);
    expect(await graph.listSubscribedSkus()).toHaveLength(6);
  });
});

describe('unreachable Graph', () => {
  it('names the host and the system error', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const err = await rejection(createGraphDirectory({ baseUrl: `http://127.0.0.1:${port}/v1.0`, credential: { kind: 'static', token: TOKEN } }).getUser(USER));
    expect(err.code).toBe('graph-unavailable');
    expect(err.message).toBe(`Could not reach Microsoft Graph at 127.0.0.1:${port} (ECONNREFUSED): check GRAPH_BASE_URL and the network.`);
  });

  it('refuses a base URL that is not a URL', () => {
    expect(() => createGraphDirectory({ baseUrl: 'graph.microsoft.com', credential: { kind: 'static', token: TOKEN } })).toThrow(LicenseDoctorError);
  });
});
