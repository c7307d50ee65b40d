// Diagnosis reports of the seeded scenarios (the sandbox's state, diagnosed by the core), for alert tests.
import { diagnose } from '../../../src/core/diagnosis/diagnose.ts';
import type { Alert, AlertMember } from '../../../src/core/model/alert.ts';
import type { DiagnosisReport } from '../../../src/core/model/diagnosis.ts';
import { alertCause } from '../../../src/core/alerts/alert-rules.ts';
import { seedTenant } from '../../../src/sandbox/seed.ts';
import { diagnosisInputFromSeed } from '../../factories/diagnosis-input-from-seed.ts';

export const NOW = new Date('2026-05-07T12:00:00.000Z');
const state = seedTenant(NOW);

/** Users whose failures share one cause (Microsoft 365 E3 from the E3 licensing group), and one with another group. */
export const SAME_CAUSE = ['adele.vance@contoso.com', 'megan.bowen@contoso.com', 'miriam.graham@contoso.com', 'henrietta.mueller@contoso.com'] as const;
export const OTHER_GROUP = 'alex.wilber@contoso.com';
export const HEALTHY = 'lee.gu@contoso.com';

export const reportFor = (upn: string): DiagnosisReport => diagnose(diagnosisInputFromSeed(state, upn, NOW.toISOString()));

/** A member of an alert, alerted `minutes` after NOW. */
export function member(upn: string, minutes = 0, resolved = false): AlertMember {
  const report = reportFor(upn);
  const at = new Date(NOW.getTime() + minutes * 60_000).toISOString();
  return { userPrincipalName: upn, displayName: report.user?.displayName ?? upn, status: resolved ? 'resolved' : 'alerted', alertedAt: at, resolvedAt: resolved ? at : null, report };
}

/** An alert of SAME_CAUSE's cause with `members`. */
export function alertOf(members: AlertMember[]): Alert {
  const cause = alertCause(reportFor(SAME_CAUSE[0]));
  if (!cause) throw new Error('no cause');
  return { id: 'ALERT-1', cause, openedAt: NOW.toISOString(), windowEndsAt: new Date(NOW.getTime() + 3_600_000).toISOString(), version: members.length, members };
}
