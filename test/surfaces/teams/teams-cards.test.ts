// The Teams card renderers, table-driven over real views: every seeded scenario's diagnosis and each available
// path's plan (from the sandbox tenant), requests in every status for every audience, and oversized views. Every
// card must be a valid Adaptive Card 1.5 for the official parser and the 1.5 schema, within Teams' size limit.
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import type { PlanOptions } from '../../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { REQUEST_STATUSES } from '../../../src/core/model/request.ts';
import { diagnosisView } from '../../../src/core/views/diagnosis-view.ts';
import { planView } from '../../../src/core/views/plan-view.ts';
import { requestView } from '../../../src/core/views/request-view.ts';
import { approverView } from '../../../src/core/views/approver-view.ts';
import type { DiagnosisView, PlanView, RequestView } from '../../../src/core/views/view-model.ts';
import { SCENARIOS } from '../../../src/sandbox/seed.ts';
import { approvalCard } from '../../../src/surfaces/teams/approval-card.ts';
import { CARD_BUDGET_BYTES, cardBytes } from '../../../src/surfaces/teams/card-budget.ts';
import { diagnosisCard } from '../../../src/surfaces/teams/diagnosis-card.ts';
import { planPreviewCard } from '../../../src/surfaces/teams/plan-card.ts';
import { statusCard } from '../../../src/surfaces/teams/status-card.ts';
import { requestIn } from '../../core/approval/request-factory.ts';
import { button, cardButtons, cardInputs, cardText, cardVerbs, fact, type CardNode } from '../../fakes/adaptive-card-query.ts';
import { adaptiveCardProblems } from '../../fakes/validate-adaptive-card.ts';
import { startTestApp, type TestApp } from '../../support/start-test-app.ts';

const node = (card: unknown): CardNode => card as CardNode;

const VARIANTS: readonly (readonly [string, PlanOptions])[] = [
  ['', DEFAULT_PLAN_OPTIONS],
  [' (service gap)', { ...DEFAULT_PLAN_OPTIONS, allowServiceGap: true }],
  [' (group variant)', { ...DEFAULT_PLAN_OPTIONS, removeLicenseFromGroup: true }],
];

let app: TestApp;
const diagnoses = new Map<string, DiagnosisView>();
const plans: [string, PlanView][] = [];

beforeAll(async () => {
  app = await startTestApp();
  for (const scenario of SCENARIOS) {
    // One scenario is a configuration error (two Office 365 instances), not a diagnosis.
    const outcome = await app.runtime.services.diagnose(scenario.userPrincipalName).catch((err: unknown) => {
      if (isLicenseDoctorError(err, 'configuration')) return null;
      throw err;
    });
    if (outcome?.kind !== 'diagnosis') continue;
    const view = diagnosisView(outcome.diagnosis.report);
    diagnoses.set(scenario.userPrincipalName, view);
    for (const remedy of outcome.diagnosis.report.remedies.filter((r) => r.available)) {
      for (const [variant, options] of VARIANTS) {
        try {
          const { plan } = await app.runtime.services.planFor(outcome.diagnosis, remedy.id, options);
          plans.push([`${scenario.userPrincipalName} ${remedy.id}${variant}`, planView(plan)]);
        } catch (err) {
          // A variant that does not apply to this user (e.g. no group to change) is not a plan to render.
          if (!isLicenseDoctorError(err, 'usage')) throw err;
        }
      }
    }
  }
});

afterAll(async () => {
  await app.close();
});

describe('diagnosis card', () => {
  test.each(SCENARIOS.map((s) => [s.userPrincipalName, s.title] as const))('%s (%s) is a valid card with a button per available path', (upn) => {
    const view = diagnoses.get(upn);
    if (!view) return expect(SCENARIOS.find((s) => s.userPrincipalName === upn)?.verdict).toBeNull();
    const card = node(diagnosisCard(view));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(view.headline);
    const available = view.paths.filter((p) => p.available).map((p) => p.path);
    expect(cardButtons(card).filter((b) => b.verb === 'path').map((b) => b.data.path)).toEqual(available);
    expect(button(card, 'recheck').data).toEqual({ query: upn });
    for (const b of cardButtons(card)) {
      expect(b.type).toBe('Action.Execute');
      expect(b.fallback).toMatchObject({ type: 'Action.Submit', data: { ...b.data, verb: b.verb } });
    }
  });

  test('pasted text without a user: no paths, and no Re-check carrying 60 KB of text', () => {
    const view: DiagnosisView = {
      headline: 'No user named in the text', verdict: 'user-not-identified', tone: 'neutral', subject: null, licenses: [], okta: null,
      explanation: 'The error text names no user.', paths: [], recheckQuery: 'x'.repeat(60_000), sandbox: false,
    };
    const card = node(diagnosisCard(view));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardVerbs(card)).toEqual([]);
  });

  test('hundreds of license rows are summarised by whole rows to fit Teams\' limit', () => {
    const base = [...diagnoses.values()][0];
    if (!base) throw new Error('no diagnosis');
    const licenses = Array.from({ length: 600 }, (_, i) => ({ product: `Product ${i} with a rather long display name`, via: `group: Licensing group number ${i} (dynamic)`, state: 'ActiveWithError (CountViolation)', tone: 'attention' as const }));
    const card = node(diagnosisCard({ ...base, licenses, explanation: 'Why. '.repeat(2000) }));
    expect(cardBytes(card as never)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/…and \d+ more license rows/);
    expect(cardText(card)).toContain('Product 0 with');
  });
});

describe('plan preview card', () => {
  test('the sandbox has plans to preview', () => {
    expect(plans.length).toBeGreaterThan(10);
  });

  // One test over every plan: the table is only known once the sandbox has answered.
  test('every plan of every scenario, each variant, is a valid preview with the request inputs', () => {
    for (const [name, view] of plans) {
      const card = node(planPreviewCard(view, 'someone@contoso.com'));
      expect({ name, problems: adaptiveCardProblems(card) }).toEqual({ name, problems: [] });
      const inputs = cardInputs(card).map((i) => [i.id, i.type]);
      expect(inputs).toContainEqual(['justification', 'Input.Text']);
      expect({ name, acknowledgement: inputs.some(([id]) => id === 'acknowledgeRemoval') }).toEqual({ name, acknowledgement: view.removalNeedsAcknowledgement });
      expect(button(card, 'request').data).toEqual({ path: view.path, query: 'someone@contoso.com' });
      expect(button(card, 'recheck').data).toEqual({ query: 'someone@contoso.com' });
      expect(cardText(card)).toContain(view.title);
    }
  });

  test('a plan that removes licenses asks for the acknowledgement toggle', () => {
    const removing = plans.find(([, v]) => v.removalNeedsAcknowledgement);
    const view: PlanView = removing?.[1] ?? { ...(plans[0]?.[1] as PlanView), removalNeedsAcknowledgement: true };
    const toggle = cardInputs(node(planPreviewCard(view, 'a@contoso.com'))).find((i) => i.id === 'acknowledgeRemoval');
    expect(toggle).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', isRequired: true });
  });
});

describe('request cards', () => {
  const audiences = [
    ['everyone', null],
    ['an approver', { decide: true, cancel: true, retry: true }],
    ['the requester', { decide: false, cancel: true, retry: true }],
  ] as const;

  test.each(REQUEST_STATUSES.flatMap((status) => audiences.map(([who, viewer]) => [status, who, viewer] as const)))(
    'approval card, %s, for %s',
    (status, _who, viewer) => {
      const view = requestView(requestIn(status));
      const card = node(approvalCard(view, { refreshUserIds: ['29:a', '29:b'], viewer: viewer && approverView(view, viewer) }));
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(fact(card, 'Status')).toBe(status);
      const verbs = cardVerbs(card);
      expect(verbs.includes('approve')).toBe(viewer?.decide === true && status === 'pending');
      expect(verbs.includes('reject')).toBe(viewer?.decide === true && status === 'pending');
      expect(verbs.includes('cancel')).toBe(viewer?.cancel === true && view.actions.cancel);
      expect(verbs.includes('retry')).toBe(viewer?.retry === true && status === 'failed');
      expect(cardInputs(card).some((i) => i.id === 'reason')).toBe(viewer?.decide === true && status === 'pending');
      // Only a request someone can still act on (decide, cancel, retry a failed plan) asks Teams to refresh it.
      expect(card.refresh !== undefined).toBe(status === 'pending' || status === 'approved' || status === 'failed');
      if (card.refresh) expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { requestId: view.id } }, userIds: ['29:a', '29:b'] });
    },
  );

  test.each(REQUEST_STATUSES)('status card, %s', (status) => {
    const view = requestView(requestIn(status));
    const card = node(statusCard(view, status === 'pending' ? 'No approvals channel is configured.' : undefined));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(fact(card, 'Request')).toBe(view.id);
    expect(cardVerbs(card).includes('cancel')).toBe(view.actions.cancel);
    expect(cardVerbs(card).includes('recheck')).toBe(view.actions.recheck);
    expect(cardVerbs(card).includes('retry')).toBe(status === 'failed');
    expect(fact(card, 'Expires') !== null).toBe(status === 'pending');
  });

  test('without known members, the refresh asks Teams to decide (no userIds); never more than 60', () => {
    const view = requestView(requestIn('pending'));
    expect(node(approvalCard(view, { refreshUserIds: null, viewer: null })).refresh).not.toHaveProperty('userIds');
    const many = Array.from({ length: 100 }, (_, i) => `29:user-${i}`);
    expect((node(approvalCard(view, { refreshUserIds: many, viewer: null })).refresh as { userIds: string[] }).userIds).toHaveLength(60);
  });

  test('a plan with hundreds of steps and a long reason still fits', () => {
    const view: RequestView = requestView(requestIn('executing'));
    const steps = Array.from({ length: 400 }, (_, i) => ({ n: i + 1, title: `Remove user ${i} from a licensing group with a long name`, automatic: true, effect: 'DELETE /v1.0/groups/x/members/y/$ref', status: 'succeeded' as const, detail: 'removed' }));
    const big: RequestView = { ...view, reason: 'because '.repeat(500), plan: { ...view.plan, steps } };
    for (const card of [approvalCard(big, { refreshUserIds: null, viewer: null }), statusCard(big)]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(cardText(node(card))).toMatch(/…and \d+ more steps/);
    }
  });
});
