// The approver's side in Slack: a new request is sent to each approver in a direct message (found with
// users.lookupByEmail from the approvers group's users, read live from Graph), never to the requester or a
// non-approver; one reminder goes out before the request expires, once across instances (claimed in the store); a
// request created elsewhere is announced by the next pass.
import { webApi } from '@slack/bolt';
import { RequestEvents } from '../../../src/app/request-events.ts';
import { createServices } from '../../../src/app/services.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { PERSONAS } from '../../../src/sandbox/seed.ts';
import type { Clock } from '../../../src/core/ports/clock.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { SlackApproverDms } from '../../../src/surfaces/slack/approver-dms.ts';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { allViolations } from './block-kit-limits.ts';
import { BOT_TOKEN, CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { diagnose, requestChange, textOf } from './slack-steps.ts';

jest.setTimeout(60_000);

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

const dmOf = (user: string) => h.fake.messagesIn(FakeSlackApi.dmChannel(user)).map(textOf);

/** Another instance's approver DMs, on the same store and Slack, at the time `clock` says. */
function instanceAt(clock: Clock): SlackApproverDms {
  const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: h.fake.apiUrl });
  const services = createServices({ ...h.app.runtime.services.deps, clock });
  return new SlackApproverDms({ client, services, clock, approvalsChannel: CHANNELS.approvals, logger: createLogger('silent') });
}

test('a new request is sent to every approver (nested group included) in a DM, and one reminder before it expires', async () => {
  const diagnosis = await diagnose(h, 'adele.vance@contoso.com');
  const { requestId } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012345: Okta pushes fail for Adele');
  for (const approver of [USERS.patti, USERS.christie]) {
    const dm = await h.fake.waitFor(() => dmOf(approver).find((t) => t.includes(requestId)), `the DM to ${approver}`);
    expect(dm).toContain(`Request ${requestId} needs your approval: Adele Vance — Okta owns the licenses, asked by Allan Deyoung.`);
    expect(dm).toContain('INC0012345: Okta pushes fail for Adele');
    expect(dm).toContain(`<#${CHANNELS.approvals}>`);
  }
  expect(dmOf(USERS.agent).some((t) => t.includes('needs your approval'))).toBe(false);
  expect(dmOf(USERS.debra)).toEqual([]);
  expect(h.fake.callsTo('users.lookupByEmail').length).toBeGreaterThanOrEqual(2);

  const request = await h.app.runtime.services.get(requestId);
  if (!request) throw new Error('the request is gone');
  // Two hours before it expires: not due yet. Half an hour before: due, and sent once across two instances.
  const early = instanceAt({ now: () => Date.parse(request.expiresAt) - 2 * 3_600_000 });
  await early.remind();
  expect(dmOf(USERS.patti).filter((t) => t.startsWith('Reminder'))).toEqual([]);
  const late = { now: () => Date.parse(request.expiresAt) - 30 * 60_000 };
  await instanceAt(late).remind();
  await instanceAt(late).remind();
  for (const approver of [USERS.patti, USERS.christie]) {
    const reminders = dmOf(approver).filter((t) => t.includes(`Reminder: request ${requestId}`));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('still needs 1 more approval');
  }
});

test('an approver Slack does not know is skipped; the others are still messaged', async () => {
  const diagnosis = await diagnose(h, 'grady.archie@contoso.com');
  const lookups = h.fake.callsTo('users.lookupByEmail').length;
  // The first approver looked up is unknown to Slack.
  h.fake.fail('users.lookupByEmail', 'users_not_found');
  const { requestId } = await requestChange(h, diagnosis, 'okta-owns-licenses', 'INC0012346: Grady');
  await h.fake.waitFor(() => h.fake.callsTo('users.lookupByEmail').length >= lookups + 2 ? true : null, 'both lookups');
  const messaged = await h.fake.waitFor(() => {
    const got = [USERS.patti, USERS.christie].filter((u) => dmOf(u).some((t) => t.includes(requestId)));
    return got.length > 0 ? got : null;
  }, 'a DM to the other approver');
  expect(messaged).toHaveLength(1);
});

test('a request created elsewhere (the command line, no event here) is announced by the next pass, once', async () => {
  const cli = createServices({ ...h.app.runtime.services.deps, events: new RequestEvents() });
  const request = await cli.createRequest({
    query: 'megan.bowen@contoso.com', path: 'okta-owns-licenses', options: DEFAULT_PLAN_OPTIONS, reason: 'CLI: Megan',
    requester: { upnOrId: PERSONAS.agent, surface: 'cli', surfaceUserId: null }, acknowledgeRemoval: false,
  });
  const now = { now: () => Date.now() };
  await instanceAt(now).remind();
  await instanceAt(now).remind();
  for (const approver of [USERS.patti, USERS.christie]) {
    expect(dmOf(approver).filter((t) => t.includes(`Request ${request.id} needs your approval`))).toHaveLength(1);
  }
});
