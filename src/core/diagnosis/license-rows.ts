import type { EntraGroup, EntraUser, SubscribedSku } from '../model/entra.ts';
import type { GroupRef, LicenseRow } from '../model/diagnosis.ts';
import { productName, skuPartNumber } from '../licensing/product-catalog.ts';
import { groupKind } from './group-kind.ts';

/** The group as the report names it; a group that could not be read keeps its id as name and counts as `assigned`. */
export function groupRef(id: string, groups: readonly EntraGroup[]): GroupRef {
  const group = findGroup(id, groups);
  return group ? { id: group.id, displayName: group.displayName, kind: groupKind(group) } : { id, displayName: id, kind: 'assigned' };
}

// One index per groups array, built on its first lookup: a diagnosis looks up every group of every license path, so
// a scan per lookup made it quadratic in the user's groups (81 ms of CPU at 1,000). The arrays are readonly snapshots.
const indexes = new WeakMap<readonly EntraGroup[], ReadonlyMap<string, EntraGroup>>();

function groupIndex(groups: readonly EntraGroup[]): ReadonlyMap<string, EntraGroup> {
  let index = indexes.get(groups);
  if (index === undefined) {
    const byId = new Map<string, EntraGroup>();
    // The first group read with an id wins, as a scan would find it.
    for (const group of groups) if (!byId.has(group.id.toLowerCase())) byId.set(group.id.toLowerCase(), group);
    index = byId;
    indexes.set(groups, index);
  }
  return index;
}

/** The group with this id (GUIDs compared case-insensitively), if it was read. */
export function findGroup(id: string, groups: readonly EntraGroup[]): EntraGroup | undefined {
  return groupIndex(groups).get(id.toLowerCase());
}

const compareText = (a: string, b: string): number => a.localeCompare(b, 'en');

/** One row per license assignment path of the user, by product name, direct before group paths. */
export function licenseRows(user: EntraUser | null, groups: readonly EntraGroup[], skus: readonly SubscribedSku[]): LicenseRow[] {
  const rows = (user?.licenseAssignmentStates ?? []).map((s): LicenseRow => {
    const part = skuPartNumber(s.skuId, skus);
    return {
      skuId: s.skuId.toLowerCase(),
      skuPartNumber: part,
      productName: productName(s.skuId, part),
      assignment: s.assignedByGroup === null ? 'direct' : 'group',
      group: s.assignedByGroup === null ? null : groupRef(s.assignedByGroup, groups),
      state: s.state,
      error: s.error,
    };
  });
  return rows.sort(
    (a, b) =>
      compareText(a.productName, b.productName) ||
      compareText(a.skuId, b.skuId) ||
      Number(a.assignment === 'group') - Number(b.assignment === 'group') ||
      compareText(a.group?.displayName ?? '', b.group?.displayName ?? ''),
  );
}
