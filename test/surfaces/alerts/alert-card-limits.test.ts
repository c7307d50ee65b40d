// Alert cards stay within the platforms' limits however many users an alert gathers and however long their names:
// Block Kit's (blocks, text lengths, buttons) and the Adaptive Cards 1.5 schema with Teams' size budget. The first
// users are named, the rest counted.
import { alertView, MAX_LISTED_USERS } from '../../../src/core/views/alert-view.ts';
import { alertMessage } from '../../../src/surfaces/slack/render-alert.ts';
import { alertCard } from '../../../src/surfaces/teams/alert-card.ts';
import { CARD_BUDGET_BYTES, cardBytes } from '../../../src/surfaces/teams/card-budget.ts';
import { cardText } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { alertOf, member, SAME_CAUSE } from '../../core/alerts/seeded-reports.ts';
import { blockKitViolations } from '../slack/block-kit-limits.ts';

const long = 'x'.repeat(200);
const crowd = (n: number, resolvedEvery = 0) => alertOf(Array.from({ length: n }, (_, i) => ({
  ...member(SAME_CAUSE[i % SAME_CAUSE.length] ?? SAME_CAUSE[0], i, resolvedEvery > 0 && i % resolvedEvery === 0 && i > 0),
  userPrincipalName: `user${i}.${long}@contoso.com`,
  displayName: `Person ${i} ${long} <b>&`,
})));

describe.each([1, 12, 500])('an alert of %i users', (n) => {
  const view = alertView(crowd(n, 7));

  it('is a Block Kit message within Slack\'s limits, naming the first users and counting the rest', () => {
    const message = alertMessage(view, 'Sandbox mode');
    expect(blockKitViolations('message', { text: message.text, blocks: message.blocks })).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('user0.');
    if (n > MAX_LISTED_USERS) expect(text).toContain(`and ${n - MAX_LISTED_USERS} more`);
  });

  it('is an Adaptive Card 1.5 within Teams\' budget, naming the first users and counting the rest', () => {
    const card = alertCard(view);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    if (n > MAX_LISTED_USERS) expect(cardText(card as never)).toContain(`and ${n - MAX_LISTED_USERS} more`);
  });
});

it('renders an alert whose users are all resolved without paths', () => {
  const view = alertView(alertOf(SAME_CAUSE.map((u, i) => member(u, i, true))));
  const message = alertMessage(view);
  expect(blockKitViolations('message', { text: message.text, blocks: message.blocks })).toEqual([]);
  expect(JSON.stringify(message.blocks)).not.toContain('path:');
  expect(message.text).toMatch(/^Resolved: /);
  const card = alertCard(view);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card.actions ?? []).toEqual([]);
});
