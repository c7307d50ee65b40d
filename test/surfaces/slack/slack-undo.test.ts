// The undo of path 2 in Slack (signed requests to the real Bolt app, the fake Slack API, the sandbox tenant): the
// succeeded request's card offers "Turn Okta provisioning back on"; it opens a plan preview like any path, becomes a
// request of its own that needs two approvals, runs, and Okta's provisioning is on again. A new diagnosis offers the
// undo while provisioning is off.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import type { FakeMessage } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { current, diagnose, requestChange, textOf } from './slack-steps.ts';

jest.setTimeout(90_000);

const GRADY = SCENARIOS[1]?.userPrincipalName ?? '';
const UNDO = 'path:okta-provisioning-on';

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

async function approveByTwo(card: FakeMessage): Promise<FakeMessage> {
  await h.slack.click(USERS.patti, card, 'approve');
  await h.fake.waitFor(() => /1 of 2: Patti Fernandez/.test(textOf(current(h, card))), 'the first approval on the card');
  await h.slack.click(USERS.christie, card, 'approve');
  return h.fake.waitFor(() => (/Succeeded|Failed|Waiting for manual steps/.test(textOf(current(h, card))) ? current(h, card) : null), 'the request to finish', 20_000);
}

test('path 2 succeeds, its card offers the undo, and the undo is a request with two approvals that turns provisioning back on', async () => {
  const diagnosis = await diagnose(h, GRADY);
  expect(findButton(diagnosis.blocks, UNDO)).toBeNull();
  const offOff = await requestChange(h, diagnosis, 'entra-owns-licenses', 'CHG0042: Entra ID takes over licensing');
  const done = await approveByTwo(offOff.card);
  expect(textOf(done)).toContain('Succeeded');
  const app = (await h.app.runtime.okta.listOffice365Apps())[0];
  if (!app) throw new Error('no Office 365 app in the sandbox');
  expect((await h.app.runtime.okta.getProvisioning(app.id)).connection).toBe('DISABLED');
  expect(findButton(done.blocks, UNDO)?.value).toBe(GRADY);

  // While provisioning is off, a diagnosis offers the undo too.
  const again = await diagnose(h, GRADY);
  expect(findButton(again.blocks, UNDO)?.value).toBe(GRADY);

  const undo = await requestChange(h, done, 'okta-provisioning-on', 'CHG0043: back to Okta provisioning');
  expect(await h.app.runtime.services.get(undo.requestId)).toMatchObject({ path: 'okta-provisioning-on', scope: 'app', approvalsRequired: 2, status: 'pending' });
  const undone = await approveByTwo(undo.card);
  expect(textOf(undone)).toContain("Okta's provisioning of Microsoft Office 365 is on again");
  expect(await h.app.runtime.services.get(undo.requestId)).toMatchObject({ status: 'succeeded' });
  expect((await h.app.runtime.okta.getProvisioning(app.id)).connection).toBe('ENABLED');
  // Nothing to undo any more: the undo's own card offers nothing.
  expect(findButton(undone.blocks, UNDO)).toBeNull();
});
