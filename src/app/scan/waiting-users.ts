// The users a scan read on one side and has not met on the other yet, held in memory keyed by their join keys (each
// as its item id, keys and the JSON the diagnosis needs: a few hundred bytes), up to a budget. What the store keeps of
// them is one append-only row per committed page: the users the page added and the waiting users it took; replayed in
// order, those rows rebuild the waiting users after a crash. A page so writes one row, not one row per user in
// random-order indexes. Users beyond the budget are spilled: appended to the store (unindexed) with the page, and
// joined by the final merge (scan-merge.ts), so that the scan's memory does not grow with the tenant.
import type { ScanSide, ScanStore, SpilledUser, StagedPage } from '../../core/ports/scan-store.ts';
import type { JoinKeys } from '../../core/scan/join-keys.ts';

export interface WaitingUser {
  readonly itemId: string;
  readonly keyId: string | null;
  readonly keyUpn: string | null;
  /** The user's JSON as the diagnosis needs it. */
  readonly payload: string;
}

/** A stored page: `s` the side users were added to (`a`: item id, keys, user), `t` the side whose users `r` were taken. */
interface PageBody {
  readonly s: ScanSide;
  readonly a: ReadonlyArray<readonly [string, string | null, string | null, unknown]>;
  readonly t: ScanSide;
  readonly r: readonly string[];
}

/** Users by one join key; a key rarely has more than one user, so a lone user is not wrapped in an array. */
class KeyIndex {
  private readonly map = new Map<string, WaitingUser | WaitingUser[]>();

  add(key: string | null, user: WaitingUser): void {
    if (key === null) return;
    const slot = this.map.get(key);
    if (slot === undefined) this.map.set(key, user);
    else if (Array.isArray(slot)) slot.push(user);
    else this.map.set(key, [slot, user]);
  }

  first(key: string | null): WaitingUser | undefined {
    if (key === null) return undefined;
    const slot = this.map.get(key);
    return Array.isArray(slot) ? slot[0] : slot;
  }

  remove(key: string | null, user: WaitingUser): void {
    if (key === null) return;
    const slot = this.map.get(key);
    if (slot === user) this.map.delete(key);
    else if (Array.isArray(slot)) {
      const rest = slot.filter((u) => u !== user);
      if (rest.length === 0) this.map.delete(key);
      else this.map.set(key, rest.length === 1 && rest[0] ? rest[0] : rest);
    }
  }
}

/** What a waiting user costs in memory, roughly: its strings and its entries in three maps. */
const waitingBytes = (u: WaitingUser): number => 160 + u.payload.length + u.itemId.length + (u.keyId?.length ?? 0) + (u.keyUpn?.length ?? 0);

class WaitingSide {
  readonly byItem = new Map<string, WaitingUser>();
  private readonly byId = new KeyIndex();
  private readonly byUpn = new KeyIndex();

  /** False when the user already waits (a side read again from its start). */
  add(user: WaitingUser): boolean {
    if (this.byItem.has(user.itemId)) return false;
    this.byItem.set(user.itemId, user);
    this.byId.add(user.keyId, user);
    this.byUpn.add(user.keyUpn, user);
    return true;
  }

  find(keys: JoinKeys): WaitingUser | undefined {
    return this.byId.first(keys.id) ?? this.byUpn.first(keys.upn);
  }

  remove(user: WaitingUser): void {
    this.byItem.delete(user.itemId);
    this.byId.remove(user.keyId, user);
    this.byUpn.remove(user.keyUpn, user);
  }
}

const other = (side: ScanSide): ScanSide => (side === 'okta' ? 'entra' : 'okta');

export class WaitingUsers {
  private readonly sides: Record<ScanSide, WaitingSide> = { okta: new WaitingSide(), entra: new WaitingSide() };
  private readonly budgetBytes: number;
  /** What the waiting users in memory cost (waitingBytes), and the most they cost at once. */
  private bytes = 0;
  private peak = 0;
  /** Whether any user of this scan went to the store (then the final merge joins the rest there). */
  private spilledAny = false;
  private spill: SpilledUser[] = [];
  private nextSeq = 0;
  // The page being joined: users added to `addSide` (as JSON entries) and item ids taken from the other side.
  private addSide: ScanSide = 'okta';
  private added: string[] = [];
  private takenSide: ScanSide = 'entra';
  private taken: string[] = [];

  /** `budgetBytes`: the most the waiting users may cost in memory (waitingBytes); beyond it they are spilled. */
  constructor(budgetBytes: number) {
    this.budgetBytes = budgetBytes;
  }

  /** Users in memory now, their cost, and the peak cost. */
  stats(): { readonly users: number; readonly bytes: number; readonly peakBytes: number; readonly spilled: boolean } {
    return { users: this.sides.okta.byItem.size + this.sides.entra.byItem.size, bytes: this.bytes, peakBytes: this.peak, spilled: this.spilledAny };
  }

  /** Whether users were spilled to the store (the final merge is then needed). */
  get spilled(): boolean {
    return this.spilledAny;
  }

  /** Rebuilds the waiting users of an interrupted scan from its staged pages (and whether it spilled). */
  async restore(store: ScanStore, scanId: string): Promise<void> {
    this.spilledAny = await store.hasSpilled(scanId);
    let after: number | null = null;
    for (;;) {
      const pages = await store.stagedPages(scanId, after, 50);
      for (const page of pages) {
        // The app wrote these bodies itself (pageBody below).
        const body = JSON.parse(page.body) as PageBody;
        // Taken first: they are of the other side, added by earlier pages; so memory never holds more than it did.
        for (const itemId of body.r) {
          const user = this.sides[body.t].byItem.get(itemId);
          if (user) this.release(body.t, user);
        }
        for (const [itemId, keyId, keyUpn, user] of body.a) this.hold(body.s, { itemId, keyId, keyUpn, payload: JSON.stringify(user) });
        after = page.seq;
        this.nextSeq = page.seq + 1;
      }
      if (pages.length < 50) return;
    }
  }

  /** Starts the changes of a page of `side` (its users are added there; they are taken from the other side). */
  beginPage(side: ScanSide): void {
    this.addSide = side;
    this.takenSide = other(side);
    this.added = [];
    this.taken = [];
    this.spill = [];
  }

  /** Starts the changes of a pass over `side`'s leftovers (only taken). */
  beginLeftovers(side: ScanSide): void {
    this.beginPage(other(side));
  }

  /** Adds a user of the page's side to wait for its other side. */
  add(user: WaitingUser): void {
    if (this.bytes + waitingBytes(user) > this.budgetBytes) {
      this.spilledAny = true;
      this.spill.push({ side: this.addSide, ...user });
      return;
    }
    if (!this.hold(this.addSide, user)) return;
    this.added.push(`[${JSON.stringify(user.itemId)},${JSON.stringify(user.keyId)},${JSON.stringify(user.keyUpn)},${user.payload}]`);
  }

  /** Takes the waiting user of the other side with these keys (by object id first, then user name), if any. */
  take(keys: JoinKeys): WaitingUser | undefined {
    const side = this.sides[this.takenSide];
    const found = side.find(keys);
    if (found) {
      this.release(this.takenSide, found);
      this.taken.push(found.itemId);
    }
    return found;
  }

  private hold(side: ScanSide, user: WaitingUser): boolean {
    if (!this.sides[side].add(user)) return false;
    this.bytes += waitingBytes(user);
    this.peak = Math.max(this.peak, this.bytes);
    return true;
  }

  private release(side: ScanSide, user: WaitingUser): void {
    this.sides[side].remove(user);
    this.bytes -= waitingBytes(user);
  }

  /** Takes up to `limit` waiting users of the leftovers' side. */
  takeSome(limit: number): WaitingUser[] {
    const side = this.sides[this.takenSide];
    const out: WaitingUser[] = [];
    for (const user of side.byItem.values()) {
      if (out.length >= limit) break;
      out.push(user);
    }
    for (const user of out) {
      this.release(this.takenSide, user);
      this.taken.push(user.itemId);
    }
    return out;
  }

  /** Moves up to `limit` waiting users of `side` from memory to the store (before the final merge); the page's
   *  row records them taken and its spill carries them. False when none was left. */
  spillSome(side: ScanSide, limit: number): boolean {
    this.beginLeftovers(side);
    const moved = this.takeSome(limit);
    this.spill = moved.map((u) => ({ side, ...u }));
    return moved.length > 0;
  }

  /** The page's row for the store (null when it changed nothing in memory), numbered in commit order, and the users
   *  it spilled. */
  endPage(): { readonly staged: StagedPage | null; readonly spill: readonly SpilledUser[] } {
    const spill = this.spill;
    this.spill = [];
    if (this.added.length === 0 && this.taken.length === 0) return { staged: null, spill };
    const body = `{"s":"${this.addSide}","a":[${this.added.join(',')}],"t":"${this.takenSide}","r":${JSON.stringify(this.taken)}}`;
    this.added = [];
    this.taken = [];
    return { staged: { seq: this.nextSeq++, body }, spill };
  }
}
