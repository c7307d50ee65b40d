// Shared inputs for the plan tests: the situations path 1 must handle, built with the diagnosis-input factories,
// and a plan context whose counts are easy to spot in texts.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { Diagnosis, PathId } from '../../../src/core/model/diagnosis.ts';
import type { Plan, PlanOptions } from '../../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../../factories/plan-options.ts';
import { buildPlan } from '../../../src/core/plans/build-plan.ts';
import type { PlanContext } from '../../../src/core/plans/plan-context.ts';
import {
  E3_GROUP, GROUP_ID, SKU_ID, appUser, diagnosisInput, directPath, entraGroup, entraUser, groupPath, type InputOverrides,
} from '../../factories/diagnosis-input.ts';

export const OKTA_GROUP_ID = '00gsbx00000000000001';

export const CONTEXT: PlanContext = {
  groupMemberCounts: { [GROUP_ID.E3]: 40, [GROUP_ID.SALES]: 12, [GROUP_ID.PBI]: 7 },
  appAssignedUsers: 184,
  workflowsConfigured: false,
  oktaGroupAssignment: null,
};

export const GROUP_ASSIGNMENT: PlanContext['oktaGroupAssignment'] = { groupId: OKTA_GROUP_ID, groupName: 'O365 Standard', values: ['ENTERPRISEPACK'] };

/** The diagnosis of the input, as the application layer hands it to the plan builder. */
export function diagnosisOf(overrides: InputOverrides = {}): Diagnosis {
  const input = diagnosisInput(overrides);
  return { report: diagnose(input), input };
}

const options = (o: Partial<PlanOptions> = {}): PlanOptions => ({ ...DEFAULT_PLAN_OPTIONS, ...o });

/** The plan, or a test failure naming why there is none. */
export function planOf(d: Diagnosis, path: PathId, o: Partial<PlanOptions> = {}, context: Partial<PlanContext> = {}): Plan {
  const result = buildPlan(d, path, options(o), { ...CONTEXT, ...context });
  if (result.kind !== 'plan') throw new Error(`expected a plan, got not-applicable: ${result.reason}`);
  return result.plan;
}

/** Why there is no plan, or a test failure when there is one. */
export function reasonOf(d: Diagnosis, path: PathId, o: Partial<PlanOptions> = {}, context: Partial<PlanContext> = {}): string {
  const result = buildPlan(d, path, options(o), { ...CONTEXT, ...context });
  if (result.kind !== 'not-applicable') throw new Error(`expected not-applicable, got a plan: ${result.plan.summary}`);
  return result.reason;
}

const salesGroup = (overrides = {}) => entraGroup(GROUP_ID.SALES, 'Sales', overrides);
const inSales = (overrides = {}): InputOverrides => ({
  user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }),
  groups: [salesGroup(overrides)],
});

/** Every situation path 1 must handle (the brief's list); the KB case is the factories' default. */
export const SITUATIONS = {
  'assigned group, blank Okta (the KB case)': {},
  'dynamic group': inSales({ groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Sales"' }),
  'group synced from on-premises AD': inSales({ onPremisesSyncEnabled: true }),
  'mail-enabled security group': inSales({ mailEnabled: true }),
  'role-assignable group': inSales({ isAssignableToRole: true }),
  'dual-managed (Okta and a group both grant it)': {
    user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.SPE_E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
    okta: { appUser: appUser(['SPE_E3'], { syncState: 'SYNCHRONIZED' }), pushFailures: [] },
  },
  'Okta group assignment (scope GROUP)': {
    user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.ENTERPRISEPACK), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
    okta: { appUser: appUser(['ENTERPRISEPACK'], { scope: 'GROUP' }) },
  },
  'Okta holds a different license': {
    user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.ENTERPRISEPACK), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
    okta: { appUser: appUser(['ENTERPRISEPACK']) },
  },
  'no usage location': { user: entraUser({ usageLocation: null }) },
  'a direct license Okta lacks': {
    user: entraUser({ licenseAssignmentStates: [directPath(SKU_ID.POWER_BI_PRO), groupPath(SKU_ID.SPE_E3, GROUP_ID.E3)] }),
  },
  'several groups for one SKU': {
    user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.SPE_E3, GROUP_ID.SALES)] }),
    groups: [E3_GROUP, salesGroup()],
  },
  'one group granting two SKUs': {
    user: entraUser({ licenseAssignmentStates: [groupPath(SKU_ID.SPE_E3, GROUP_ID.E3), groupPath(SKU_ID.ENTERPRISEPACK, GROUP_ID.E3)] }),
    groups: [entraGroup(GROUP_ID.E3, 'Licensing - Microsoft 365 E3', {}, [SKU_ID.SPE_E3, SKU_ID.ENTERPRISEPACK])],
  },
} satisfies Record<string, InputOverrides>;

export type Situation = keyof typeof SITUATIONS;

/** The context a situation needs (the GROUP-scoped one comes with its Okta group assignment). */
export const contextFor = (situation: Situation): Partial<PlanContext> =>
  situation === 'Okta group assignment (scope GROUP)' ? { oktaGroupAssignment: GROUP_ASSIGNMENT } : {};
