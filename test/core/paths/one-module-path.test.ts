// A path is one module (issue 13): the fixture path, registered here and changing no source file, is offered by the
// diagnosis, builds its plan with its declared option, and has its labels in the views; its options are checked.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import { allPaths, isPathId, registerPath } from '../../../src/core/paths/path-registry.ts';
import { assessCapabilities, missingForExecution } from '../../../src/core/permissions/capabilities.ts';
import { buildPlan } from '../../../src/core/plans/build-plan.ts';
import { diagnosisView } from '../../../src/core/views/diagnosis-view.ts';
import { planView } from '../../../src/core/views/plan-view.ts';
import { diagnosisInput } from '../../factories/diagnosis-input.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { oktaPushAgain, pushWhen, REPUSH_PATH } from '../../fixtures/paths/okta-repush-path.ts';
import { CONTEXT, diagnosisOf, planOf, reasonOf } from '../plans/plan-fixtures.ts';

registerPath(oktaPushAgain);

test('the registered path joins the table after the built-in ones', () => {
  expect(allPaths().map((p) => p.id)).toEqual(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only', 'okta-provisioning-on', REPUSH_PATH]);
  expect(isPathId(REPUSH_PATH)).toBe(true);
  expect(() => registerPath(oktaPushAgain)).toThrow(/already registered/);
  expect(() => registerPath({ ...oktaPushAgain, id: 'another', options: [{ ...pushWhen, flag: 'allow-gap' }] })).toThrow(/--allow-gap already stands for allowServiceGap/);
});

test("the diagnosis' remedies offer it on a conflict, and its button carries its label", () => {
  const report = diagnose(diagnosisInput());
  expect(report.verdict).toBe('group-inherited-license-conflict');
  expect(report.remedies.map((r) => r.id)).toEqual(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only', REPUSH_PATH]);
  expect(report.remedies.at(-1)).toEqual({ id: REPUSH_PATH, available: true, scope: 'user', approvalsRequired: 1, reason: 'Only asks Okta to push Adele Vance again' });
  expect(diagnosisView(report).paths.at(-1)).toEqual({
    path: REPUSH_PATH, label: 'Ask Okta to push again', available: true, note: 'Only asks Okta to push Adele Vance again', approvals: 'user scope · 1 approval',
  });
});

test('not offered without a conflict', () => {
  const report = diagnose(diagnosisInput({ okta: { appUser: null, pushFailures: [] } }));
  expect(report.verdict).toBe('not-managed-by-okta');
  expect(report.remedies).toEqual([]);
});

test('its plan is built with its option (the default, or the value asked for)', () => {
  const d = diagnosisOf();
  // planOf sends path 1's defaults too, as callers that send a full set do: they are ignored at their defaults.
  const plan = planOf(d, REPUSH_PATH);
  expect(plan.path).toBe(REPUSH_PATH);
  expect(plan.steps.map((s) => s.action.kind)).toEqual(['okta-repush', 'verify']);
  expect(plan.options).toEqual({ ...DEFAULT_PLAN_OPTIONS, pushWhen: 'now' });
  expect(buildPlan(d, REPUSH_PATH, {}, CONTEXT)).toMatchObject({ kind: 'plan', plan: { options: { pushWhen: 'now' } } });
  const result = buildPlan(d, REPUSH_PATH, { pushWhen: 'out-of-hours' }, CONTEXT);
  expect(result.kind === 'plan' && result.plan.options).toEqual({ pushWhen: 'out-of-hours' });
  expect(result.kind === 'plan' && result.plan.summary).toBe('Ask Okta to push Adele Vance again (out-of-hours).');
  expect(result.kind === 'plan' && planView(result.plan)).toMatchObject({
    title: 'Okta pushes again (a test fixture)',
    options: [{ kind: 'choice', name: 'pushWhen', label: 'When Okta pushes', value: 'out-of-hours', choices: [{ value: 'now', label: 'Now' }, { value: 'out-of-hours', label: 'Out of hours' }] }],
  });
});

test("`check` lists what executing it needs, and an execution is refused without it", () => {
  const granted = { graphRoles: ['User.Read.All', 'GroupMember.Read.All', 'Organization.Read.All'], oktaScopes: ['okta.users.read', 'okta.apps.read', 'okta.schemas.read', 'okta.logs.read'] };
  expect(assessCapabilities(granted).map((l) => [l.id, l.ok])).toEqual([
    ['diagnose', true], ['plan', false], ['execute:okta-owns-licenses', false], ['execute:entra-owns-licenses', false],
    ['execute:okta-workflows-profile-only', false], [`execute:${REPUSH_PATH}`, false],
  ]);
  expect(missingForExecution(granted, REPUSH_PATH)).toMatch(/Missing: Okta okta\.apps\.manage/);
  expect(missingForExecution({ ...granted, oktaScopes: [...granted.oktaScopes, 'okta.apps.manage'] }, REPUSH_PATH)).toBeNull();
});

test('options that do not fit are refused, naming why', () => {
  const d = diagnosisOf();
  expect(reasonOf(d, REPUSH_PATH, { allowServiceGap: true })).toBe('allowServiceGap only apply to okta-owns-licenses; okta-push-again takes pushWhen.');
  expect(buildPlan(d, REPUSH_PATH, { pushWhen: 'tomorrow' }, CONTEXT)).toEqual({ kind: 'not-applicable', reason: 'pushWhen must be now, out-of-hours (got "tomorrow").' });
  expect(buildPlan(d, REPUSH_PATH, { colour: 'red' }, CONTEXT)).toEqual({ kind: 'not-applicable', reason: 'Unknown plan option colour: okta-push-again takes pushWhen.' });
  expect(buildPlan(d, 'okta-owns-licenses', { pushWhen: 'now' }, CONTEXT).kind).toBe('plan');
  expect(reasonOf(d, 'okta-owns-licenses', { pushWhen: 'out-of-hours' })).toBe('pushWhen only apply to okta-push-again; okta-owns-licenses takes allowServiceGap, removeLicenseFromGroup, completeOktaLicenses.');
});
