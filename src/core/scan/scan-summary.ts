// The scan summary, accumulated one row at a time so that a scan of any size is summarised in bounded memory.
import { VERDICTS, type Verdict } from '../model/diagnosis.ts';
import type { ScanGroup, ScanGroupSummary, ScanSummary, ScanUserRow } from '../model/scan.ts';

export class ScanSummaryBuilder {
  private readonly byVerdict = new Map<Verdict, number>(VERDICTS.map((v) => [v, 0]));
  private readonly groups = new Map<string, { group: ScanGroup; skus: Set<string>; users: number }>();
  private readonly counts: { oktaAppUsers: number; entraUsers: number };

  constructor(counts: { oktaAppUsers: number; entraUsers: number }) {
    this.counts = counts;
  }

  /** Counts one user. */
  add(row: ScanUserRow): void {
    this.byVerdict.set(row.verdict, (this.byVerdict.get(row.verdict) ?? 0) + 1);
    for (const g of row.groups) {
      const entry = this.groups.get(g.id) ?? { group: { id: g.id, displayName: g.displayName, kind: g.kind }, skus: new Set<string>(), users: 0 };
      entry.users += 1;
      for (const sku of g.skus) entry.skus.add(sku);
      this.groups.set(g.id, entry);
    }
  }

  /** The summary: every verdict (zero included), groups by users affected, most first. */
  build(): ScanSummary {
    const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, this.byVerdict.get(v) ?? 0])) as Record<Verdict, number>;
    const byGroup: ScanGroupSummary[] = [...this.groups.values()]
      .map(({ group, skus, users }) => ({ ...group, skus: [...skus].sort(), users }))
      .sort((a, b) => b.users - a.users || a.displayName.localeCompare(b.displayName, 'en'));
    return { ...this.counts, byVerdict, byGroup };
  }
}
