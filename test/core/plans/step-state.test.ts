// stepState: for each step kind, the live state in which its effect is there (done) and not yet (not-done).
import type { DiagnosisInput } from '../../../src/core/model/diagnosis.ts';
import type { PlanStep, PlanStepKind } from '../../../src/core/model/plan.ts';
import { stepState } from '../../../src/core/plans/step-state.ts';
import {
  E3_GROUP, GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, hoursAgo, pushFailure, type InputOverrides,
} from '../../factories/diagnosis-input.ts';
import { SITUATIONS, contextFor, diagnosisOf, planOf, type Situation } from './plan-fixtures.ts';

const SINCE = hoursAgo(1);

function stepOf(kind: PlanStepKind, situation: Situation = 'assigned group, blank Okta (the KB case)', path: Parameters<typeof planOf>[1] = 'okta-owns-licenses', o = {}, context = {}): PlanStep {
  const plan = planOf(diagnosisOf(SITUATIONS[situation]), path, o, { ...contextFor(situation), ...context });
  const step = plan.steps.find((s) => s.action.kind === kind);
  if (!step) throw new Error(`no ${kind} step in ${path} for ${situation}`);
  return step;
}

const live = (o: InputOverrides): DiagnosisInput => diagnosisInput(o);
const withPaths = (...paths: ReturnType<typeof directPath>[]) => entraUser({ licenseAssignmentStates: paths });
const synced = (hours: number, licenses: unknown = ['SPE_E3']) => appUser(licenses, { syncState: 'SYNCHRONIZED', lastSync: hoursAgo(hours) });

type Case = [string, PlanStep, DiagnosisInput, 'done' | 'not-done'];

const setLicenses = stepOf('okta-set-user-licenses');
const groupAssignment = stepOf('manual-okta-group-assignment', 'Okta group assignment (scope GROUP)');
const direct = stepOf('graph-assign-direct-license');
const removeMember = stepOf('graph-remove-group-member');
const manualMember = stepOf('manual-group-membership', 'dynamic group');
const removeGroupLicense = stepOf('graph-remove-group-license', 'assigned group, blank Okta (the KB case)', 'okta-owns-licenses', { removeLicenseFromGroup: true });
const repush = stepOf('okta-repush');
const deactivate = stepOf('okta-deactivate-provisioning', 'assigned group, blank Okta (the KB case)', 'entra-owns-licenses');
const invoke = stepOf('workflows-invoke', 'assigned group, blank Okta (the KB case)', 'okta-workflows-profile-only', {}, { workflowsConfigured: true });
const buildFlow = stepOf('manual-build-workflows-flow', 'assigned group, blank Okta (the KB case)', 'okta-workflows-profile-only');
const verifyOne = stepOf('verify');
const verifyTwo = stepOf('verify', 'assigned group, blank Okta (the KB case)', 'entra-owns-licenses');

const OFF = { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' } as const;
const DONE_PATH_1 = { user: withPaths(directPath(SKU_ID.SPE_E3)), groups: [], okta: { appUser: synced(0.5), pushFailures: [pushFailure(2)] } } satisfies InputOverrides;

const CASES: Case[] = [
  ['okta-set-user-licenses: Okta holds the values', setLicenses, live({ okta: { appUser: appUser(['SPE_E3']) } }), 'done'],
  ['okta-set-user-licenses: values compared case-insensitively, extra values allowed', setLicenses, live({ okta: { appUser: appUser(['spe_e3', 'ENTERPRISEPACK']) } }), 'done'],
  ['okta-set-user-licenses: Okta still holds nothing', setLicenses, live({}), 'not-done'],
  ['okta-set-user-licenses: no app user', setLicenses, live({ okta: { appUser: null } }), 'not-done'],
  ['manual-okta-group-assignment: the user now gets the added value', groupAssignment, live({ okta: { appUser: appUser(['ENTERPRISEPACK', 'SPE_E3'], { scope: 'GROUP' }) } }), 'done'],
  ['manual-okta-group-assignment: not yet', groupAssignment, live({ okta: { appUser: appUser(['ENTERPRISEPACK'], { scope: 'GROUP' }) } }), 'not-done'],
  ['graph-assign-direct-license: a direct path exists', direct, live({ user: withPaths(directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)) }), 'done'],
  ['graph-assign-direct-license: only the group path', direct, live({}), 'not-done'],
  ['graph-assign-direct-license: a direct path in state Error grants nothing', direct, live({ user: withPaths(directPath(SKU_ID.SPE_E3, { state: 'Error', error: 'CountViolation' })) }), 'not-done'],
  ['graph-remove-group-member: no path from the group', removeMember, live({ user: withPaths(directPath(SKU_ID.SPE_E3)), groups: [] }), 'done'],
  ['graph-remove-group-member: the group path is still there', removeMember, live({ user: withPaths(directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)) }), 'not-done'],
  ['graph-remove-group-member: a failing path from the group still counts', removeMember, live({ user: withPaths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3, { state: 'Error', error: 'CountViolation' })) }), 'not-done'],
  ['graph-remove-group-member: no user read', removeMember, live({ user: null }), 'not-done'],
  ['manual-group-membership: no path from the dynamic group', manualMember, live({ user: withPaths(directPath(SKU_ID.SPE_E3)), groups: [] }), 'done'],
  ['manual-group-membership: still a member', manualMember, live({ user: withPaths(groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)), groups: [entraGroup(GROUP_ID.SALES, 'Sales')] }), 'not-done'],
  ['graph-remove-group-license: the group lacks the SKU (licensing not applied yet)', removeGroupLicense,
    live({ user: withPaths(groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)), groups: [entraGroup(GROUP_ID.E3, 'Licensing - Microsoft 365 E3', {}, [])] }), 'done'],
  ['graph-remove-group-license: the path is gone', removeGroupLicense, live({ user: withPaths(directPath(SKU_ID.SPE_E3)), groups: [] }), 'done'],
  ['graph-remove-group-license: the group still has it', removeGroupLicense, live({ groups: [E3_GROUP] }), 'not-done'],
  ['okta-repush: synchronized after `since`', repush, live({ okta: { appUser: synced(0.5) } }), 'done'],
  ['okta-repush: synchronized before `since`', repush, live({ okta: { appUser: synced(2) } }), 'not-done'],
  ['okta-repush: still in error', repush, live({ okta: { appUser: appUser(['SPE_E3'], { syncState: 'ERROR', lastSync: hoursAgo(0.5) }) } }), 'not-done'],
  ['okta-repush: a garbled lastSync', repush, live({ okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED', lastSync: 'yesterday' }) } }), 'not-done'],
  ['okta-deactivate-provisioning: connection DISABLED', deactivate, live({ okta: { provisioning: OFF } }), 'done'],
  ['okta-deactivate-provisioning: connection ENABLED', deactivate, live({}), 'not-done'],
  ['workflows-invoke: nothing observable, always run', invoke, live({ workflowsConfigured: true }), 'not-done'],
  ['manual-build-workflows-flow: a flow is configured now', buildFlow, live({ workflowsConfigured: true }), 'done'],
  ['manual-build-workflows-flow: still no flow', buildFlow, live({ workflowsConfigured: false }), 'not-done'],
  ['verify (path 1): direct license, no group path, a push after `since`', verifyOne, live(DONE_PATH_1), 'done'],
  ['verify (path 1): the group path is still there', verifyOne, live({ ...DONE_PATH_1, user: withPaths(directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)), groups: [E3_GROUP] }), 'not-done'],
  ['verify (path 1): the license is gone', verifyOne, live({ ...DONE_PATH_1, user: withPaths() }), 'not-done'],
  ['verify (path 1): a push failure after the sync', verifyOne, live({ ...DONE_PATH_1, okta: { appUser: synced(0.5), pushFailures: [pushFailure(0.25)] } }), 'not-done'],
  ['verify (path 1): no push since the plan ran', verifyOne, live({ ...DONE_PATH_1, okta: { appUser: synced(3) } }), 'not-done'],
  ['verify (path 2): provisioning off, licenses kept', verifyTwo, live({ okta: { provisioning: OFF } }), 'done'],
  ['verify (path 2): provisioning still on', verifyTwo, live({}), 'not-done'],
  ['verify (path 2): a license vanished', verifyTwo, live({ user: withPaths(), okta: { provisioning: OFF } }), 'not-done'],
  ['verify: no user read', verifyTwo, live({ user: null, okta: { provisioning: OFF } }), 'not-done'],
];

describe('stepState', () => {
  test.each(CASES)('%s', (_case, step, input, expected) => {
    expect(stepState(step, input, SINCE)).toBe(expected);
  });

  test('every step kind is covered', () => {
    const covered = new Set(CASES.map(([, step]) => step.action.kind));
    const all: PlanStepKind[] = [
      'okta-set-user-licenses', 'manual-okta-group-assignment', 'graph-assign-direct-license', 'graph-remove-group-member', 'manual-group-membership',
      'graph-remove-group-license', 'okta-repush', 'okta-deactivate-provisioning', 'workflows-invoke', 'manual-build-workflows-flow', 'verify',
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });
});
