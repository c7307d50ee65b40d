// One user of a fleet scan, diagnosed by the same core as a single diagnosis (gatherFindings), from what the scan
// read in pages instead of one user's reads.
import type { Conflict, DiagnosisInput, OktaReport, OktaSnapshot, Verdict } from '../model/diagnosis.ts';
import type { OktaUser } from '../model/okta.ts';
import type { ScanContext, ScanGroup, ScanPair, ScanUserRow } from '../model/scan.ts';
import { gatherFindings } from '../diagnosis/findings.ts';

/** The scan row of a diagnosis: the same fields whether it came from a scan or a single `diagnose`. */
export function scanRow(userPrincipalName: string, verdict: Verdict, conflicts: readonly Conflict[], okta: OktaReport | null): ScanUserRow {
  const groups = new Map<string, { id: string; displayName: string; kind: ScanGroup['kind']; skus: string[] }>();
  for (const c of conflicts) {
    for (const g of c.groups) {
      const entry = groups.get(g.id) ?? { id: g.id, displayName: g.displayName, kind: g.kind, skus: [] };
      if (!entry.skus.includes(c.skuPartNumber)) entry.skus.push(c.skuPartNumber);
      groups.set(g.id, entry);
    }
  }
  return {
    userPrincipalName,
    verdict,
    conflictSkus: [...new Set(conflicts.map((c) => c.skuPartNumber))],
    groups: [...groups.values()],
    syncState: okta?.syncState ?? null,
    lastPushFailure: okta?.lastPushFailure ?? null,
  };
}

/** The name a scan row goes by: the Entra user principal name, else the app user's user name (or Okta id). */
export function scanUserName(pair: Pick<ScanPair, 'entra' | 'appUser'>): string {
  return pair.entra?.userPrincipalName ?? pair.appUser?.userName ?? pair.appUser?.id ?? '';
}

function oktaSnapshot(ctx: ScanContext, pair: ScanPair): OktaSnapshot {
  const appUser = pair.appUser;
  if (appUser === null) return { app: ctx.app, user: null, appUser: null, licenseSchema: null, provisioning: null, pushFailures: [] };
  // The app user's id is the Okta user's id; the rest of the Okta user does not change the diagnosis.
  const user: OktaUser = { id: appUser.id, login: appUser.userName ?? appUser.id, email: null, status: 'ACTIVE', displayName: null };
  return {
    app: ctx.app, user, appUser, licenseSchema: ctx.licenseSchema, provisioning: ctx.provisioning,
    pushFailures: pair.pushFailure ? [pair.pushFailure] : [],
  };
}

/** The diagnosis input of one scanned user (what diagnoseIdentifier would have read for them). */
function scanDiagnosisInput(ctx: ScanContext, pair: ScanPair): DiagnosisInput {
  const name = scanUserName(pair);
  const entra = pair.entra === null
    ? { user: null, groups: [], subscribedSkus: [] }
    : { user: pair.entra, groups: pair.groups, subscribedSkus: ctx.subscribedSkus };
  return {
    query: name, sandbox: ctx.sandbox, checkedAt: ctx.checkedAt, parsedError: null, identifier: name,
    entra, okta: pair.entra === null ? null : oktaSnapshot(ctx, pair), workflowsConfigured: ctx.workflowsConfigured,
  };
}

/** Diagnoses one scanned user. */
export function scanUser(ctx: ScanContext, pair: ScanPair): ScanUserRow {
  const f = gatherFindings(scanDiagnosisInput(ctx, pair));
  return scanRow(scanUserName(pair), f.verdict, f.conflicts, f.okta);
}
