// Row helpers of the scan store: IN-list sizes, side-prefixed join keys, and table rows <-> port types.
import type { ScanRun, ScanSide, SpilledUser } from '../../core/ports/scan-store.ts';
import type { ScanRunsTable } from './scan-tables.ts';

/**
 * Values for IN lists: chunks of 256, the last one padded (by repeating a value) to a power of two. SQLite prepares
 * (and caches) one statement per distinct SQL text; sizes that varied with every page would fill that cache.
 */
export const inLists = (values: readonly string[]): string[][] => {
  const out: string[][] = [];
  for (let i = 0; i < values.length; i += 256) {
    const part = values.slice(i, i + 256);
    let size = 1;
    while (size < part.length) size *= 2;
    const first = part[0];
    while (first !== undefined && part.length < size) part.push(first);
    out.push(part);
  }
  return out;
};

export function toRun(r: ScanRunsTable): ScanRun {
  return {
    id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, appId: r.app_id,
    okta: { cursor: r.okta_cursor, done: Number(r.okta_done) === 1, pages: Number(r.okta_pages), users: Number(r.okta_users) },
    entra: { cursor: r.entra_cursor, done: Number(r.entra_done) === 1, pages: Number(r.entra_pages), users: Number(r.entra_users) },
  };
}

export interface SpilledRow { side: string; item_id: string; key_id: string | null; key_upn: string | null; payload: string }

/** A join key as stored: prefixed with its side. */
export const sideKey = (side: ScanSide, key: string): string => `${side === 'okta' ? 'o' : 'e'}:${key}`;
const unprefixed = (key: string | null): string | null => (key === null ? null : key.slice(2));

export const spilledUser = (r: SpilledRow): SpilledUser => ({
  side: r.side === 'okta' ? 'okta' : 'entra', itemId: r.item_id, keyId: unprefixed(r.key_id), keyUpn: unprefixed(r.key_upn), payload: r.payload,
});
