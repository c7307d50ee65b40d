// Platform-neutral view models: what a chat surface shows, decided once. The Slack (Block Kit), Teams (Adaptive Card
// 1.5) and demo renderers turn these into their formats and hold no business rules.
import type { PathId } from '../model/diagnosis.ts';
import type { RequestStatus, StepStatus } from '../model/request.ts';

export type Tone = 'good' | 'warning' | 'attention' | 'neutral';

export interface LicenseRowView {
  readonly product: string;
  /** "direct" or "group: <name> (<kind>)". */
  readonly via: string;
  readonly state: string;
  readonly tone: Tone;
}

export interface PathButtonView {
  readonly path: PathId;
  /** Short button label (≤ 30 characters). */
  readonly label: string;
  readonly available: boolean;
  /** Why unavailable, or what limits it (one sentence). */
  readonly note: string | null;
  /** "1 approval" / "2 approvals" and scope. */
  readonly approvals: string;
}

export interface DiagnosisView {
  /** One line: the verdict in words. */
  readonly headline: string;
  readonly verdict: string;
  readonly tone: Tone;
  /** "Adele Vance · adele.vance@contoso.com" (absent when no user was identified). */
  readonly subject: string | null;
  readonly licenses: readonly LicenseRowView[];
  /** "Okta: Microsoft Office 365 · sync ERROR · holds no licenses · last push failed 2 hours ago" (absent without Okta). */
  readonly okta: string | null;
  readonly explanation: string;
  readonly paths: readonly PathButtonView[];
  /** What Re-check re-diagnoses (the UPN, or the original query). */
  readonly recheckQuery: string;
  readonly sandbox: boolean;
}

export interface StepView {
  readonly n: number;
  readonly title: string;
  readonly automatic: boolean;
  /** The API call or the manual instruction. */
  readonly effect: string;
  readonly status: StepStatus;
  readonly detail: string | null;
}

export interface LicenseChangeView {
  readonly product: string;
  readonly before: string;
  readonly after: string;
  /** The user loses this license (shown in red). */
  readonly removed: boolean;
}

/** One option the plan's path declares, with the value this plan was built with: forms render these generically. */
export type PlanOptionField =
  | { readonly kind: 'boolean'; readonly name: string; readonly label: string; readonly help: string; readonly value: boolean }
  | {
      readonly kind: 'choice'; readonly name: string; readonly label: string; readonly help: string; readonly value: string;
      readonly choices: readonly { readonly value: string; readonly label: string }[];
    };

export interface PlanView {
  readonly path: PathId;
  readonly title: string;
  readonly summary: string;
  readonly scope: string;
  readonly blastRadius: string;
  readonly approvals: string;
  readonly licenses: readonly LicenseChangeView[];
  readonly steps: readonly StepView[];
  readonly warnings: readonly string[];
  readonly alternatives: readonly string[];
  /** The request needs an explicit acknowledgement that these licenses go. */
  readonly removalNeedsAcknowledgement: boolean;
  readonly needsManualSteps: boolean;
  /** What the requester confirms besides removed licenses (path 1's gap in service), in words; absent: nothing. */
  readonly variantAcknowledgement?: string;
  /** The path's options (none for most paths): a preview's form offers them, to build the plan again with others. */
  readonly options?: readonly PlanOptionField[];
}

export interface RequestView {
  readonly id: string;
  readonly status: RequestStatus;
  readonly tone: Tone;
  /** "Adele Vance — Okta owns the licenses (path 1)". */
  readonly title: string;
  /** describeStatus: one line of where it stands. */
  readonly statusLine: string;
  readonly requestedBy: string;
  readonly reason: string;
  /** "1 of 2: Patti Fernandez". */
  readonly approvals: string;
  readonly plan: PlanView;
  readonly outcome: string | null;
  readonly expiresAt: string;
  /** Which buttons make sense now (every click is still authorised on the server); retry: the plan failed. */
  readonly actions: { readonly approve: boolean; readonly reject: boolean; readonly cancel: boolean; readonly recheck: boolean; readonly retry: boolean };
  /** A follow-up path offered on the card (turning provisioning back on after path 2 or 3 succeeded), for `query`. */
  readonly followUp: { readonly path: PathId; readonly label: string; readonly query: string } | null;
}
