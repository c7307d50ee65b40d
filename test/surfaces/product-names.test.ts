// People read product names, not SKU part numbers: over every seeded scenario — its diagnosis, every plan of every
// available path (and variant), the request in every state it reaches (pending, then run to its end) — the text of
// the Slack Block Kit messages and modals, the Teams cards and the CLI output names no SKU part number whose product
// name is known. The one place a part number belongs is a step's API call or manual instruction (what an admin checks
// or types), so the steps' effects are set aside before the check, also where an outcome quotes one.
import { isLicenseDoctorError } from '../../src/core/errors.ts';
import { PRODUCT_TABLE } from '../../src/core/licensing/product-table.ts';
import type { Plan, PlanOptions } from '../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import { diagnosisView } from '../../src/core/views/diagnosis-view.ts';
import { planView } from '../../src/core/views/plan-view.ts';
import { requestView } from '../../src/core/views/request-view.ts';
import { approverView } from '../../src/core/views/approver-view.ts';
import { SCENARIOS } from '../../src/sandbox/seed.ts';
import { SKUS } from '../../src/sandbox/seed-catalog.ts';
import { formatDiagnosis } from '../../src/surfaces/cli/format-diagnosis.ts';
import { formatPlan, formatRequest } from '../../src/surfaces/cli/format-request.ts';
import { createStyle } from '../../src/surfaces/cli/style.ts';
import { diagnosisMessage } from '../../src/surfaces/slack/render-diagnosis.ts';
import { planModal } from '../../src/surfaces/slack/render-plan-modal.ts';
import { requestCard, statusMessage, threadNotice } from '../../src/surfaces/slack/render-request-card.ts';
import { approvalCard } from '../../src/surfaces/teams/approval-card.ts';
import { diagnosisCard } from '../../src/surfaces/teams/diagnosis-card.ts';
import { planPreviewCard } from '../../src/surfaces/teams/plan-card.ts';
import { statusCard } from '../../src/surfaces/teams/status-card.ts';
import { approve, ask } from '../support/request-flow.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

jest.setTimeout(120_000);

const plain = createStyle(false);
const API_CALL = '«the step\'s API call»';

// Every part number Microsoft's table names a product for, and every one the tenant subscribes to.
const PART_NUMBERS = [...new Set([...PRODUCT_TABLE.map(([, part]) => part), ...SKUS.map((s) => s.skuPartNumber)])];
const PART_PATTERN = new RegExp(`(?<![A-Za-z0-9_])(${PART_NUMBERS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_])`, 'g');

/** Slack ids and values, Teams verbs and data: machine text no person reads. */
const MACHINE_KEYS = new Set(['type', 'action_id', 'block_id', 'callback_id', 'private_metadata', 'url', 'verb', 'data', 'id', 'style', 'image_url', 'version', '$schema', 'msteams', 'refresh', 'fallback']);

/** Every string a person reads in a Block Kit payload or an Adaptive Card. */
function readable(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) readable(n, out);
  else if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node);
    // A Slack element's `value` carries ids for the server; a Teams fact's `value` is read by people.
    const slackElement = entries.some(([k]) => k === 'action_id');
    for (const [key, value] of entries) {
      if (MACHINE_KEYS.has(key) || (slackElement && key === 'value')) continue;
      readable(value, out);
    }
  }
  return out;
}

const noEffects = (plan: Plan): Plan => ({ ...plan, steps: plan.steps.map((s) => ({ ...s, effect: API_CALL })) });
/** The request with its steps' API calls set aside, also where its outcome or progress quotes a manual instruction. */
function requestNoEffects(r: LicenseRequest): LicenseRequest {
  const quoted = r.plan.steps.map((s) => s.effect.trim().replace(/\.+$/, ''));
  const mask = (text: string) => quoted.reduce((m, q) => m.replaceAll(q, API_CALL), text);
  const outcome = r.outcome ? { ...r.outcome, message: mask(r.outcome.message) } : null;
  return { ...r, plan: noEffects(r.plan), steps: r.steps.map((p) => ({ ...p, detail: p.detail === null ? null : mask(p.detail) })), outcome };
}

/** Every rendering of a request that people read. */
function requestTexts(request: LicenseRequest): Array<[string, string]> {
  const view = requestView(requestNoEffects(request));
  return [
    ['slack approval card', readable(requestCard(view)).join('\n')],
    ['slack status line', readable(statusMessage(view, 'C0APPROVALS')).join('\n')],
    ['slack thread notice', threadNotice(view)],
    ['teams approval card', readable(approvalCard(view, { refreshUserIds: null, viewer: approverView(view, { decide: true, cancel: true, retry: false }) })).join('\n')],
    ['teams status card', readable(statusCard(view)).join('\n')],
    ['cli', formatRequest(requestNoEffects(request), plain)],
  ];
}

const VARIANTS: ReadonlyArray<readonly [string, PlanOptions]> = [
  ['', DEFAULT_PLAN_OPTIONS],
  [' (service gap)', { ...DEFAULT_PLAN_OPTIONS, allowServiceGap: true }],
  [' (group variant)', { ...DEFAULT_PLAN_OPTIONS, removeLicenseFromGroup: true }],
  [' (keep Okta licenses)', { ...DEFAULT_PLAN_OPTIONS, completeOktaLicenses: false }],
];

let runtime: SandboxRuntime;
const rendered: Array<[string, string]> = [];
const add = (name: string, texts: ReadonlyArray<[string, string]>) => {
  for (const [where, text] of texts) rendered.push([`${name}: ${where}`, text]);
};

beforeAll(async () => {
  runtime = await startSandboxRuntime();
  const { services } = runtime;
  const userScoped: LicenseRequest[] = [];
  const appScoped: LicenseRequest[] = [];
  for (const scenario of SCENARIOS) {
    const upn = scenario.userPrincipalName;
    const outcome = await services.diagnose(upn).catch((err: unknown) => {
      // One scenario is a configuration error (two Office 365 instances), not a diagnosis.
      if (isLicenseDoctorError(err, 'configuration')) return null;
      throw err;
    });
    if (outcome?.kind !== 'diagnosis') continue;
    const report = outcome.diagnosis.report;
    const view = diagnosisView(report);
    add(upn, [
      ['slack diagnosis', readable(diagnosisMessage(view)).join('\n')],
      ['teams diagnosis card', readable(diagnosisCard(view)).join('\n')],
      ['cli diagnose', formatDiagnosis(report, plain)],
    ]);
    for (const remedy of report.remedies.filter((r) => r.available)) {
      for (const [variant, options] of VARIANTS) {
        let plan: Plan;
        try {
          ({ plan } = await services.planFor(outcome.diagnosis, remedy.id, options));
        } catch (err) {
          // A variant that does not apply to this user (e.g. no group to change) is not a plan to render.
          if (isLicenseDoctorError(err, 'usage')) continue;
          throw err;
        }
        const pv = planView(noEffects(plan));
        add(`${upn} ${remedy.id}${variant}`, [
          ['slack plan modal', readable(planModal(pv, { path: remedy.id, query: upn, channel: 'C0HELPDESK', threadTs: null }, view.subject ?? upn)).join('\n')],
          ['teams plan card', readable(planPreviewCard(pv, upn)).join('\n')],
          ['cli plan', formatPlan(noEffects(plan), plain)],
        ]);
      }
      // An app-wide path is one change for the whole app: after the first user's request, the others are refused as
      // "already open" (one change at a time per target), and the first one's texts stand for them.
      const request = await ask(services, { query: upn, path: remedy.id }).catch((err: unknown) => {
        if (remedy.scope === 'app' && isLicenseDoctorError(err, 'policy') && err.details.reason === 'target-busy') return null;
        throw err;
      });
      if (!request) continue;
      add(`${upn} ${remedy.id} pending`, requestTexts(request));
      (remedy.scope === 'app' ? appScoped : userScoped).push(request);
    }
  }
  // Run every user-scoped request to its end, then one app-scoped one (it turns provisioning off for everyone).
  for (const request of [...userScoped, ...appScoped.slice(0, 1)]) {
    await approve(services, request);
    await services.execute(request.id);
    await runtime.sandbox.okta.idle();
    const done = await services.get(request.id);
    if (!done) throw new Error(`request ${request.id} vanished`);
    add(`${request.target.userPrincipalName} ${request.path} ${done.status}`, requestTexts(done));
  }
});

afterAll(async () => {
  await runtime.close();
});

test('every scenario was rendered: diagnoses, plans and requests that ran to their end', () => {
  expect(rendered.filter(([name]) => name.endsWith('cli diagnose')).length).toBe(SCENARIOS.length - 1);
  expect(rendered.filter(([name]) => name.includes(' plan')).length).toBeGreaterThan(30);
  expect(rendered.some(([name]) => / succeeded: /.test(name))).toBe(true);
});

test('no rendered text names a SKU part number where the product name is known', () => {
  const found = rendered.flatMap(([name, text]) => {
    const parts = [...new Set([...text.matchAll(PART_PATTERN)].map((m) => m[1]))];
    return parts.length > 0 ? [{ name, parts, line: text.split('\n').find((l) => parts.some((p) => p !== undefined && l.includes(p))) }] : [];
  });
  expect(found).toEqual([]);
});
