// The undo of paths 2 and 3 on Teams cards: a succeeded path-2 or path-3 request's approval card and status card carry
// "Turn Okta provisioning back on" (verb `path`, the undo path and the user), valid Adaptive Cards; other requests do not.
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { requestView } from '../../../src/core/views/request-view.ts';
import { approvalCard } from '../../../src/surfaces/teams/approval-card.ts';
import { statusCard } from '../../../src/surfaces/teams/status-card.ts';
import { cardButtons, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { expectValidAdaptiveCard } from '../../fakes/validate-adaptive-card.ts';
import { requestIn } from '../../core/approval/request-factory.ts';

const succeeded = (path: LicenseRequest['path']): LicenseRequest => ({ ...requestIn('succeeded'), path });
const cards = (r: LicenseRequest): CardNode[] => {
  const view = requestView(r);
  return [approvalCard(view, { refreshUserIds: null, viewer: null }), statusCard(view)] as unknown as CardNode[];
};
const undoButtons = (card: CardNode) => cardButtons(card).filter((b) => b.verb === 'path');

test.each(['entra-owns-licenses', 'okta-workflows-profile-only'] as const)('a succeeded %s request offers the undo on both cards', (path) => {
  for (const card of cards(succeeded(path))) {
    expectValidAdaptiveCard(card);
    expect(undoButtons(card)).toEqual([expect.objectContaining({ title: 'Turn Okta provisioning back on', data: { path: 'okta-provisioning-on', query: 'adele.vance@contoso.com' } })]);
  }
});

test.each([
  ['path 1, succeeded', succeeded('okta-owns-licenses')],
  ['path 2, still running', { ...requestIn('executing'), path: 'entra-owns-licenses' as const }],
  ['path 2, failed', { ...requestIn('failed'), path: 'entra-owns-licenses' as const }],
  ['the undo itself, succeeded', succeeded('okta-provisioning-on')],
])('%s: no undo', (_case, request) => {
  for (const card of cards(request)) expect(undoButtons(card)).toEqual([]);
});
