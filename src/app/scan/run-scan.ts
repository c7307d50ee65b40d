// Use case: scan every user of the Office 365 app joined with Entra ID. Both sides are paged at once (each side
// fetches its next page while the current one is joined), one page is joined at a time, and every page's result is
// committed with that side's cursor, so a crashed scan resumes where it stopped and reads at most the pages that
// were in flight again. One scan runs at a time across instances (the scan lease).
import { isLicenseDoctorError, LicenseDoctorError } from '../../core/errors.ts';
import type { EntraUser } from '../../core/model/entra.ts';
import type { OktaAppUser } from '../../core/model/okta.ts';
import type { ScanPageCommit, ScanRun, ScanSide, ScanSideProgress } from '../../core/ports/scan-store.ts';
import { chooseScanApp, readScanContext } from './read-scan-context.ts';
import type { ScanProgress } from '../../core/model/scan.ts';
import type { ScanDeps } from './scan-deps.ts';
import { ScanJoiner } from './scan-joiner.ts';
import { WaitingUsers } from './waiting-users.ts';

export type ScanOutcome =
  | {
    readonly kind: 'finished'; readonly run: ScanRun; readonly resumed: boolean;
    /** The most the users waiting for their other side cost in memory at once (bytes), and whether some were spilled. */
    readonly waiting: { readonly peakBytes: number; readonly spilled: boolean };
  }
  /** Another instance holds the scan lease; `startedBy` who started that scan, when known. */
  | { readonly kind: 'busy'; readonly startedBy: string | null };

const LEFTOVER_BATCH = 500;

/** Graph's answer to a page token it no longer honours. */
const isExpiredCursor = (err: unknown): boolean => isLicenseDoctorError(err) && err.details.vendorCode === 'Directory_ExpiredPageToken';
/** A page as the loop sees it: its next cursor, its items (read after the next page is asked for), and whether an
 *  empty page ends the side (Okta's: its last page may still carry a next link). */
interface Fetched {
  readonly next: string | null;
  readonly items: Promise<readonly EntraUser[] | readonly OktaAppUser[]>;
  readonly lastIfEmpty: boolean;
}
const STOPPED = () => new LicenseDoctorError('unavailable', 'The scan stopped because this instance is shutting down; run it again to resume from its checkpoint.');
const START: ScanSideProgress = { cursor: null, done: false, pages: 0, users: 0 };

/** Runs (or resumes) a scan to the end. Vendor and store failures throw LicenseDoctorError; the checkpoint stays. */
export async function runScan(deps: ScanDeps): Promise<ScanOutcome> {
  const { store, clock, owner, settings } = deps;
  if (!(await store.acquireScanLease(owner, clock.now(), settings.leaseMs, deps.startedBy ?? null))) {
    return { kind: 'busy', startedBy: (await store.scanLeaseHolder(clock.now()))?.startedBy ?? null };
  }
  try {
    const unfinished = await store.unfinishedScan();
    const app = await chooseScanApp(deps);
    let run: ScanRun;
    if (unfinished && unfinished.appId === app.id) {
      run = unfinished;
    } else {
      run = { id: deps.newScanId(), startedAt: new Date(clock.now()).toISOString(), finishedAt: null, appId: app.id, okta: START, entra: START };
      await store.startScan(run);
    }
    // The first pages are fetched while the context is read: joining waits for it, paging does not.
    const waiting = new WaitingUsers(settings.waitingBudgetBytes);
    const restored = waiting.restore(store, run.id);
    const joiner = Promise.all([readScanContext(deps, app, Date.parse(run.startedAt)), restored])
      .then(([{ context, failures }]) => new ScanJoiner(deps, run.id, waiting, context, failures));
    joiner.catch(() => undefined);
    const final = await new ScanPass(deps, run, joiner).run();
    const { peakBytes, spilled } = waiting.stats();
    return { kind: 'finished', run: final, resumed: unfinished !== null && unfinished.id === run.id, waiting: { peakBytes, spilled } };
  } finally {
    await store.releaseScanLease(owner);
  }
}

/** One run of the scan loop over a stored scan. */
class ScanPass {
  private readonly deps: ScanDeps;
  private readonly joiner: Promise<ScanJoiner>;
  private current: ScanRun;
  private queue: Promise<unknown> = Promise.resolve();
  private renewedAt: number;
  private diagnosed = 0;
  private failed = false;
  private broken: { readonly reason: unknown } | null = null;

  constructor(deps: ScanDeps, run: ScanRun, joiner: Promise<ScanJoiner>) {
    this.deps = deps;
    this.current = run;
    this.joiner = joiner;
    this.renewedAt = deps.clock.now();
  }

  async run(): Promise<ScanRun> {
    this.report();
    // Both sides finish their current page before a failure ends the pass, so nothing is written after it returns.
    const sides = await Promise.allSettled([this.side('okta'), this.side('entra')].map((p) => p.catch((err: unknown) => {
      this.failed = true;
      throw err;
    })));
    const failure = sides.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    await this.leftovers(await this.joiner);
    const finishedAt = new Date(this.deps.clock.now()).toISOString();
    await this.deps.store.finishScan(this.current.id, finishedAt);
    this.current = { ...this.current, finishedAt };
    return this.current;
  }

  /** Users still waiting once both sides were read: alone, unless some were spilled; then those in memory join them in
   *  the store, which is indexed once, and a merge meets the pairs among them. */
  private async leftovers(joiner: ScanJoiner): Promise<void> {
    const { store } = this.deps;
    const drain = async (next: () => Promise<ScanPageCommit | null> | ScanPageCommit | null) => {
      for (let commit = await next(); commit !== null; commit = await next()) await this.commit(commit);
    };
    if (!joiner.spilled) {
      for (const side of ['entra', 'okta'] as const) await drain(() => joiner.leftovers(side, LEFTOVER_BATCH));
      return;
    }
    for (const side of ['entra', 'okta'] as const) await drain(() => joiner.spillRest(side, LEFTOVER_BATCH));
    await store.indexSpilled();
    await drain(() => joiner.mergeSpilled(LEFTOVER_BATCH));
  }

  private fetch(side: ScanSide, cursor: string | null): Promise<Fetched> {
    const { settings } = this.deps;
    const page: Promise<Fetched> = side === 'entra'
      ? this.deps.entraPages.usersPage(cursor, settings.entraPageSize).then((p) => ({ next: p.next, items: Promise.resolve(p.items), lastIfEmpty: false }))
      : this.deps.oktaPages.appUsersPage(this.current.appId, cursor, settings.oktaPageSize).then((p) => ({ ...p, lastIfEmpty: true }));
    // A prefetched page may never be awaited when the other side fails; its error is reported through that side.
    page.catch(() => undefined);
    return page;
  }

  private async side(side: ScanSide): Promise<void> {
    let progress = this.current[side];
    if (progress.done) return;
    let pending: Promise<Fetched> | null = this.fetch(side, progress.cursor);
    if (progress.cursor !== null) {
      // A resumed side's saved cursor may have expired (Graph's page tokens do). Reading the side again from the start
      // is safe: users already joined or waiting are not kept twice (results are keyed, waiting users by item id), so it
      // only costs the pages.
      const first = pending;
      pending = first.catch((err: unknown) => {
        if (!isExpiredCursor(err)) throw err;
        progress = { cursor: null, done: false, pages: 0, users: 0 };
        return this.fetch(side, null);
      });
    }
    while (pending !== null && !this.failed) {
      if (this.deps.stopSignal?.aborted) throw STOPPED();
      const page: Fetched = await pending;
      // The next page is asked for as soon as its cursor is known (for Okta, before this page's body is read).
      pending = page.next === null ? null : this.fetch(side, page.next);
      const items = await page.items;
      const cursor = page.lastIfEmpty && items.length === 0 ? null : page.next;
      if (cursor === null) pending = null;
      const next: ScanSideProgress = { cursor, done: cursor === null, pages: progress.pages + 1, users: progress.users + items.length };
      progress = next;
      await this.serial(async () => {
        const commit = await (await this.joiner).joinPage(side, items);
        await this.commit({ ...commit, progress: { side, value: next } });
        this.current = side === 'okta' ? { ...this.current, okta: next } : { ...this.current, entra: next };
      });
    }
  }

  /** Pages of the two sides are joined one at a time, in arrival order. After a page failed, no other is joined: the
   *  waiting users in memory may hold that page's changes, which the store does not. */
  private serial(fn: () => Promise<void>): Promise<void> {
    const result = this.queue.then(() => {
      if (this.broken !== null) throw this.broken.reason;
      return fn();
    });
    this.queue = result.catch((reason: unknown) => {
      this.broken ??= { reason };
    });
    return result;
  }

  private async commit(commit: ScanPageCommit): Promise<void> {
    await this.renewLease();
    await this.deps.store.commitPage(this.current.id, commit);
    this.diagnosed += commit.results.length;
    this.report();
  }

  /** Renews the lease well before it lapses; a scan that lost it stops (another instance has taken over). */
  private async renewLease(): Promise<void> {
    const now = this.deps.clock.now();
    if (now - this.renewedAt < this.deps.settings.leaseMs / 3) return;
    if (!(await this.deps.store.acquireScanLease(this.deps.owner, now, this.deps.settings.leaseMs, this.deps.startedBy ?? null))) {
      throw new LicenseDoctorError('conflict', 'Another instance took over this scan (the scan lease lapsed); it continues from the last checkpoint.');
    }
    this.renewedAt = now;
  }

  private report(): void {
    const { okta, entra } = this.current;
    const progress: ScanProgress = {
      oktaPages: okta.pages, oktaUsers: okta.users, oktaDone: okta.done, entraPages: entra.pages, entraUsers: entra.users, entraDone: entra.done, diagnosed: this.diagnosed,
    };
    this.deps.onProgress?.(progress);
  }
}
