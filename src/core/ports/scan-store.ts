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

/** What one committed page changed in the users waiting for their other side (the app's JSON, opaque to the store),
 *  numbered from 0 in commit order; replayed in that order, these rebuild the waiting users after a crash. */
export interface StagedPage {
  readonly seq: number;
  readonly body: string;
}

/** A waiting user spilled to the store (beyond the scan's memory budget); `payload` is the app's JSON of the user. */
export interface SpilledUser {
  readonly side: ScanSide;
  readonly itemId: string;
  /** Join keys, lower-case. */
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
  /** The page's change to the waiting users held in memory (appended; null when it changed none). */
  readonly staged: StagedPage | null;
  /** Waiting users beyond the memory budget, appended to the store (unindexed until the final merge). */
  readonly spill?: readonly SpilledUser[];
  /** Spilled users now diagnosed (the final merge only). */
  readonly unspill?: readonly { readonly side: ScanSide; readonly itemId: string }[];
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
  /** The scan's staged pages after `afterSeq` (null: from the first) in commit order, at most `limit`. */
  stagedPages(scanId: string, afterSeq: number | null, limit: number): Promise<StagedPage[]>;
  /** Whether the scan has spilled users left. */
  hasSpilled(scanId: string): Promise<boolean>;
  /** Indexes the spilled users by item id and join keys (once, before the final merge; no-op when done). */
  indexSpilled(): Promise<void>;
  /** The first `limit` spilled users of `side` in item id order (the final merge removes what it diagnosed). */
  spilled(scanId: string, side: ScanSide, limit: number): Promise<SpilledUser[]>;
  /** Spilled users of `side` with any of these object ids or user principal names (lower-case). */
  findSpilled(scanId: string, side: ScanSide, ids: readonly string[], upns: readonly string[]): Promise<SpilledUser[]>;
  /** Applies one page's changes atomically. */
  commitPage(scanId: string, commit: ScanPageCommit): Promise<void>;
  /** Marks the scan finished and drops its staged pages and spilled users. */
  finishScan(scanId: string, finishedAt: string): Promise<void>;
  /** Results after `afterKey` in key order, at most `limit`. */
  results(scanId: string, afterKey: string | null, limit: number): Promise<ScanResult[]>;
}
