// users.info through the official Web API client against the fake Slack API.
import { webApi } from '@slack/bolt';
import { SlackPeople } from '../../../src/surfaces/slack/slack-people.ts';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';

const TOKEN = 'xoxb-people-test';
let fake: FakeSlackApi;
let client: webApi.WebClient;
let now = 0;
const clock = { now: () => now };

beforeAll(async () => {
  fake = await FakeSlackApi.start({
    botToken: TOKEN,
    users: [
      { id: 'U1', email: 'patti.fernandez@contoso.com', name: 'Patti Fernandez' },
      { id: 'U2', email: null, name: 'No Email' },
      { id: 'U3', email: 'bot@contoso.com', name: 'A Bot', isBot: true },
      { id: 'U4', email: 'gone@contoso.com', name: 'Gone', deleted: true },
    ],
    channels: [],
  });
  client = new webApi.WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});

afterAll(async () => {
  await fake?.close();
});

describe('SlackPeople', () => {
  it('resolves a Slack user to their email, sharing one users.info among concurrent clicks and caching it briefly', async () => {
    const people = new SlackPeople(client, clock);
    const before = fake.callsTo('users.info').length;
    const [a, b] = await Promise.all([people.lookup('U1'), people.lookup('U1')]);
    expect(a).toEqual({ kind: 'person', person: { surface: 'slack', surfaceUserId: 'U1', entraIdentity: 'patti.fernandez@contoso.com', displayName: 'Patti Fernandez' } });
    expect(b).toEqual(a);
    now += 60_000;
    await people.lookup('U1');
    expect(fake.callsTo('users.info').length - before).toBe(1);
    now += 5 * 60_000;
    await people.lookup('U1');
    expect(fake.callsTo('users.info').length - before).toBe(2);
  });

  it.each([
    ['U2', /no email address/],
    ['U3', /bot or deactivated/],
    ['U4', /bot or deactivated/],
    ['U9', /user_not_found/],
  ])('explains why %s cannot act', async (id, message) => {
    const found = await new SlackPeople(client, clock).lookup(id);
    expect(found).toEqual({ kind: 'unknown', message: expect.stringMatching(message) });
  });

  it('names the missing scope, and does not remember a failed call', async () => {
    const people = new SlackPeople(client, clock);
    fake.fail('users.info', 'missing_scope');
    expect(await people.lookup('U1')).toEqual({ kind: 'unknown', message: expect.stringContaining('users:read.email') });
    fake.fail('users.info', 'internal_error');
    const other = new SlackPeople(client, clock);
    await expect(other.lookup('U1')).rejects.toThrow(/internal_error/);
    expect(await other.lookup('U1')).toMatchObject({ kind: 'person' });
  });
});
