// Joins one page of one side of a scan against the users of the other side already read and still waiting (held in
// memory up to a budget, their changes stored one row per page: waiting-users.ts), and diagnoses every pair it
// completes. Called for one page at a time, so pages of both sides never race. Users spilled beyond the budget are
// joined at the end by a merge in the store (mergeSpilled).
import type { EntraGroup, EntraUser } from '../../core/model/entra.ts';
import type { OktaAppUser, OktaPushFailure } from '../../core/model/okta.ts';
import type { ScanContext, ScanPair } from '../../core/model/scan.ts';
import type { EntraDirectory } from '../../core/ports/entra-directory.ts';
import type { ScanPageCommit, ScanResult, ScanSide, ScanStore, SpilledUser } from '../../core/ports/scan-store.ts';
import { appUserJoinKeys, entraJoinKeys, type JoinKeys } from '../../core/scan/join-keys.ts';
import { scanUser, scanUserName } from '../../core/scan/scan-user.ts';
import type { WaitingUsers } from './waiting-users.ts';

type SideItem = { readonly side: 'entra'; readonly user: EntraUser } | { readonly side: 'okta'; readonly user: OktaAppUser };

const keysOf = (item: SideItem): JoinKeys => (item.side === 'entra' ? entraJoinKeys(item.user) : appUserJoinKeys(item.user));
const itemIdOf = (item: SideItem): string => (item.side === 'entra' ? item.user.id.toLowerCase() : item.user.id);

/** The diagnosis reads a user's licenses from their assignment paths; `assignedLicenses` repeats them and is not kept. */
const trimmedEntra = (user: EntraUser): EntraUser => ({ ...user, assignedLicenses: [] });

export class ScanJoiner {
  private readonly groups = new Map<string, EntraGroup | null>();
  private readonly waiting: WaitingUsers;
  private readonly entra: EntraDirectory;
  private readonly context: ScanContext;
  private readonly failures: ReadonlyMap<string, OktaPushFailure>;
  private readonly store: ScanStore;
  private readonly scanId: string;

  /** `waiting`: the scan's waiting users (restored from the store when it resumes). */
  constructor(deps: { entra: EntraDirectory; store: ScanStore }, scanId: string, waiting: WaitingUsers, context: ScanContext, failures: ReadonlyMap<string, OktaPushFailure>) {
    this.waiting = waiting;
    this.entra = deps.entra;
    this.store = deps.store;
    this.scanId = scanId;
    this.context = context;
    this.failures = failures;
  }

  /** Whether waiting users were spilled to the store (then the final merge is needed). */
  get spilled(): boolean {
    return this.waiting.spilled;
  }

  /** Joins and diagnoses one page; returns the commit to write with the side's progress (the caller adds it). */
  async joinPage(side: ScanSide, users: readonly EntraUser[] | readonly OktaAppUser[]): Promise<ScanPageCommit> {
    const items: SideItem[] = side === 'entra'
      ? (users as readonly EntraUser[]).map((user) => ({ side: 'entra', user }))
      : (users as readonly OktaAppUser[]).map((user) => ({ side: 'okta', user }));
    const pairs: ScanPair[] = [];
    this.waiting.beginPage(side);
    for (const item of items) {
      const k = keysOf(item);
      const match = this.waiting.take(k);
      if (!match) {
        this.waiting.add({ itemId: itemIdOf(item), keyId: k.id, keyUpn: k.upn, payload: JSON.stringify(item.side === 'okta' ? this.trimmed(item.user) : trimmedEntra(item.user)) });
        continue;
      }
      if (item.side === 'entra') pairs.push(this.pair(item.user, JSON.parse(match.payload) as OktaAppUser));
      else pairs.push(this.pair(JSON.parse(match.payload) as EntraUser, item.user));
    }
    return { ...this.waiting.endPage(), results: await this.diagnose(pairs) };
  }

  /** Diagnoses up to `limit` users met on `side` only (after both sides were read completely); null when none is left. */
  async leftovers(side: ScanSide, limit: number): Promise<ScanPageCommit | null> {
    this.waiting.beginLeftovers(side);
    const alone = this.waiting.takeSome(limit);
    if (alone.length === 0) return null;
    const pairs = alone.map((u) => (side === 'entra' ? this.pair(JSON.parse(u.payload) as EntraUser, null) : this.pair(null, JSON.parse(u.payload) as OktaAppUser)));
    return { ...this.waiting.endPage(), results: await this.diagnose(pairs) };
  }

  /** Moves up to `limit` users of `side` still waiting in memory to the store, for the final merge; null when none is left. */
  spillRest(side: ScanSide, limit: number): ScanPageCommit | null {
    return this.waiting.spillSome(side, limit) ? { ...this.waiting.endPage(), results: [] } : null;
  }

  /**
   * One batch of the final merge over the spilled users (after both sides were read and every waiting user spilled):
   * the first `limit` app users left, each with the spilled Entra user of its object id, else of its user name (as a
   * page is joined), or alone; once no app user is left, Entra users alone. Null when nothing is left.
   */
  async mergeSpilled(limit: number): Promise<ScanPageCommit | null> {
    const apps = dedupe(await this.store.spilled(this.scanId, 'okta', limit));
    if (apps.length === 0) {
      const alone = dedupe(await this.store.spilled(this.scanId, 'entra', limit));
      if (alone.length === 0) return null;
      const pairs = alone.map((u) => this.pair(JSON.parse(u.payload) as EntraUser, null));
      return { staged: null, unspill: alone.map((u) => ({ side: 'entra', itemId: u.itemId })), results: await this.diagnose(pairs) };
    }
    const byId = new Map<string, SpilledUser>();
    const byUpn = new Map<string, SpilledUser>();
    const index = (found: readonly SpilledUser[]) => {
      for (const s of found) {
        if (s.keyId !== null && !byId.has(s.keyId)) byId.set(s.keyId, s);
        if (s.keyUpn !== null && !byUpn.has(s.keyUpn)) byUpn.set(s.keyUpn, s);
      }
    };
    index(await this.store.findSpilled(this.scanId, 'entra', apps.flatMap((a) => (a.keyId !== null ? [a.keyId] : [])), []));
    // As in a page: those not met by object id (or sharing one) are looked up by user name.
    const idCounts = new Map<string, number>();
    for (const a of apps) if (a.keyId !== null) idCounts.set(a.keyId, (idCounts.get(a.keyId) ?? 0) + 1);
    index(await this.store.findSpilled(this.scanId, 'entra', [], apps.flatMap((a) => (a.keyUpn !== null && (a.keyId === null || !byId.has(a.keyId) || (idCounts.get(a.keyId) ?? 0) > 1) ? [a.keyUpn] : []))));
    const used = new Set<string>();
    const pairs: ScanPair[] = [];
    const unspill: Array<{ side: ScanSide; itemId: string }> = [];
    for (const a of apps) {
      unspill.push({ side: 'okta', itemId: a.itemId });
      const match = [a.keyId !== null ? byId.get(a.keyId) : undefined, a.keyUpn !== null ? byUpn.get(a.keyUpn) : undefined].find((m) => m !== undefined && !used.has(m.itemId));
      if (match) {
        used.add(match.itemId);
        unspill.push({ side: 'entra', itemId: match.itemId });
      }
      pairs.push(this.pair(match ? JSON.parse(match.payload) as EntraUser : null, JSON.parse(a.payload) as OktaAppUser));
    }
    return { staged: null, unspill, results: await this.diagnose(pairs) };
  }

  private pair(entra: EntraUser | null, appUser: OktaAppUser | null): ScanPair {
    return { entra, appUser, groups: [], pushFailure: appUser ? (this.failures.get(appUser.id) ?? null) : null };
  }

  /** Only the profile attributes that carry licenses and roles matter to the diagnosis; the rest is not kept. */
  private trimmed(appUser: OktaAppUser): OktaAppUser {
    const keep = [this.context.licenseSchema.licensesAttribute, this.context.licenseSchema.rolesAttribute].filter((a): a is string => a !== null);
    return { ...appUser, profile: Object.fromEntries(keep.flatMap((a) => (a in appUser.profile ? [[a, appUser.profile[a]]] : []))) };
  }

  private async diagnose(pairs: readonly ScanPair[]): Promise<ScanResult[]> {
    await this.loadGroups(pairs);
    const groups = [...this.groups.values()].filter((g): g is EntraGroup => g !== null);
    return pairs.map((p) => {
      const row = scanUser(this.context, { ...p, groups });
      return { key: scanUserName(p).toLowerCase(), row };
    });
  }

  /** Reads the licensing groups not seen yet, together (a tenant has few; they are kept for the whole scan). */
  private async loadGroups(pairs: readonly ScanPair[]): Promise<void> {
    const wanted = new Set<string>();
    for (const p of pairs) for (const s of p.entra?.licenseAssignmentStates ?? []) if (s.assignedByGroup && !this.groups.has(s.assignedByGroup)) wanted.add(s.assignedByGroup);
    if (wanted.size === 0) return;
    const found = await this.entra.getGroups([...wanted]);
    for (const id of wanted) this.groups.set(id, found.find((g) => g.id.toLowerCase() === id) ?? null);
  }
}

/** A side read again from its start may have spilled a user twice; the merge takes every copy at once. */
function dedupe(users: readonly SpilledUser[]): SpilledUser[] {
  const seen = new Set<string>();
  return users.filter((u) => !seen.has(u.itemId) && seen.add(u.itemId));
}
