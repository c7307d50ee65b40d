import type { ScanUserRow } from '../model/scan.ts';

export type ScanSide = 'okta' | 'entra';

/** Where one side of a scan stands: the next page's cursor (null with `done` false: the first page). */
export interface ScanSideProgress {
  readonly cursor: string | null;
  readonly done: boolean;
  readonly pages: number;
  readonly users: number;
}

/** A scan in the store; `finishedAt` null while it runs (or was interrupted and can resume). */
export interface ScanRun {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly appId: string;
  readonly okta: ScanSideProgress;
  readonly entra: ScanSideProgress;
}

/** A user read on one side and not yet met on the other; `payload` is the app's JSON of the user. */
export interface StagedUser {
  readonly side: ScanSide;
  readonly itemId: string;
  readonly keyId: string | null;
  readonly keyUpn: string | null;
  readonly payload: string;
}

/** A diagnosed user of a scan; `key` orders the report (lower-case user name). */
export interface ScanResult {
  readonly key: string;
  readonly row: ScanUserRow;
}

/** What one processed page changes, written in one transaction with the side's new progress. */
export interface ScanPageCommit {
  /** The side whose page this was and its progress after it (absent: the final pass over leftovers). */
  readonly progress?: { readonly side: ScanSide; readonly value: ScanSideProgress };
  /** Staged users of either side that are now diagnosed. */
  readonly unstage: readonly { readonly side: ScanSide; readonly itemId: string }[];
  readonly stage: readonly StagedUser[];
  readonly results: readonly ScanResult[];
}

/**
 * Durable state of fleet scans: checkpoints, the users waiting to be joined, results, and the lease that lets one
 * scan run at a time across instances. Every method throws LicenseDoctorError (store) on database failures.
 */
export interface ScanStore {
  /** Takes (or renews) the scan lease for `owner` until `nowMs + ttlMs`, recording who started the scan (`startedBy`,
   *  null: not known); false while someone else holds it. */
  acquireScanLease(owner: string, nowMs: number, ttlMs: number, startedBy?: string | null): Promise<boolean>;
  /** Who holds a live scan lease at `nowMs` (their `startedBy`, null when not known), or null when none does. */
  scanLeaseHolder(nowMs: number): Promise<{ readonly startedBy: string | null; readonly untilMs: number } | null>;
  /** Gives the lease back (no-op when `owner` does not hold it). */
  releaseScanLease(owner: string): Promise<void>;
  /** The unfinished scan, if any (at most one exists). */
  unfinishedScan(): Promise<ScanRun | null>;
  /** The latest finished scan, if any. */
  latestFinishedScan(): Promise<ScanRun | null>;
  /** Records a new scan, dropping the data of every older scan. */
  startScan(run: ScanRun): Promise<void>;
  /** Staged users of `side` matching any of these object ids or user principal names (lower-case). */
  findStaged(scanId: string, side: ScanSide, ids: readonly string[], upns: readonly string[]): Promise<StagedUser[]>;
  /** Staged users of `side` after `afterItemId` in item id order, at most `limit`. */
  stagedAfter(scanId: string, side: ScanSide, afterItemId: string | null, limit: number): Promise<StagedUser[]>;
  /** Applies one page's changes atomically. */
  commitPage(scanId: string, commit: ScanPageCommit): Promise<void>;
  /** Marks the scan finished. */
  finishScan(scanId: string, finishedAt: string): Promise<void>;
  /** Results after `afterKey` in key order, at most `limit`. */
  results(scanId: string, afterKey: string | null, limit: number): Promise<ScanResult[]>;
}
