// A resolution plan: one of the KB's three paths made concrete for one diagnosed user (pure data).
import type { Diagnosis, GroupKind, PathId, Scope } from './diagnosis.ts';

/** Who grants a license in a before/after view. */
export type LicenseSource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'group'; readonly groupId: string; readonly groupName: string; readonly groupKind: GroupKind };

/** One license of the user, as the plan sees it before or after it runs. */
export interface LicenseLine {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly productName: string;
  /** Every path that grants it (empty: the user does not have it). */
  readonly sources: readonly LicenseSource[];
  /** Okta holds this license for the user (so Okta's pushes keep it). */
  readonly heldByOkta: boolean;
}

/**
 * The action of each kind of plan step, keyed by its kind. Every kind's own module (src/core/steps/) adds its action
 * here by declaration merging, and its behaviour to the step table (src/core/steps/step-table.ts). Automatic steps
 * have an API effect the executor performs; manual steps say exactly what a person must change where. Every step is
 * idempotent: the executor first checks whether its effect is already there.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the step kinds' modules
export interface StepActions {}

/** A step's action: one of the kinds' (a `kind` and that kind's own fields). */
export type PlanStepAction = StepActions[keyof StepActions];

export type PlanStepKind = PlanStepAction['kind'];

export interface PlanStep {
  /** Stable within the plan: s1, s2, ... (the journal refers to it). */
  readonly id: string;
  readonly action: PlanStepAction;
  /** False: a person must do it; the plan ends in needs-manual-steps until a re-check sees it done. */
  readonly automatic: boolean;
  /** One line for cards and the CLI. */
  readonly title: string;
  /** What must hold before the step runs. */
  readonly precondition: string;
  /** The exact API call (method and path), or the exact place to change by hand. */
  readonly effect: string;
  /** How the executor (or a re-check) knows the step's effect is there. */
  readonly verification: string;
}

export type BlastRadius =
  | { readonly kind: 'user'; readonly userPrincipalName: string }
  | { readonly kind: 'group'; readonly groupId: string; readonly groupName: string; readonly memberCount: number }
  | { readonly kind: 'app'; readonly appId: string; readonly appLabel: string; readonly assignedUsers: number; readonly assignedUsersMore?: boolean };

/** One plan option's value: a switch, or one of the choices its path declares. */
export type PlanOptionValue = boolean | string;

/**
 * The variants a plan was asked for, by option name. Each path declares its own (core/paths), with defaults: e.g.
 * path 1's `completeOktaLicenses` (default true), `allowServiceGap` and `removeLicenseFromGroup` (default false).
 */
export type PlanOptions = { readonly [name: string]: PlanOptionValue | undefined };

export interface Plan {
  readonly path: PathId;
  readonly scope: Scope;
  readonly options: PlanOptions;
  readonly approvalsRequired: number;
  readonly blastRadius: BlastRadius;
  readonly before: readonly LicenseLine[];
  readonly after: readonly LicenseLine[];
  /** Licenses the user has now and would not have after (shown in red; requesting needs an acknowledgement). */
  readonly removedLicenses: readonly LicenseLine[];
  readonly steps: readonly PlanStep[];
  /** True when some step is manual: the plan cannot finish on its own. */
  readonly needsManualSteps: boolean;
  /** Plain-language warnings (group membership may grant other access, blast radius, service gap...). */
  readonly warnings: readonly string[];
  /** Alternatives a person can apply instead (e.g. Okta's "User Attributes Only" setting). */
  readonly alternatives: readonly string[];
  /** One-paragraph summary for the approver. */
  readonly summary: string;
  /** The diagnosis the plan was built from; execution refuses it if the live state no longer matches. */
  readonly diagnosis: Diagnosis;
}

/** What building a plan can answer besides a plan. */
export type PlanResult =
  | { readonly kind: 'plan'; readonly plan: Plan }
  /** The path does not apply to this diagnosis (e.g. no conflict, or provisioning already off); `reason` says why. */
  | { readonly kind: 'not-applicable'; readonly reason: string };
