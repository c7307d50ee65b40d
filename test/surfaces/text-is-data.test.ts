// Text is data: what a requester typed reaches the cards as text, never as markup. A justification written as a
// Markdown link is no link on the Teams approval card; `<!here>` in a query is escaped in every Slack field, the
// fallback `text` included.
import { diagnosisMessage, problemMessage } from '../../src/surfaces/slack/render-diagnosis.ts';
import { requestCard, statusMessage } from '../../src/surfaces/slack/render-request-card.ts';
import { approvalCard } from '../../src/surfaces/teams/approval-card.ts';
import { statusCard } from '../../src/surfaces/teams/status-card.ts';
import { cardText, type CardNode } from '../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../fakes/validate-adaptive-card.ts';
import { diagnosisFixture, requestFixture } from './slack/slack-view-fixtures.ts';

const LINK = '[Approve here](https://evil.example)';

/** Every string the host reads as Markdown: TextBlock texts and FactSet values. */
function markdownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text]
    : n.type === 'FactSet' && Array.isArray(n.facts) ? n.facts.map((f) => String((f as { value?: unknown }).value)) : [];
  return [...own, ...Object.values(n).flatMap(markdownTexts)];
}

/** Every mrkdwn text object in Block Kit blocks. */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Record<string, unknown>;
  return [...(n.type === 'mrkdwn' && typeof n.text === 'string' ? [n.text] : []), ...Object.values(n).flatMap(mrkdwnTexts)];
}

test('Teams: a Markdown link in the justification, a name or a reject reason is shown as typed, never as Markdown', () => {
  const view = requestFixture({ reason: LINK, requestedBy: '[Ida](https://evil.example/ida)', statusLine: `Rejected by Patti: ${LINK}`, outcome: LINK });
  for (const card of [approvalCard(view, { refreshUserIds: null, viewer: null }), statusCard(view)]) {
    const node = card as unknown as CardNode;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(node)).toContain(`Reason: ${LINK}`);
    expect(markdownTexts(card).filter((t) => t.includes('evil.example'))).toEqual([]);
  }
});

test('Slack: <!here> and <mailto:…> in requester text are escaped in the blocks and in the fallback text', () => {
  const hostile = '<!here> <mailto:x@evil.example|click>';
  const messages = [
    diagnosisMessage(diagnosisFixture({ headline: `No user ${hostile}`, subject: hostile, recheckQuery: hostile })),
    problemMessage(`Nothing found for ${hostile}`),
    requestCard(requestFixture({ reason: hostile, title: hostile, statusLine: hostile })),
    statusMessage(requestFixture({ statusLine: hostile }), 'C0APPROVALS'),
  ];
  for (const m of messages) {
    expect(m.text).not.toMatch(/<!here>|<mailto:/);
    expect(m.text).toContain('&lt;');
    // Button values are data Slack hands back, never shown; every mrkdwn text is read for mentions and links.
    expect(mrkdwnTexts(m.blocks).filter((t) => /<!here>|<mailto:/.test(t))).toEqual([]);
  }
});

test('every card says which mode runs: sandbox, or live (with READ_ONLY)', async () => {
  const { modeFooterText } = await import('../../src/surfaces/chat/mode-footer-text.ts');
  const { withModeFooter } = await import('../../src/surfaces/teams/mode-footer.ts');
  const sandbox = modeFooterText({ mode: 'sandbox', readOnly: false });
  const live = modeFooterText({ mode: 'live', readOnly: true });
  expect(sandbox).toMatch(/^Sandbox mode: .*fake data/);
  expect(live).toBe('Live mode: your Entra ID tenant and Okta org (READ_ONLY: nothing is executed).');
  const card = withModeFooter(approvalCard(requestFixture(), { refreshUserIds: null, viewer: null }), live);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card as unknown as CardNode).split('\n').at(-1)).toBe(live);
  for (const m of [diagnosisMessage(diagnosisFixture(), sandbox), requestCard(requestFixture(), sandbox), statusMessage(requestFixture(), 'C0APPROVALS', sandbox)]) {
    expect(mrkdwnTexts(m.blocks.at(-1))).toContain(sandbox);
  }
});
