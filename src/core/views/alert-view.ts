// The view of an alert: what fails and why (the cause), how many users and which (the first few, then "and M more"),
// the diagnosis of one user still failing with its path buttons, and whether everyone is resolved.
import { alertLabels } from '../alerts/alert-labels.ts';
import { openMembers, representative } from '../alerts/alert-rules.ts';
import type { Alert, AlertCause } from '../model/alert.ts';
import { diagnosisView } from './diagnosis-view.ts';
import type { DiagnosisView, Tone } from './view-model.ts';

/** Users listed by name on a card; the rest are counted (Block Kit and Adaptive Card size limits). */
export const MAX_LISTED_USERS = 10;

export interface AlertUserView {
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly resolved: boolean;
}

export interface AlertView {
  readonly alertId: string;
  readonly cause: AlertCause;
  /** "Okta pushes fail: Microsoft 365 E3 comes from group Lic-M365-E3-Staff". */
  readonly headline: string;
  /** "3 users failing since 14:02 UTC · 1 resolved". */
  readonly summary: string;
  readonly tone: Tone;
  /** Still failing, then resolved, in the order they were alerted; at most MAX_LISTED_USERS. */
  readonly users: readonly AlertUserView[];
  /** Users not listed. */
  readonly more: number;
  readonly failing: number;
  readonly resolved: number;
  /** The diagnosis of the first user still failing (the path buttons act on them); null once all are resolved. */
  readonly diagnosis: DiagnosisView | null;
}

const hhmm = (iso: string) => `${iso.slice(11, 16)} UTC`;
const users = (n: number) => `${n} user${n === 1 ? '' : 's'}`;

/** The view of `alert`. */
export function alertView(alert: Alert): AlertView {
  const failing = openMembers(alert);
  const resolved = alert.members.filter((m) => m.status === 'resolved');
  const ordered = [...failing, ...resolved].map((m) => ({ userPrincipalName: m.userPrincipalName, displayName: m.displayName, resolved: m.status === 'resolved' }));
  const first = representative(alert);
  const { headline } = alertLabels(alert);
  const summary = failing.length === 0
    ? `All ${users(resolved.length)} resolved · first failure ${hhmm(alert.openedAt)}`
    : `${users(failing.length)} failing since ${hhmm(alert.openedAt)}${resolved.length > 0 ? ` · ${resolved.length} resolved` : ''}`;
  return {
    alertId: alert.id,
    cause: alert.cause,
    headline,
    summary,
    tone: failing.length === 0 ? 'good' : 'attention',
    users: ordered.slice(0, MAX_LISTED_USERS),
    more: Math.max(0, ordered.length - MAX_LISTED_USERS),
    failing: failing.length,
    resolved: resolved.length,
    diagnosis: first ? diagnosisView(first.report) : null,
  };
}
