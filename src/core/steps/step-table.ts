// The one table of step kinds: each kind's module (this folder) is registered here, and every part of License Doctor
// that must know what a step does (the executor, the verification, the stop messages, the premise checks) looks its
// kind up here instead of switching on kinds. Adding a kind: write its module (see step-kind.ts) and list it below.
import { LicenseDoctorError } from '../errors.ts';
import type { PlanStepAction } from '../model/plan.ts';
import { directLicense } from './graph-assign-direct-license.ts';
import { removeGroupLicense } from './graph-remove-group-license.ts';
import { removeMember } from './graph-remove-group-member.ts';
import { buildWorkflowsFlow } from './manual-build-workflows-flow.ts';
import { manualMembership } from './manual-group-membership.ts';
import { oktaGroupAssignment } from './manual-okta-group-assignment.ts';
import { activateProvisioning } from './okta-activate-provisioning.ts';
import { deactivateProvisioning } from './okta-deactivate-provisioning.ts';
import { repush } from './okta-repush.ts';
import { setOktaLicenses } from './okta-set-user-licenses.ts';
import type { AnyStepKind, StepAction, StepKind } from './step-kind.ts';
import { verify } from './verify.ts';
import { workflowsInvoke } from './workflows-invoke.ts';

/** Step kinds by their kind. */
export type StepTable = ReadonlyMap<string, AnyStepKind>;

/** `table` and `kinds` (a kind may be registered once). */
export function withStepKinds(table: StepTable, ...kinds: readonly AnyStepKind[]): StepTable {
  const next = new Map(table);
  for (const k of kinds) {
    if (next.has(k.kind)) throw new LicenseDoctorError('configuration', `The step kind ${k.kind} is registered twice.`);
    next.set(k.kind, k);
  }
  return next;
}

/** Every step kind License Doctor knows. */
export const STEP_KINDS: StepTable = withStepKinds(
  new Map(),
  setOktaLicenses, oktaGroupAssignment, directLicense, removeMember, manualMembership, removeGroupLicense,
  repush, deactivateProvisioning, activateProvisioning, workflowsInvoke, buildWorkflowsFlow, verify,
);

/** The kind of `action` in `table`; a plan with a kind this version does not know is refused, never guessed at. */
export function stepKindOf(table: StepTable, action: StepAction): AnyStepKind {
  const kind = table.get(action.kind);
  if (!kind) throw new LicenseDoctorError('configuration', `This plan has a step of kind ${action.kind}, which this version of License Doctor does not know; run the version that made the plan.`);
  return kind;
}

/** Whether `action` is of `kind` (narrows it to the kind's action). */
export const isKind = <A extends PlanStepAction, F>(kind: StepKind<A, F>, action: PlanStepAction): action is A => action.kind === kind.kind;
