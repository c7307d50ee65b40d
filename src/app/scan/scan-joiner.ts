// Joins one page of one side of a scan against the users of the other side already read and still waiting (held in
// memory, their changes stored one row per page: waiting-users.ts), and diagnoses every pair it completes. Called for one page at a time, so pages of both sides never race.
import type { EntraGroup, EntraUser } from '../../core/model/entra.ts';
import type { OktaAppUser, OktaPushFailure } from '../../core/model/okta.ts';
import type { ScanContext, ScanPair } from '../../core/model/scan.ts';
import type { EntraDirectory } from '../../core/ports/entra-directory.ts';
import type { ScanPageCommit, ScanResult, ScanSide } from '../../core/ports/scan-store.ts';
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

  /** `waiting`: the scan's waiting users (restored from the store when it resumes). */
  constructor(deps: { entra: EntraDirectory }, waiting: WaitingUsers, context: ScanContext, failures: ReadonlyMap<string, OktaPushFailure>) {
    this.waiting = waiting;
    this.entra = deps.entra;
    this.context = context;
    this.failures = failures;
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
    return { staged: this.waiting.endPage(), results: await this.diagnose(pairs) };
  }

  /** Diagnoses up to `limit` users met on `side` only (after both sides were read completely); null when none is left. */
  async leftovers(side: ScanSide, limit: number): Promise<ScanPageCommit | null> {
    this.waiting.beginLeftovers(side);
    const alone = this.waiting.takeSome(limit);
    if (alone.length === 0) return null;
    const pairs = alone.map((u) => (side === 'entra' ? this.pair(JSON.parse(u.payload) as EntraUser, null) : this.pair(null, JSON.parse(u.payload) as OktaAppUser)));
    return { staged: this.waiting.endPage(), results: await this.diagnose(pairs) };
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
