// "Fix these N users" on an aggregated alert: offered while users of a path-1 cause (a licensing group's license that
// Okta's push removes) are still failing; it asks for one batch for them (two approvals, one request per user).
import type { AlertView } from './alert-view.ts';

const FIXABLE = new Set(['group-inherited-license-conflict', 'dual-managed-license']);

/** The button's label, or null when the alert offers no batch. */
export function alertBatchOffer(view: Pick<AlertView, 'cause' | 'failing'>): string | null {
  if (view.failing === 0 || !FIXABLE.has(view.cause.verdict) || view.cause.group === null) return null;
  return `Fix these ${view.failing} user${view.failing === 1 ? '' : 's'}`;
}
