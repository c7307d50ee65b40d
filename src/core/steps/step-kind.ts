// The contract of a step kind: everything License Doctor knows about one kind of plan step lives in one module of
// this folder (its action, its texts, its done check, its vendor call, its journal line and the executor's flags),
// and the module is registered in the one table (step-table.ts). The executor, the verification, the stop messages
// and the premise checks ask the table; none of them names a kind. Everything here is pure except `perform`,
// `confirmDone` and `preflight`, which act through the core's ports and which only the executor (src/app) calls,
// under its lease, its fencing token, its journal and its deadline.
import type { DiagnosisInput } from '../model/diagnosis.ts';
import type { JournalEntry } from '../model/journal.ts';
import type { PlanStep, PlanStepAction } from '../model/plan.ts';
import type { LicenseRequest } from '../model/request.ts';
import type { EntraDirectory } from '../ports/entra-directory.ts';
import type { OktaOrg } from '../ports/okta-org.ts';
import type { WorkflowsFlow } from '../ports/workflows-flow.ts';
import type { StepDraft } from '../plans/number-steps.ts';

/** What every action has: its kind, the key of the step table. */
export interface StepAction {
  readonly kind: string;
}

/** The title and the three lines that plans, cards and the CLI's JSON show for a step. */
export type StepText = Pick<PlanStep, 'title' | 'precondition' | 'effect' | 'verification'>;

/** The vendors a step reaches, through the core's ports. */
export interface StepPorts {
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly workflows: WorkflowsFlow | null;
}

/** What `perform` is given: the ports, the live state read just before the call, and whom the request is for. */
export interface PerformInput {
  readonly ports: StepPorts;
  readonly live: DiagnosisInput;
  readonly target: LicenseRequest['target'];
}

/** What the journal records for a step's write once it succeeded: the vendors' request ids (for support) and one line. */
export interface StepJournal {
  readonly vendorRequestIds: readonly string[];
  readonly detail: string;
}

/** One HTTP write a step's `perform` makes: Graph paths start with /v1.0, Okta's with /api/v1; null: the Workflows flow's URL. */
export interface StepWrite {
  readonly method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string | null;
}

/** The executor's done check: the live state, when the plan last wrote, the step's journal rows, and the ports to read. */
export interface DoneCheck {
  readonly live: DiagnosisInput;
  readonly since: string;
  /** The step's journal rows (a row started and never finished: the process died during the vendor call). */
  readonly attempts: readonly JournalEntry[];
  readonly ports: StepPorts;
}

/** What a kind's own stop message can say: where the step is, for whom, what the vendor said, and what was done before. */
export interface StopStory {
  /** The step's position (1-based) and the number of steps. */
  readonly n: number;
  readonly total: number;
  readonly target: LicenseRequest['target'];
  /** The error's code (a LicenseDoctorError), or null. */
  readonly errorCode: string | null;
  /** The vendor's words, without a final full stop. */
  readonly vendorText: string;
  /** " Step 1 is done; <rest>" / " <Rest>" for this step. */
  doneBefore(rest: string): string;
  /** How long the executor waited for the effect, e.g. "30 s". */
  readonly waited: string;
}

/**
 * One kind of plan step. `A` is its action; `F` the facts its texts need besides the action (the plan subject, ...).
 * Methods (not function properties) so that every kind fits the table's `AnyStepKind`.
 */
export interface StepKind<A extends StepAction, F = never> {
  readonly kind: A['kind'];
  /** 'write': the executor performs it; 'manual': a person does it and a re-check sees it; 'verify': the plan's last step. */
  readonly role: 'write' | 'manual' | 'verify';
  /** Who answers the write (a timeout names it); Okta Workflows counts as Okta. Null for steps the executor does not perform. */
  readonly vendor: 'graph' | 'okta' | null;
  /**
   * After the write: 'poll' reads the effect back until it shows (bounded by the effect timeout); 'once' reads it only
   * when the answer was lost (the verification reads it otherwise); 'none' cannot read it at all.
   */
  readonly readBack: 'poll' | 'once' | 'none';
  /** The write waits until Entra ID's group-based licensing dropped the group paths the plan takes away. */
  readonly awaitsGroupLicensing?: boolean;
  /** Found done, the step counts from its own journaled write (a re-push), not from the moment it was found done. */
  readonly ownWriteIsEvidence?: boolean;
  /** Once done, Okta's provisioning connection is this (the premise check of later writes expects it). */
  readonly provisioningWhenDone?: 'disabled';
  /** The title and lines of the step, for plans, cards and the CLI. */
  describe(action: A, facts: F): StepText;
  /** Whether the effect is in `live` (pure). `since` (ISO 8601): when the plan last changed something. */
  isDone(action: A, live: DiagnosisInput, since: string): boolean;
  /** The executor's done check, when the live state alone cannot tell (default: `isDone`). */
  confirmDone?(action: A, check: DoneCheck): boolean | Promise<boolean>;
  /** The vendor call (write steps only); resolves with what the journal records, throws LicenseDoctorError. */
  perform?(action: A, input: PerformInput): Promise<StepJournal>;
  /** The writes `perform` makes, in order (none for manual and verify steps): what the audit of vendor calls expects. */
  writes?(action: A): readonly StepWrite[];
  /** Before an execution's first write: why this step cannot be done at all, or null (reads only). */
  preflight?(action: A, ports: StepPorts): Promise<string | null>;
  /** The Okta license values the plan expects for the user with this step `done` or not yet. */
  oktaLicensesAfter?(action: A, done: boolean): readonly string[];
  /** A finished step whose effect is gone in `live`: in words (checked before every later write), else null. */
  effectLost?(action: A, live: DiagnosisInput, name: string, stepId: string): string | null;
  /** SKUs that no group may grant once the plan is done (the group-licensing wait reads them). */
  noGroupPathFor?(action: A): readonly string[];
  /** This kind's own stop message for a failed write (e.g. a refusal it knows), or null for the general one. */
  failureMessage?(action: A, story: StopStory): string | null;
  /** This kind's own words when its write was accepted but the effect never showed, or null for the general ones. */
  missingEffectMessage?(action: A, story: StopStory): string | null;
}

/** A kind as the table holds it, whatever its action. */
export type AnyStepKind = StepKind<StepAction, never>;

/** A step of `kind` before it has its id: `automatic` follows from the kind's role, the texts from its `describe`. */
export function draft<A extends PlanStepAction, F>(kind: StepKind<A, F>, action: A, facts: F): StepDraft {
  return { action, automatic: kind.role !== 'manual', ...kind.describe(action, facts) };
}
