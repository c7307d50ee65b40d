// The Teams SDK's handler mounted on a plain node:http server: JSON in, the SDK's status and body out; bad bodies
// are refused before the SDK sees them; with answerEarly, activities other than invokes are answered once checked
// and handed to the SDK after.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IToken } from '@microsoft/teams.api';
import type { IHttpServerRequest } from '@microsoft/teams.apps';
import { silentLogger } from '../../../src/app/app-logger.ts';
import { MAX_ACTIVITY_BYTES, RouteAdapter, sdkActivityCheck, type ActivityCheck } from '../../../src/surfaces/teams/route-adapter.ts';

let server: Server;
let url: string;
const seen: IHttpServerRequest[] = [];
const adapter = new RouteAdapter();

beforeAll(async () => {
  const route = adapter.route('/api/messages');
  server = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

test('before the SDK registers its handler: 503', async () => {
  expect((await post('{}')).status).toBe(503);
});

test('the SDK gets the parsed body and the headers; its status and JSON body go back', async () => {
  adapter.registerRoute('POST', '/api/messages', async (request) => {
    seen.push(request);
    return (request.body as { type?: string }).type === 'invoke' ? { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } } : { status: 200 };
  });
  const invoke = await post(JSON.stringify({ type: 'invoke' }), { Authorization: 'Bearer abc' });
  expect(invoke.status).toBe(200);
  expect(await invoke.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' });
  expect(seen.at(-1)?.headers.authorization).toBe('Bearer abc');
  const message = await post(JSON.stringify({ type: 'message', text: 'hi' }));
  expect(message.status).toBe(200);
  expect(await message.text()).toBe('');
  expect(seen.at(-1)?.body).toEqual({ type: 'message', text: 'hi' });
});

test.each([
  ['not JSON', 'not json', 400],
  ['too large', JSON.stringify({ text: 'x'.repeat(MAX_ACTIVITY_BYTES) }), 413],
])('%s → %i, the SDK never sees it', async (_what, body, status) => {
  const before = seen.length;
  expect((await post(body)).status).toBe(status);
  expect(seen.length).toBe(before);
});

/** What the SDK was handed, each call waiting for its own `go` (the processing), so a test sees what came before. */
type Handed = { readonly request: IHttpServerRequest; readonly go: (response: { status: number; body?: unknown }) => void };

const token: IToken = { appId: 'bot', from: 'azure', fromId: 'sender', serviceUrl: 'http://127.0.0.1:1/', isExpired: () => false };
const logged: Array<{ obj: object; msg: string | undefined }> = [];
const logger = { ...silentLogger, error: (obj: object, msg?: string) => void logged.push({ obj, msg }) };

/** A RouteAdapter answering early with `check`, mounted on its own server. */
async function mountEarly(check: ActivityCheck) {
  const handed: Handed[] = [];
  const adapter = new RouteAdapter();
  adapter.registerRoute('POST', '/api/messages', (request) => new Promise((resolve) => handed.push({ request, go: resolve })));
  adapter.answerEarly(check, logger);
  const route = adapter.route('/api/messages');
  const http = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const at = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/messages`;
  return {
    adapter,
    handed,
    post: (body: unknown, authorization = 'Bearer secret-token') =>
      fetch(at, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: authorization }, body: JSON.stringify(body) }),
    /** The `n`th activity handed to the SDK (1-based), once it has been. */
    nth: async (n: number): Promise<Handed> => {
      while (handed.length < n) await new Promise((resolve) => setImmediate(resolve));
      return handed[n - 1] as Handed;
    },
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

describe('answering early: activities without an HTTP answer are acknowledged once the check accepts them', () => {
  const checked: unknown[] = [];
  let mounted: Awaited<ReturnType<typeof mountEarly>>;
  beforeAll(async () => {
    mounted = await mountEarly(async (headers, body) => {
      checked.push(body);
      return headers.authorization === 'Bearer good' ? { success: true, token } : { success: false, error: 'JWT validation failed' };
    });
  });
  afterAll(() => mounted.close());

  test('a message is answered 200 while the SDK has not processed it, then handed over with the checked token', async () => {
    // The handler waits for go(): had the answer waited for the processing, this POST would never come back.
    const res = await mounted.post({ type: 'message', id: 'm1', text: 'hi' }, 'Bearer good');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const call = await mounted.nth(1);
    expect(call.request).toEqual({ body: { type: 'message', id: 'm1', text: 'hi' }, headers: expect.objectContaining({ authorization: 'Bearer good' }), token });
    call.go({ status: 200 });
  });

  test('a refused activity is 401 and never reaches the SDK', async () => {
    const res = await mounted.post({ type: 'message', id: 'm2', text: 'forged' }, 'Bearer forged');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'JWT validation failed' });
    expect(checked.at(-1)).toEqual({ type: 'message', id: 'm2', text: 'forged' });
    // stop() waits for everything accepted: the refused activity was not.
    await mounted.adapter.stop();
    expect(mounted.handed).toHaveLength(1);
  });
});

describe('answering early: invokes, failures, stop', () => {
  let mounted: Awaited<ReturnType<typeof mountEarly>>;
  beforeAll(async () => {
    mounted = await mountEarly(async () => ({ success: true, token }));
  });
  afterAll(() => mounted.close());

  test('an invoke waits for the SDK and carries its body (the card)', async () => {
    const answer = mounted.post({ type: 'invoke', name: 'adaptiveCard/action' });
    const call = await mounted.nth(1);
    // The SDK checks an invoke's token itself: none is handed over.
    expect(call.request.token).toBeUndefined();
    call.go({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'done' } });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'done' });
  });

  test('a body without a type is not answered early: the SDK answers it', async () => {
    const answer = mounted.post({ text: 'no type' });
    (await mounted.nth(2)).go({ status: 500, body: { error: 'Internal server error' } });
    expect((await answer).status).toBe(500);
  });

  test('a failure after the answer is logged with the activity\'s type and id, never its headers', async () => {
    expect((await mounted.post({ type: 'message', id: 'm3' })).status).toBe(200);
    (await mounted.nth(3)).go({ status: 500, body: { error: 'Internal server error' } });
    await mounted.adapter.stop();
    expect(logged).toEqual([{ obj: { activity: { type: 'message', id: 'm3' }, status: 500 }, msg: 'a Teams activity failed after it was acknowledged' }]);
    expect(JSON.stringify(logged)).not.toContain('secret-token');
  });
});

test('stop waits for every accepted activity and refuses new ones meanwhile (503)', async () => {
  const mounted = await mountEarly(async () => ({ success: true, token }));
  try {
    expect((await mounted.post({ type: 'message', id: 'a' })).status).toBe(200);
    expect((await mounted.post({ type: 'conversationUpdate', id: 'b' })).status).toBe(200);
    let stopped = false;
    const stopping = mounted.adapter.stop().then(() => (stopped = true));
    const refused = await mounted.post({ type: 'message', id: 'c' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    (await mounted.nth(1)).go({ status: 200 });
    const second = await mounted.nth(2);
    expect(stopped).toBe(false);
    second.go({ status: 200 });
    await stopping;
    expect(mounted.handed.map((h) => (h.request.body as { id: string }).id)).toEqual(['a', 'b']);
  } finally {
    await mounted.close();
  }
});

test('sdkActivityCheck refuses to start without the SDK\'s authorize (an SDK update must not skip the check)', () => {
  expect(() => sdkActivityCheck({})).toThrow(/authorize/);
});
