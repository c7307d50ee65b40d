// The users a scan read on one side and has not met on the other yet, held in memory keyed by their join keys (each
// as its item id, keys and the JSON the diagnosis needs: a few hundred bytes). What the store keeps of them is one
// append-only row per committed page: the users the page added and the waiting users it took; replayed in order,
// those rows rebuild the waiting users after a crash. A page so writes one row, not one row per user in random-order
// indexes.
import type { ScanSide, ScanStore, StagedPage } from '../../core/ports/scan-store.ts';
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
  private nextSeq = 0;
  // The page being joined: users added to `addSide` (as JSON entries) and item ids taken from the other side.
  private addSide: ScanSide = 'okta';
  private added: string[] = [];
  private takenSide: ScanSide = 'entra';
  private taken: string[] = [];

  /** Rebuilds the waiting users of an interrupted scan from its staged pages. */
  async restore(store: ScanStore, scanId: string): Promise<void> {
    let after: number | null = null;
    for (;;) {
      const pages = await store.stagedPages(scanId, after, 50);
      for (const page of pages) {
        // The app wrote these bodies itself (pageBody below).
        const body = JSON.parse(page.body) as PageBody;
        for (const [itemId, keyId, keyUpn, user] of body.a) this.sides[body.s].add({ itemId, keyId, keyUpn, payload: JSON.stringify(user) });
        for (const itemId of body.r) {
          const user = this.sides[body.t].byItem.get(itemId);
          if (user) this.sides[body.t].remove(user);
        }
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
  }

  /** Starts the changes of a pass over `side`'s leftovers (only taken). */
  beginLeftovers(side: ScanSide): void {
    this.beginPage(other(side));
  }

  /** Adds a user of the page's side to wait for its other side. */
  add(user: WaitingUser): void {
    if (!this.sides[this.addSide].add(user)) return;
    this.added.push(`[${JSON.stringify(user.itemId)},${JSON.stringify(user.keyId)},${JSON.stringify(user.keyUpn)},${user.payload}]`);
  }

  /** Takes the waiting user of the other side with these keys (by object id first, then user name), if any. */
  take(keys: JoinKeys): WaitingUser | undefined {
    const side = this.sides[this.takenSide];
    const found = side.find(keys);
    if (found) {
      side.remove(found);
      this.taken.push(found.itemId);
    }
    return found;
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
      side.remove(user);
      this.taken.push(user.itemId);
    }
    return out;
  }

  /** The page's row for the store (null when it changed nothing); numbered in commit order. */
  endPage(): StagedPage | null {
    if (this.added.length === 0 && this.taken.length === 0) return null;
    const body = `{"s":"${this.addSide}","a":[${this.added.join(',')}],"t":"${this.takenSide}","r":${JSON.stringify(this.taken)}}`;
    this.added = [];
    this.taken = [];
    return { seq: this.nextSeq++, body };
  }
}
