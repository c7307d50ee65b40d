// A whole License Doctor with Slack configured, for the Slack tests and the benchmark: the test app (sandbox tenant,
// in-memory SQLite, the HTTP server) whose Bolt app talks to a local fake Slack Web API, and a client that posts
// correctly signed requests to /slack/events.
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import { FakeSlackApi, type FakeSlackChannel, type FakeSlackUser } from '../../fakes/fake-slack-api.ts';
import { SlackTestClient } from '../../fakes/slack-test-client.ts';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/start-test-app.ts';

export const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
export const BOT_TOKEN = 'xoxb-1111-2222-test';
export const APP_TOKEN = 'xapp-1-A0LICDOC-3333-test';

/** Slack user ids of the sandbox personas (and two people License Doctor cannot act for). */
export const USERS = {
  agent: 'U0AGENT',
  patti: 'U0PATTI',
  christie: 'U0CHRISTIE',
  debra: 'U0DEBRA',
  /** Has a Slack email that is no user of the Entra tenant. */
  stranger: 'U0STRANGER',
  /** Slack shows no email for them. */
  noEmail: 'U0NOEMAIL',
} as const;

export const CHANNELS = { approvals: 'C0APPROVALS', helpdesk: 'C0HELPDESK', closed: 'C0CLOSED' } as const;

export const SLACK_USERS: readonly FakeSlackUser[] = [
  { id: USERS.agent, email: PERSONAS.agent, name: 'Allan Deyoung' },
  { id: USERS.patti, email: PERSONAS.approver, name: 'Patti Fernandez' },
  { id: USERS.christie, email: PERSONAS.secondApprover, name: 'Christie Cline' },
  { id: USERS.debra, email: PERSONAS.nonApprover, name: 'Debra Berger' },
  { id: USERS.stranger, email: 'someone@fabrikam.example', name: 'Someone Else' },
  { id: USERS.noEmail, email: null, name: 'No Email' },
];

export const SLACK_CHANNELS: readonly FakeSlackChannel[] = [
  { id: CHANNELS.approvals, name: 'license-approvals', isMember: true, isPrivate: true },
  { id: CHANNELS.helpdesk, name: 'helpdesk', isMember: true },
  { id: CHANNELS.closed, name: 'random', isMember: false },
];

export interface SlackHarness {
  readonly app: TestApp;
  readonly fake: FakeSlackApi;
  readonly slack: SlackTestClient;
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  readonly env?: Record<string, string>;
  /** Socket Mode (SLACK_APP_TOKEN) instead of HTTP: the test client delivers envelopes over the fake's WebSocket. */
  readonly socketMode?: boolean;
  readonly channels?: readonly FakeSlackChannel[];
  readonly execution?: TestAppOptions['execution'];
  /** The store (default an in-memory SQLite). */
  readonly databaseUrl?: string;
  /** Collects the app's warnings and errors (JSON lines). */
  readonly logLines?: string[];
  /** Runs on the fake Slack before the app starts (e.g. a failure for the start-up checks). */
  readonly prepare?: (fake: FakeSlackApi) => void;
}

/** The environment that points License Doctor's Slack surface at a fake Slack API. */
export function slackEnv(apiUrl: string): Record<string, string> {
  return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APPROVALS_CHANNEL: CHANNELS.approvals, SLACK_API_URL: apiUrl };
}

/** Starts the fake Slack API and the app configured against it. */
export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN, users: SLACK_USERS, channels: options.channels ?? SLACK_CHANNELS });
  options.prepare?.(fake);
  let app: TestApp;
  try {
    app = await startTestApp({
      env: { ...slackEnv(fake.apiUrl), ...(options.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : {}), ...options.env },
      ...(options.execution ? { execution: options.execution } : {}),
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.logLines ? { logLines: options.logLines } : {}),
    });
  } catch (err) {
    await fake.close();
    throw err;
  }
  const slack = new SlackTestClient({ eventsUrl: `${app.url}/slack/events`, signingSecret: SIGNING_SECRET, fake, transport: options.socketMode ? 'socket' : 'http' });
  return {
    app,
    fake,
    slack,
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}
