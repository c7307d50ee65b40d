// The Slack surface end to end over HTTP: correctly signed slash commands, clicks and modal submissions against the
// real Bolt app on the shared server, its Web API client pointed at the fake Slack API, the sandbox tenant behind
// the services. Every Block Kit payload sent is checked against Slack's limits.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import type { FakeMessage } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose as diagnoseAs, lastReply, requestChange, textOf } from './slack-steps.ts';

const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(allViolations(h.fake.sentPayloads())).toEqual([]);
});

const card = (c: FakeMessage) => current(h, c);
const lastResponse = () => lastReply(h);
const diagnose = (query: string) => diagnoseAs(h, query);
const request = async (diagnosis: FakeMessage, path: string, justification: string) => {
  const result = await requestChange(h, diagnosis, path, justification);
  expect(result.requestId).toMatch(/^LD-/);
  return result;
};

describe('Slack request signing', () => {
  it('answers 401 to a forged signature and to a stale timestamp, 200 to a signed request', async () => {
    const body = new URLSearchParams({ command: '/license-doctor', text: ADELE, user_id: USERS.agent, channel_id: CHANNELS.helpdesk }).toString();
    const forged = await h.slack.post(body, 'application/x-www-form-urlencoded', { signature: `v0=${'0'.repeat(64)}` });
    const stale = await h.slack.post(body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const empty = await h.slack.slashCommand(USERS.agent, '  ', CHANNELS.helpdesk);
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('user principal name') });
  });

  it('answers Slack\'s URL verification when the request URL is saved', async () => {
    const res = await h.slack.post(JSON.stringify({ token: 'legacy', challenge: 'c4a1b2', type: 'url_verification' }), 'application/json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'c4a1b2' });
  });
});

describe('diagnose → request → approve → executed', () => {
  it('acknowledges with a working note only the agent sees, then posts the diagnosis with a button per path and Re-check', async () => {
    const ack = await h.slack.slashCommand(USERS.agent, ADELE, CHANNELS.helpdesk);
    expect(JSON.parse(ack.text)).toEqual({ response_type: 'ephemeral', text: expect.stringContaining(`Diagnosing ${ADELE}`) });
    const diagnosis = await diagnose(ADELE);
    expect(diagnosis.text).toContain('Adele Vance');
    for (const id of ['path:okta-owns-licenses', 'path:entra-owns-licenses', 'path:okta-workflows-profile-only', 'recheck']) {
      expect(findButton(diagnosis.blocks, id)).not.toBeNull();
    }
    expect(textOf(diagnosis)).toContain('Licensing - Microsoft 365 E3');
  });

  it('runs a one-approval request to the verified end, refusing the requester and a non-approver on the way', async () => {
    const diagnosis = await diagnose(ADELE);
    const { requestId, card: posted } = await request(diagnosis, 'okta-owns-licenses', 'INC0012345: Okta pushes fail for Adele');
    // The requester's status line is in the diagnosis thread, with Cancel.
    const status = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, diagnosis.ts).find((m) => m.text.includes(requestId)), 'the status line');
    expect(findButton(status.blocks, 'cancel')?.value).toBe(requestId);

    await h.slack.click(USERS.agent, posted, 'approve');
    await h.fake.waitFor(() => /someone else must approve/.test(String(lastResponse())), 'the self-approval refusal');
    expect(h.fake.responses.at(-1)?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    await h.slack.click(USERS.debra, posted, 'approve');
    await h.fake.waitFor(() => /approvers group/.test(String(lastResponse())), 'the non-approver refusal');

    await h.slack.click(USERS.patti, posted, 'approve');
    const done = await h.fake.waitFor(() => (/Succeeded/.test(textOf(card(posted))) ? card(posted) : null), 'the card to show success', 20_000);
    expect(findButton(done.blocks, 'approve')).toBeNull();
    // Updated in place at every change: the approval, the start, each step as it ran, the verified result.
    const updates = h.fake.callsTo('chat.update').filter((c) => c.body.ts === posted.ts);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.some((u) => /running step/.test(JSON.stringify(u.body.blocks)))).toBe(true);
    // The agent is told in their thread, mentioned.
    await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.helpdesk, diagnosis.ts).find((m) => m.text.includes(`<@${USERS.agent}>`) && /Succeeded/.test(m.text)), 'the outcome in the thread');

    const audit = await h.app.runtime.store.audit({ requestId });
    const refused = audit.filter((a) => a.action === 'approval.refused');
    expect(refused.map((a) => a.actor).sort()).toEqual(['allan.deyoung@contoso.com', 'debra.berger@contoso.com']);
    expect(refused.every((a) => a.actorDetail.surface === 'slack')).toBe(true);
    expect((await h.app.runtime.services.get(requestId))?.status).toBe('succeeded');
  });

  it('shows quorum progress on an app-scope request approved by two people, the second through a nested group', async () => {
    const diagnosis = await diagnose(SCENARIOS[1]?.userPrincipalName ?? '');
    const { requestId, card: posted } = await request(diagnosis, 'entra-owns-licenses', 'CHG0042: Entra ID takes over licensing');
    await h.slack.click(USERS.patti, posted, 'approve');
    await h.fake.waitFor(() => /1 of 2: Patti Fernandez/.test(textOf(card(posted))), 'quorum progress on the card');
    expect(findButton(card(posted).blocks, 'approve')).not.toBeNull();
    await h.slack.click(USERS.christie, posted, 'approve');
    await h.fake.waitFor(() => /Succeeded|Waiting for manual steps|Failed/.test(textOf(card(posted))), 'the request to finish', 20_000);
    const stored = await h.app.runtime.services.get(requestId);
    expect(stored?.decisions.filter((d) => d.kind === 'approve').map((d) => d.by.userPrincipalName)).toEqual(['patti.fernandez@contoso.com', 'christie.cline@contoso.com']);
  });
});
