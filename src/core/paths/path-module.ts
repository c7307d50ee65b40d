// What a resolution path is, as one module: its id and labels, when the diagnosis offers it (and why not), the plan it
// builds, what the application layer must read for that plan, and the options it takes, declared with their form
// fields so that every surface (Slack modal, Teams card, command line, demo page) renders and parses them generically.
// The modules are registered in one table (path-registry.ts).
import type { DiagnosisReport, PathId, Remedy, Scope } from '../model/diagnosis.ts';
import type { Diagnosis } from '../model/diagnosis.ts';
import type { Plan, PlanOptions, PlanResult } from '../model/plan.ts';
import type { Findings } from '../diagnosis/findings.ts';
import type { Need } from '../permissions/needs.ts';
import type { PlanContext } from '../plans/plan-context.ts';

interface OptionFields {
  /** The key in PlanOptions (and in the stored plan): stable, never renamed. */
  readonly name: string;
  /** The form label: for a switch, what turning it on means. */
  readonly label: string;
  /** One line under the input in forms. */
  readonly help: string;
  /** The command line's flag, without the dashes. A switch's flag sets the opposite of its default. */
  readonly flag: string;
  /** What the flag does, for `license-doctor --help`. */
  readonly flagHelp: string;
}

/** A switch (Slack checkbox, Teams toggle, a CLI flag without a value). */
export interface BooleanOptionDecl extends OptionFields {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** One of a fixed set of values (Slack select, Teams choice set, `--flag <value>`). */
export interface ChoiceOptionDecl extends OptionFields {
  readonly kind: 'choice';
  readonly default: string;
  readonly choices: readonly { readonly value: string; readonly label: string }[];
}

export type PlanOptionDecl = BooleanOptionDecl | ChoiceOptionDecl;

/** What the application layer reads live before building the plan (only what the path and its options need). */
export interface PlanReads {
  /** Members of each licensing group (the blast radius of changing a group itself). */
  readonly groupMemberCounts?: boolean;
  /** Users assigned to the Office 365 app (the blast radius of an app-wide change). */
  readonly appAssignedUsers?: boolean;
  /** The Okta group assignment behind a GROUP-scoped app user. */
  readonly oktaGroupAssignment?: boolean;
}

/** A path the diagnosis view offers as a button without it being one of the report's remedies (the undo). */
export type ViewOffer = Omit<Remedy, 'id'>;

export interface PathModule {
  readonly id: PathId;
  /** `button`: the path's button; `title`: cards' titles; `reference`: where it comes from ("KB path 1"). */
  readonly labels: { readonly button: string; readonly title: string; readonly reference: string };
  /** Who the change reaches as offered (a plan may widen it through its options: path 1 on the group itself). */
  readonly scope: Scope;
  /** Its number in Okta's KB article, or null for a path the article does not number. */
  readonly kb: number | null;
  /** Declared options, in the order forms and `--help` show them. */
  readonly options: readonly PlanOptionDecl[];
  /** What the plan needs read beyond the diagnosis, for these (resolved) options. */
  readonly reads: (options: PlanOptions) => PlanReads;
  /** The remedy in the diagnosis report (available or not, and why), or null when the report does not offer it. */
  readonly remedy?: (f: Findings) => Remedy | null;
  /** A button the diagnosis view adds outside the report's remedies, or null. */
  readonly viewOffer?: (report: DiagnosisReport) => ViewOffer | null;
  /** The plan, or why it does not apply; options are resolved (declared ones filled with their defaults). */
  readonly plan: (diagnosis: Diagnosis, options: PlanOptions, context: PlanContext) => PlanResult;
  /** What executing it needs from Graph and Okta (`check`'s line, and the check before an execution); absent: not checked. */
  readonly execute?: { readonly label: string; readonly needs: readonly Need[] };
  /** The path that undoes this one once it succeeded (offered on the request). */
  readonly undoneBy?: PathId;
  /** What the requester must acknowledge beyond removed licenses (e.g. a gap in service), or null. */
  readonly acknowledgement?: (plan: Plan, displayName: string) => string | null;
}

/** How far a change of each scope reaches, for messages. */
export const SCOPE_REACH: Readonly<Record<Scope, string>> = { user: 'changes one user', group: 'changes a group', app: 'changes the whole app' };
