// Bot Connector failures as the sender reports them, over real HTTP with the Teams SDK's API client: Teams refusing us
// (401, 403, 404) is a setup problem (`configuration`); no answer at all, throttling or a server error is
// `unavailable` (try again later), never mistaken for a configuration error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/teams.api';
import { isLicenseDoctorError, type LicenseDoctorError } from '../../../src/core/errors.ts';
import { createTeamsSender } from '../../../src/surfaces/teams/teams-sender.ts';

const CARD = { type: 'AdaptiveCard' as const, version: '1.5' as const, body: [] };

async function connector(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'X', message: 'refused' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function failure(serviceUrl: string): Promise<LicenseDoctorError> {
  const sender = createTeamsSender(new Client(serviceUrl));
  try {
    await sender.postCard({ serviceUrl, conversationId: '19:approvals@thread.tacv2' }, CARD, 'Approval needed');
  } catch (err) {
    if (isLicenseDoctorError(err)) return err;
    throw err;
  }
  throw new Error('the post succeeded');
}

test.each([
  [401, 'configuration'],
  [403, 'configuration'],
  [404, 'configuration'],
  [429, 'unavailable'],
  [502, 'unavailable'],
  [503, 'unavailable'],
])('HTTP %i from the Bot Connector is %s', async (status, code) => {
  const { url, server } = await connector(status);
  try {
    const err = await failure(url);
    expect({ code: err.code, status: err.details.status, vendor: err.details.vendor }).toEqual({ code, status, vendor: 'teams' });
    expect(err.message).toContain('19:approvals@thread.tacv2');
  } finally {
    server.close();
  }
});

test('a Bot Connector that cannot be reached is unavailable, and the message says to try again', async () => {
  const { url, server } = await connector(200);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const err = await failure(url);
  expect(err.code).toBe('unavailable');
  expect(err.message).toMatch(/^Teams could not be reached to post a card in conversation 19:approvals@thread\.tacv2: try again in a moment\.$/);
});
