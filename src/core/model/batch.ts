// A batch: one request for a set of users and one path (or one group- or app-level plan), decided once by two
// approvers and run as one ordinary request per user (pure data, kept by BatchStore).
import type { PathId } from './diagnosis.ts';
import type { PlanOptions } from './plan.ts';
import type { Actor, ApprovalWindow, Decision } from './request.ts';

export type BatchStatus = 'pending' | 'approved' | 'running' | 'finished' | 'rejected' | 'expired' | 'cancelled';

/**
 * Where one user of a batch stands. `not-applicable`: the live state no longer calls for the plan (the user changed
 * since the scan), so nothing was forced; `split`: moved to a new batch.
 */
export type BatchMemberState = 'pending' | 'running' | 'done' | 'manual' | 'failed' | 'not-applicable' | 'split';

/** The plan of one user as the batch showed it when it was asked for (the live plan is built again when it runs). */
export interface BatchMemberPlan {
  /** SKU part numbers before and after, and those the user loses. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly removed: readonly string[];
  /** Step titles, in order. */
  readonly steps: readonly string[];
  readonly needsManualSteps: boolean;
}

export interface BatchMember {
  readonly batchId: string;
  /** Order in the batch (0-based). */
  readonly position: number;
  readonly userPrincipalName: string;
  readonly displayName: string;
  /** The ordinary request that carries this user's change, once it was created (at run time). */
  readonly requestId: string | null;
  readonly state: BatchMemberState;
  /** Why it is not-applicable, failed or manual, or where it was split to. */
  readonly detail: string | null;
  readonly plan: BatchMemberPlan;
  readonly updatedAt: string;
}

/** What the batch is: one plan per user, or one plan for a whole group (the license leaves the group) or the app. */
export type BatchKind = 'users' | 'group' | 'app';

/** Where the set of users came from. */
export type BatchSource =
  | { readonly kind: 'scan'; readonly scanId: string; readonly scannedAt: string }
  | { readonly kind: 'split'; readonly batchId: string }
  | { readonly kind: 'alert'; readonly alertId: string };

/** What the batch reaches: users changed directly, or every member of the group / user of the app. */
export interface BatchBlastRadius {
  readonly users: number;
  readonly description: string;
}

export interface BatchRequest {
  readonly id: string;
  readonly status: BatchStatus;
  /** Incremented by every change of the batch record (members change on their own rows). */
  readonly version: number;
  readonly kind: BatchKind;
  readonly path: PathId;
  readonly options: PlanOptions;
  /** The licensing group and SKU the batch was filtered by (null: not filtered). */
  readonly group: { readonly id: string; readonly displayName: string } | null;
  readonly sku: string | null;
  readonly source: BatchSource;
  readonly approvalsRequired: number;
  readonly requestedBy: Actor;
  readonly reason: string;
  readonly removalAcknowledged: boolean;
  readonly blastRadius: BatchBlastRadius;
  readonly memberCount: number;
  /** Users the scan named that no plan covers now (already fine, or a plan not offered), with why. */
  readonly skipped: readonly { readonly userPrincipalName: string; readonly reason: string }[];
  readonly decisions: readonly Decision[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly updatedAt: string;
  readonly approval?: ApprovalWindow;
  /** Why it finished, expired or was refused to run, in a sentence. */
  readonly outcome: string | null;
}

/** Live counts of a batch: done / manual / failed / pending (pending includes running), and the others. */
export interface BatchCounts {
  readonly total: number;
  readonly done: number;
  readonly manual: number;
  readonly failed: number;
  readonly pending: number;
  readonly running: number;
  readonly notApplicable: number;
  readonly split: number;
}
