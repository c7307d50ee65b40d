// Synthetic views, from ordinary to absurd (40 license rows, 60 steps, kilobytes of prose, markup characters), for the
// Block Kit renderers' limit tests.
import type { DiagnosisView, LicenseRowView, PlanView, RequestView, StepView } from '../../../src/core/views/view-model.ts';

export const UPN = 'adele.vance@contoso.com';

export function licenseRows(n: number, productWidth = 20): LicenseRowView[] {
  return Array.from({ length: n }, (_, i) => ({
    product: `Product ${i} <${'P'.repeat(productWidth)}> & co`,
    via: i % 2 === 0 ? 'direct' : `group: Licensing group ${i} (dynamic)`,
    state: i % 5 === 0 ? 'ActiveWithError (CountViolation)' : 'Active',
    tone: i % 5 === 0 ? 'attention' : 'good',
  }));
}

export function diagnosisFixture(overrides: Partial<DiagnosisView> = {}): DiagnosisView {
  return {
    headline: 'Adele Vance: Okta and an Entra ID group both manage Microsoft 365 E3 — Okta\'s pushes fail',
    verdict: 'group-inherited-license-conflict',
    tone: 'attention',
    subject: `Adele Vance · ${UPN}`,
    licenses: licenseRows(2),
    okta: 'Okta: provisioning enabled · sync ERROR · assigned directly · holds no licenses',
    explanation: 'Okta\'s last push tried to remove Microsoft 365 E3. Microsoft refuses to remove a group-inherited license directly.',
    paths: [
      { path: 'okta-owns-licenses', label: 'Okta owns licenses', available: true, note: null, approvals: 'user scope · 1 approval' },
      { path: 'entra-owns-licenses', label: 'Entra ID owns licenses', available: true, note: 'Turns off provisioning for every user', approvals: 'app scope · 2 approvals' },
      { path: 'okta-workflows-profile-only', label: 'Okta Workflows for profiles', available: false, note: 'No Okta Workflows flow is configured.', approvals: 'app scope · 2 approvals' },
    ],
    recheckQuery: UPN,
    sandbox: true,
    ...overrides,
  };
}

function steps(n: number, detailWidth = 40): StepView[] {
  return Array.from({ length: n }, (_, i) => ({
    n: i + 1,
    title: `Step ${i + 1}: change <thing> & check`,
    automatic: i % 3 !== 2,
    effect: `POST /v1.0/users/${i}/assignLicense with {"addLicenses":[${'"x",'.repeat(detailWidth)}]}`,
    status: i === 0 ? 'succeeded' : i === 1 ? 'running' : 'pending',
    detail: i < 2 ? `detail ${'d'.repeat(detailWidth)}` : null,
  }));
}

export function planFixture(overrides: Partial<PlanView> = {}): PlanView {
  return {
    path: 'okta-owns-licenses',
    title: 'Okta owns the licenses (KB path 1)',
    summary: 'Make Okta the only source of Adele Vance\'s licenses.',
    scope: 'user',
    blastRadius: `One user: ${UPN}`,
    approvals: '1 approval',
    licenses: [{ product: 'Microsoft 365 E3', before: 'group Licensing - Microsoft 365 E3', after: 'direct (Okta holds it)', removed: false }],
    steps: steps(5),
    warnings: ['Leaving the group may also remove other access.'],
    alternatives: ['Remove the license from the group itself.'],
    removalNeedsAcknowledgement: false,
    needsManualSteps: false,
    ...overrides,
  };
}

export function requestFixture(overrides: Partial<RequestView> = {}): RequestView {
  return {
    id: 'LD-7K3F-9QX2',
    status: 'pending',
    tone: 'warning',
    title: 'Adele Vance — Okta owns the licenses',
    statusLine: 'Waiting for 1 approval (0 of 1); expires 2026-11-28 10:00 UTC',
    requestedBy: 'Allan Deyoung',
    reason: 'INC0012345: Okta pushes fail',
    approvals: '0 of 1',
    plan: planFixture(),
    outcome: null,
    expiresAt: '2026-11-28T10:00:00.000Z',
    actions: { approve: true, reject: true, cancel: true, recheck: false, retry: false },
    followUp: null,
    ...overrides,
  };
}

/** An absurdly large plan: every list long, every text long. */
export function hugePlan(): PlanView {
  return planFixture({
    summary: 'A sentence of the summary, long enough. '.repeat(200),
    licenses: Array.from({ length: 40 }, (_, i) => ({ product: `Product ${i} ${'L'.repeat(60)}`, before: `group G${i} ${'b'.repeat(80)}`, after: 'direct', removed: i % 4 === 0 })),
    steps: steps(60, 400),
    warnings: Array.from({ length: 20 }, (_, i) => `Warning ${i}: ${'w'.repeat(300)}`),
    alternatives: Array.from({ length: 10 }, (_, i) => `Alternative ${i}: ${'a'.repeat(500)}`),
    removalNeedsAcknowledgement: true,
    needsManualSteps: true,
  });
}
