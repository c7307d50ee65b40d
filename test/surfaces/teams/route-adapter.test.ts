// The Teams SDK's handler mounted on a plain node:http server: JSON in, the SDK's status and body out; bad bodies
// are refused before the SDK sees them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IHttpServerRequest } from '@microsoft/teams.apps';
import { MAX_ACTIVITY_BYTES, RouteAdapter } from '../../../src/surfaces/teams/route-adapter.ts';

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
