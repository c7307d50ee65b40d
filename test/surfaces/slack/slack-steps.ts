// The steps the Slack tests repeat, played as an agent would in Slack: diagnose, choose a path, justify it.
import type { FakeMessage } from '../../fakes/fake-slack-api.ts';
import { findButton } from '../../fakes/slack-test-client.ts';
import { CHANNELS, USERS, type SlackHarness } from './slack-harness.ts';

/** A message's text and blocks as one string, for content checks. */
export const textOf = (m: FakeMessage): string => `${m.text}\n${JSON.stringify(m.blocks)}`;

/** The current state of a message the test holds an older copy of. */
export const current = (h: SlackHarness, m: FakeMessage): FakeMessage => h.fake.message(m.channel, m.ts) ?? m;

/** The text of the latest response_url post (ephemeral replies to clicks). */
export const lastReply = (h: SlackHarness): string => String(h.fake.responses.at(-1)?.body.text ?? '');

/** Runs the slash command as the agent and waits for the diagnosis in place of the working message. */
export async function diagnose(h: SlackHarness, query: string, channel: string = CHANNELS.helpdesk): Promise<FakeMessage> {
  const before = new Set(h.fake.messagesIn(channel).map((m) => m.ts));
  const res = await h.slack.slashCommand(USERS.agent, query, channel);
  if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
  return h.fake.waitFor(() => h.fake.messagesIn(channel).find((m) => !before.has(m.ts) && findButton(m.blocks, 'recheck') && textOf(m).includes(query)), `diagnosis of ${query}`);
}

/** Opens the plan preview of `path` from a diagnosis and waits until the plan is in it; returns the view id. */
async function openPlan(h: SlackHarness, diagnosis: FakeMessage, path: string, user: string = USERS.agent): Promise<string> {
  const opened = h.fake.callsTo('views.open').length;
  const res = await h.slack.click(user, { channel: diagnosis.channel, ts: diagnosis.ts }, `path:${path}`);
  if (res.status !== 200) throw new Error(`click answered ${res.status}`);
  await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened], 'views.open');
  const ids = [...h.fake.views.keys()];
  const id = ids.at(-1) ?? '';
  await h.fake.waitFor(() => h.fake.views.get(id)?.view.submit !== undefined || /no_entry_sign/.test(JSON.stringify(h.fake.views.get(id)?.view)), 'the plan in the modal');
  return id;
}

/** Chooses `path` on a diagnosis and submits the justification; returns the request id and its approval card. */
export async function requestChange(h: SlackHarness, diagnosis: FakeMessage, path: string, justification: string): Promise<{ requestId: string; card: FakeMessage; viewId: string }> {
  const viewId = await openPlan(h, diagnosis, path);
  const cards = h.fake.messagesIn(CHANNELS.approvals).length;
  const res = await h.slack.submit(USERS.agent, viewId, { justification: { justification: { type: 'plain_text_input', value: justification } } });
  if (res.status !== 200) throw new Error(`submission answered ${res.status}`);
  const card = await h.fake.waitFor(() => h.fake.messagesIn(CHANNELS.approvals)[cards], 'the approval card');
  const requestId = findButton(card.blocks, 'approve')?.value ?? '';
  await h.fake.waitFor(() => requestId !== '' && JSON.stringify(h.fake.views.get(viewId)?.view).includes(requestId), 'the modal to name the request');
  return { requestId, card, viewId };
}
