// Path 1's options on the Teams preview card (and so the demo page): a toggle per variant set to the previewed value,
// "Show this variant", and for the gap in service a required confirmation that the request action carries.
import { planView } from '../../../src/core/views/plan-view.ts';
import { planPreviewCard } from '../../../src/surfaces/teams/plan-card.ts';
import { parseTeamsAction } from '../../../src/surfaces/teams/teams-action.ts';
import { button, cardInputs, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { diagnosisOf, planOf } from '../../core/plans/plan-fixtures.ts';

const card = (o: Parameters<typeof planOf>[2]) => planPreviewCard(planView(planOf(diagnosisOf(), 'okta-owns-licenses', o)), 'adele.vance@contoso.com') as unknown as CardNode;

test('a toggle per path 1 option, set to the plan it previews, and Show this variant', () => {
  const c = card({ removeLicenseFromGroup: true });
  expect(adaptiveCardProblems(c)).toEqual([]);
  expect(cardInputs(c).filter((i) => String(i.id).startsWith('option:')).map((i) => [i.id, i.type, i.value])).toEqual([
    ['option:allowServiceGap', 'Input.Toggle', 'false'],
    ['option:removeLicenseFromGroup', 'Input.Toggle', 'true'],
    ['option:completeOktaLicenses', 'Input.Toggle', 'true'],
  ]);
  expect(button(c, 'path').data).toEqual({ path: 'okta-owns-licenses', query: 'adele.vance@contoso.com' });
  expect(cardInputs(c).some((i) => i.id === 'acknowledgeVariant')).toBe(false);
});

test('the gap in service asks for its confirmation, which the request action carries as the acknowledgement', () => {
  const c = card({ allowServiceGap: true });
  expect(adaptiveCardProblems(c)).toEqual([]);
  expect(cardInputs(c).find((i) => i.id === 'acknowledgeVariant')).toMatchObject({ type: 'Input.Toggle', isRequired: true, label: expect.stringContaining('confirm the gap in service') });
  const sent = { path: 'okta-owns-licenses', query: 'a@contoso.com', justification: 'INC1', acknowledgeVariant: 'true', 'option:allowServiceGap': 'true' };
  expect(parseTeamsAction('request', sent)).toEqual({
    verb: 'request', path: 'okta-owns-licenses', query: 'a@contoso.com', justification: 'INC1', acknowledgeRemoval: true, options: { allowServiceGap: 'true' },
  });
});
