// A new step kind is one module: the fixture (test/fixtures/steps/) is registered in a step table, a plan carries its
// step, and the executor performs it like any built-in kind (found not done first, written once under the lease,
// journaled, read back, found done after), while the CLI's JSON and the chat's plan view describe it from its texts.
import { executeRequest } from '../../src/app/execute-request.ts';
import { diagnoseUser } from '../../src/app/diagnose-user.ts';
import { previewPlan } from '../../src/app/preview-plan.ts';
import { resolveActor } from '../../src/app/resolve-actor.ts';
import { newRequest } from '../../src/core/approval/new-request.ts';
import type { Diagnosis, DiagnosisInput } from '../../src/core/model/diagnosis.ts';
import type { Plan } from '../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import { numberSteps } from '../../src/core/plans/number-steps.ts';
import { planSubject } from '../../src/core/plans/plan-subject.ts';
import { stepState } from '../../src/core/plans/step-state.ts';
import { STEP_KINDS, withStepKinds } from '../../src/core/steps/step-table.ts';
import { planView } from '../../src/core/views/plan-view.ts';
import { planJson, requestJson } from '../../src/surfaces/cli/request-json.ts';
import { setAppUserAttribute, setAppUserAttributeStep } from '../fixtures/steps/okta-set-app-user-attribute.ts';
import { AGENT, approve } from '../support/request-flow.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';
import { clearCalls, planWrites, sandboxWrites } from '../support/vendor-writes.ts';

const GRADY = 'grady.archie@contoso.com';
const TABLE = withStepKinds(STEP_KINDS, setAppUserAttribute);
const LONG_AGO = new Date(0).toISOString();

let rt: SandboxRuntime;
beforeAll(async () => {
  rt = await startSandboxRuntime();
});
afterAll(() => rt.close());

async function live(): Promise<DiagnosisInput> {
  const outcome = await diagnoseUser(rt.services.deps.diagnose, GRADY);
  if (outcome.kind !== 'diagnosis') throw new Error(outcome.message);
  return outcome.diagnosis.input;
}

/** Path 2 for Grady with the fixture's step after provisioning is turned off: s1 deactivate, s2 the new kind, s3 verify. */
async function planWithNewStep(): Promise<{ diagnosis: Diagnosis; plan: Plan }> {
  const { diagnosis, plan } = await previewPlan(rt.services.deps, GRADY, 'entra-owns-licenses', DEFAULT_PLAN_OPTIONS);
  const s = planSubject(diagnosis);
  if (s === null) throw new Error('Grady has a plan subject');
  const [first, ...rest] = plan.steps.map(({ id: _id, ...draft }) => draft);
  if (!first) throw new Error('path 2 has steps');
  return { diagnosis, plan: { ...plan, steps: numberSteps([first, setAppUserAttributeStep(s, 'department', 'Licensing pilot'), ...rest]) } };
}

/** A pending request for `plan`, approved (path 2 needs two approvals). */
async function approvedRequest(id: string, diagnosis: Diagnosis, plan: Plan) {
  const user = diagnosis.report.user;
  if (!user) throw new Error('Grady was found');
  const deps = rt.services.deps;
  const created = newRequest({
    id, plan, requestedBy: await resolveActor(deps.diagnose.entra, AGENT), reason: 'Test: a new step kind', removalAcknowledged: true,
    target: { userPrincipalName: user.userPrincipalName, displayName: user.displayName, entraObjectId: user.entraObjectId, oktaUserId: user.oktaUserId, appId: diagnosis.report.okta?.appId ?? null },
    now: new Date().toISOString(), ttlHours: 24,
  });
  if (created.kind !== 'created') throw new Error(created.message);
  await deps.requests.create(created.request, { audit: created.audit });
  await approve(rt.services, created.request);
  return created.request;
}

test('a process that does not know the kind refuses the plan whole, before any write', async () => {
  const { diagnosis, plan } = await planWithNewStep();
  const step = plan.steps[1];
  if (!step) throw new Error('the plan has the new step');
  expect(() => stepState(step, diagnosis.input, LONG_AGO)).toThrow(/kind okta-set-app-user-attribute, which this version of License Doctor does not know/);
  const request = await approvedRequest('unknown-step-kind-1', diagnosis, plan);
  clearCalls(rt.sandbox);
  const ended = await executeRequest(rt.services.deps, request.id);
  expect(ended?.status).toBe('failed');
  expect(ended?.outcome?.message).toBe('Nothing was changed: step s2 is of kind okta-set-app-user-attribute, which this version of License Doctor does not know. Run the version that made the plan, or request a new plan.');
  expect(sandboxWrites(rt.sandbox)).toEqual([]);
});

test('the executor performs a step kind registered from one module, and every view describes it', async () => {
  const deps = { ...rt.services.deps, stepKinds: TABLE };
  const { diagnosis, plan } = await planWithNewStep();
  expect(plan.steps.map((s) => s.action.kind)).toEqual(['okta-deactivate-provisioning', 'okta-set-app-user-attribute', 'verify']);
  const step = plan.steps[1];
  if (!step) throw new Error('the plan has the new step');
  expect(step.automatic).toBe(true);
  expect(stepState(step, await live(), LONG_AGO, TABLE)).toBe('not-done');
  const request = await approvedRequest('new-step-kind-1', diagnosis, plan);
  clearCalls(rt.sandbox);

  const done = await executeRequest(deps, request.id);
  expect(done).toMatchObject({ status: 'succeeded' });
  await rt.sandbox.okta.idle();
  // Every write of the plan reached the tenant once, the new kind's included, in order.
  expect(sandboxWrites(rt.sandbox)).toEqual(planWrites(plan, undefined, TABLE));
  expect(stepState(step, await live(), LONG_AGO, TABLE)).toBe('done');
  const journal = (await deps.executionStore.journal(request.id)).filter((j) => j.stepId === 's2');
  expect(journal).toEqual([expect.objectContaining({ attempt: 1, status: 'succeeded', detail: "department of Grady Archie is 'Licensing pilot' in Okta" })]);
  expect(journal[0]?.vendorRequestIds.length).toBe(1);

  // The CLI's JSON and the chat's plan view show the kind's own texts and its progress.
  expect(planJson(plan).steps[1]).toEqual({
    id: 's2', kind: 'okta-set-app-user-attribute', title: step.title, automatic: true, precondition: step.precondition, effect: step.effect, verification: step.verification,
  });
  expect(step.title).toMatch(/^Set department of .+'s .+ profile in Okta to 'Licensing pilot'$/);
  if (!done) throw new Error('the execution ended');
  expect(requestJson(done).plan.steps[1]).toEqual({
    id: 's2', kind: 'okta-set-app-user-attribute', title: step.title, automatic: true, status: 'succeeded', detail: "department of Grady Archie is 'Licensing pilot' in Okta",
  });
  expect(planView(done.plan, done.steps).steps[1]).toMatchObject({ n: 2, title: step.title, effect: step.effect, automatic: true, status: 'succeeded' });
});
