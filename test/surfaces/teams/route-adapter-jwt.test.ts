// The early answer checks a Bot Framework token exactly as the SDK does, with the SDK's own check: the Teams SDK's App
// runs here against a local key set (its `cloud` option points the Bot Framework OpenID metadata at 127.0.0.1), and
// tokens are really signed. A valid token is answered 200 and the activity reaches the app's handler with it; a token
// signed with another key under the same key id, an unsigned one (alg none), one for another bot and one without a
// signature are 401 and never reach the handler.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import { silentLogger } from '../../../src/app/app-logger.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { RouteAdapter, sdkActivityCheck } from '../../../src/surfaces/teams/route-adapter.ts';
import { teamsLogger } from '../../../src/surfaces/teams/teams-logger.ts';

const BOT_ID = '22222222-3333-4444-5555-666666666666';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const KID = 'bot-framework-key-1';
const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function token(signer: KeyObject | null, claims: Record<string, unknown> = {}, alg = 'RS256'): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg, typ: 'JWT', kid: KID })}.${b64({ iss: PUBLIC.tokenIssuer, aud: BOT_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 600, ...claims })}`;
  return `${body}.${signer ? sign('RSA-SHA256', Buffer.from(body), signer).toString('base64url') : ''}`;
}

let keys: Server;
let bot: Server;
let url: string;
const adapter = new RouteAdapter();
const received: Array<{ id: string; text: string }> = [];
const forged: string[] = [];

beforeAll(async () => {
  // The Bot Framework's signing keys, as login.botframework.com publishes them.
  keys = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] }));
  });
  await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
  const keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
  const app = new App({
    httpServerAdapter: adapter,
    logger: teamsLogger(createLogger('silent')),
    clientId: BOT_ID,
    clientSecret: 'not-a-real-secret',
    messagingEndpoint: '/api/messages',
    cloud: { ...PUBLIC, openIdMetadataUrl: `${keysUrl}/v1/.well-known/openidconfiguration` },
  });
  app.on('message', async ({ activity }) => void received.push({ id: activity.id, text: activity.text }));
  await app.initialize();
  adapter.answerEarly(sdkActivityCheck(app.server), silentLogger);
  const route = adapter.route('/api/messages');
  bot = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
});
afterAll(async () => {
  for (const server of [bot, keys]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const message = (text: string) => ({
  type: 'message', id: randomUUID(), channelId: 'msteams', serviceUrl: SERVICE_URL, text,
  from: { id: '29:allan-deyoung', name: 'Allan Deyoung' }, recipient: { id: `28:${BOT_ID}`, name: 'License Doctor' },
  conversation: { id: 'a:personal-allan', conversationType: 'personal' },
});
const post = (body: Record<string, unknown>, bearer: string) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) });

test('a validly signed message is answered 200 and reaches the app with its token checked', async () => {
  const activity = message('adele.vance@contoso.com');
  expect((await post(activity, token(key.privateKey))).status).toBe(200);
  while (!received.some((r) => r.id === activity.id)) await new Promise((resolve) => setImmediate(resolve));
});

test.each([
  ['signed with another key under the same key id', () => token(forger.privateKey)],
  ['unsigned (alg none)', () => token(null, {}, 'none')],
  ['RS256 without a signature', () => token(null)],
  ['for another bot', () => token(key.privateKey, { aud: 'another-bot' })],
  ['from another issuer', () => token(key.privateKey, { iss: 'https://evil.example' })],
  ['for another service URL', () => token(key.privateKey, { serviceurl: 'https://evil.example/teams/' })],
  ['expired', () => token(key.privateKey, { nbf: 1, exp: 2 })],
])('a token %s is 401 and the activity never reaches the app', async (_what, forge) => {
  const activity = message('forged');
  forged.push(activity.id);
  const res = await post(activity, forge());
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ error: 'JWT validation failed' });
});

test('after stop (which waits for every accepted activity), none of the refused ones reached the app', async () => {
  expect(forged).toHaveLength(7);
  await adapter.stop();
  expect(received.filter((r) => forged.includes(r.id))).toEqual([]);
  expect(received).toHaveLength(1);
});
