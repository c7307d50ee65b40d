// Joins one page of one side of a scan against the users of the other side already read (kept in the store), and
// diagnoses every pair it completes. Called for one page at a time, so pages of both sides never race.
import type { EntraGroup, EntraUser } from '../../core/model/entra.ts';
import type { OktaAppUser, OktaPushFailure } from '../../core/model/okta.ts';
import type { ScanContext, ScanPair } from '../../core/model/scan.ts';
import type { EntraDirectory } from '../../core/ports/entra-directory.ts';
import type { ScanPageCommit, ScanResult, ScanSide, ScanStore, StagedUser } from '../../core/ports/scan-store.ts';
import { appUserJoinKeys, entraJoinKeys, type JoinKeys } from '../../core/scan/join-keys.ts';
import { scanUser, scanUserName } from '../../core/scan/scan-user.ts';

type SideItem = { readonly side: 'entra'; readonly user: EntraUser } | { readonly side: 'okta'; readonly user: OktaAppUser };

const keysOf = (item: SideItem): JoinKeys => (item.side === 'entra' ? entraJoinKeys(item.user) : appUserJoinKeys(item.user));
const itemIdOf = (item: SideItem): string => (item.side === 'entra' ? item.user.id.toLowerCase() : item.user.id);

/** Parses a staged user back; the store holds what `stageOf` wrote. */
function fromStaged(s: StagedUser): SideItem {
  return s.side === 'entra' ? { side: 'entra', user: JSON.parse(s.payload) as EntraUser } : { side: 'okta', user: JSON.parse(s.payload) as OktaAppUser };
}

/** The diagnosis reads a user's licenses from their assignment paths; `assignedLicenses` repeats them and is not kept. */
const trimmedEntra = (user: EntraUser): EntraUser => ({ ...user, assignedLicenses: [] });

export class ScanJoiner {
  private readonly groups = new Map<string, EntraGroup | null>();
  private readonly store: ScanStore;
  private readonly entra: EntraDirectory;
  private readonly scanId: string;
  private readonly context: ScanContext;
  private readonly failures: ReadonlyMap<string, OktaPushFailure>;

  constructor(deps: { store: ScanStore; entra: EntraDirectory }, scanId: string, context: ScanContext, failures: ReadonlyMap<string, OktaPushFailure>) {
    this.store = deps.store;
    this.entra = deps.entra;
    this.scanId = scanId;
    this.context = context;
    this.failures = failures;
  }

  /** Joins and diagnoses one page; returns the commit to write with the side's progress (the caller adds it). */
  async joinPage(side: ScanSide, users: readonly EntraUser[] | readonly OktaAppUser[]): Promise<ScanPageCommit> {
    const items: SideItem[] = side === 'entra'
      ? (users as readonly EntraUser[]).map((user) => ({ side: 'entra', user }))
      : (users as readonly OktaAppUser[]).map((user) => ({ side: 'okta', user }));
    const other: ScanSide = side === 'entra' ? 'okta' : 'entra';
    const keys = items.map(keysOf);
    // Most users meet by object id; only those that did not are looked up by user name (a second, smaller query), so
    // the staged rows of a page are read once, not once per key.
    const byId = new Map<string, StagedUser>();
    const byUpn = new Map<string, StagedUser>();
    const index = (found: readonly StagedUser[]) => {
      for (const s of found) {
        if (s.keyId !== null && !byId.has(s.keyId)) byId.set(s.keyId, s);
        if (s.keyUpn !== null && !byUpn.has(s.keyUpn)) byUpn.set(s.keyUpn, s);
      }
    };
    index(await this.store.findStaged(this.scanId, other, keys.flatMap((k) => (k.id ? [k.id] : [])), []));
    // (A page where two users carry the same object id looks both up by name too, as a pair takes a staged user once.)
    const idCounts = new Map<string, number>();
    for (const k of keys) if (k.id !== null) idCounts.set(k.id, (idCounts.get(k.id) ?? 0) + 1);
    const unmatchedUpns = keys.flatMap((k) => (k.upn !== null && (k.id === null || !byId.has(k.id) || (idCounts.get(k.id) ?? 0) > 1) ? [k.upn] : []));
    index(await this.store.findStaged(this.scanId, other, [], unmatchedUpns));
    const used = new Set<string>();
    const pairs: ScanPair[] = [];
    const unstage: Array<{ side: ScanSide; itemId: string }> = [];
    const stage: StagedUser[] = [];
    items.forEach((item, i) => {
      const k = keys[i] ?? keysOf(item);
      const match = [k.id !== null ? byId.get(k.id) : undefined, k.upn !== null ? byUpn.get(k.upn) : undefined].find((m) => m !== undefined && !used.has(m.itemId));
      if (!match) {
        stage.push({ side, itemId: itemIdOf(item), keyId: k.id, keyUpn: k.upn, payload: JSON.stringify(item.side === 'okta' ? this.trimmed(item.user) : trimmedEntra(item.user)) });
        return;
      }
      used.add(match.itemId);
      unstage.push({ side: other, itemId: match.itemId });
      const found = fromStaged(match);
      pairs.push(this.pair(item.side === 'entra' ? item.user : (found.side === 'entra' ? found.user : null), item.side === 'okta' ? item.user : (found.side === 'okta' ? found.user : null)));
    });
    return { unstage, stage, results: await this.diagnose(pairs) };
  }

  /** Diagnoses users met on one side only (after both sides were read completely). */
  async alone(staged: readonly StagedUser[]): Promise<ScanPageCommit> {
    const pairs = staged.map((s) => {
      const item = fromStaged(s);
      return item.side === 'entra' ? this.pair(item.user, null) : this.pair(null, item.user);
    });
    return { unstage: staged.map((s) => ({ side: s.side, itemId: s.itemId })), stage: [], results: await this.diagnose(pairs) };
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
