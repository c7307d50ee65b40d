// A path's declared options in Slack's plan modal, with signed real payloads: path 1's modal offers its variants,
// submitting another value builds that plan first (the agent requests only a plan they have seen), submitting it then
// creates the request with it; an option the path does not declare is refused in words.
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { allViolations } from './block-kit-limits.ts';
import { CHANNELS, startSlackHarness, USERS, type SlackHarness } from './slack-harness.ts';
import { diagnose, openPlan } from './slack-steps.ts';

const ADELE = 'adele.vance@contoso.com';
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

const viewText = (id: string) => JSON.stringify(h.fake.views.get(id)?.view ?? {});
const ticked = { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'x' }, value: 'on' }] };
const unticked = { type: 'checkboxes', selected_options: [] };
const justified = { justification: { justification: { type: 'plain_text_input', value: 'INC7: change the group itself' } } };
const groupVariant = {
  ...justified,
  'option:allowServiceGap': { 'option:allowServiceGap': unticked },
  'option:removeLicenseFromGroup': { 'option:removeLicenseFromGroup': ticked },
  'option:completeOktaLicenses': { 'option:completeOktaLicenses': ticked },
};

test("path 1's group variant: chosen in the modal, previewed, then requested with two approvals", async () => {
  const viewId = await openPlan(h, await diagnose(h, ADELE), 'okta-owns-licenses');
  const blocks = (h.fake.views.get(viewId)?.view.blocks ?? []) as Array<{ block_id?: string; element?: { initial_options?: unknown[] } }>;
  expect(blocks.filter((b) => b.block_id?.startsWith('option:')).map((b) => [b.block_id, (b.element?.initial_options ?? []).length])).toEqual([
    ['option:allowServiceGap', 0], ['option:removeLicenseFromGroup', 0], ['option:completeOktaLicenses', 1],
  ]);
  expect(viewText(viewId)).toContain('1 approval');

  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  const first = await h.slack.submit(USERS.agent, viewId, groupVariant);
  expect(JSON.parse(first.text)).toMatchObject({ response_action: 'update' });
  await h.fake.waitFor(() => /built again with the options you chose/.test(viewText(viewId)), 'the plan built with the group variant');
  expect(viewText(viewId)).toContain('2 approvals');
  expect(viewText(viewId)).toMatch(/Group Licensing - Microsoft 365 E3: \d+ members?/);
  expect(h.fake.messagesIn(CHANNELS.approvals)).toHaveLength(cards);

  await h.slack.submit(USERS.agent, viewId, groupVariant);
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
  const requestId = findButton(card.blocks, 'approve')?.value ?? '';
  const request = await h.app.runtime.services.get(requestId);
  expect(request).toMatchObject({ scope: 'group', approvalsRequired: 2, plan: { options: { removeLicenseFromGroup: true, allowServiceGap: false, completeOktaLicenses: true } } });
  await h.slack.click(USERS.agent, card, 'cancel');
});

test("path 1 with a gap in service: the rebuilt plan asks for the variant's confirmation before it is requested", async () => {
  const viewId = await openPlan(h, await diagnose(h, SCENARIOS[1]?.userPrincipalName ?? ''), 'okta-owns-licenses');
  expect(viewText(viewId)).not.toContain('acknowledge-variant');
  const gap = { ...groupVariant, 'option:allowServiceGap': { 'option:allowServiceGap': ticked }, 'option:removeLicenseFromGroup': { 'option:removeLicenseFromGroup': unticked } };
  await h.slack.submit(USERS.agent, viewId, gap);
  await h.fake.waitFor(() => /built again with the options you chose/.test(viewText(viewId)), 'the plan built with a gap');
  expect(viewText(viewId)).toContain("without the license between the group removal and Okta's push");
  const refused = await h.slack.submit(USERS.agent, viewId, gap);
  expect(JSON.parse(refused.text)).toEqual({ response_action: 'errors', errors: { 'acknowledge-variant': 'Confirm what this variant does (see above).' } });

  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  await h.slack.submit(USERS.agent, viewId, { ...gap, 'acknowledge-variant': { 'acknowledge-variant': { type: 'checkboxes', selected_options: [{ value: 'yes' }] } } });
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
  const request = await h.app.runtime.services.get(findButton(card.blocks, 'approve')?.value ?? '');
  expect(request).toMatchObject({ removalAcknowledged: true, plan: { options: { allowServiceGap: true } } });
});

test('an option the path does not declare is refused in words, and nothing is requested', async () => {
  const viewId = await openPlan(h, await diagnose(h, ADELE), 'entra-owns-licenses');
  expect(viewText(viewId)).not.toContain('option:');
  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  const res = await h.slack.submit(USERS.agent, viewId, { ...justified, 'option:colour': { 'option:colour': { type: 'static_select', selected_option: { value: 'red' } } } });
  expect(JSON.parse(res.text)).toMatchObject({ response_action: 'update', view: { blocks: [{ text: { text: expect.stringContaining('Unknown plan option "colour": entra-owns-licenses takes no options.') } }] } });
  expect(h.fake.messagesIn(CHANNELS.approvals)).toHaveLength(cards);
});
