// Proactive alerts (issue 14): failed Okta pushes that share a cause are one alert, whose users are listed on one card.
import type { DiagnosisReport, Verdict } from './diagnosis.ts';

/** What a failure comes from: the verdict and, where the diagnosis names them, the licensing group and the SKU. */
export interface AlertCause {
  /** `verdict|groupId|skuId` ('-' for a missing part): failures with the same key share an alert within its window. */
  readonly key: string;
  readonly verdict: Verdict;
  readonly group: { readonly id: string; readonly displayName: string } | null;
  readonly sku: { readonly id: string; readonly partNumber: string } | null;
}

/** One user on an alert. */
export interface AlertMember {
  readonly userPrincipalName: string;
  readonly displayName: string;
  /** `alerted` until a later diagnosis or a succeeded request shows the failure gone. */
  readonly status: 'alerted' | 'resolved';
  readonly alertedAt: string;
  readonly resolvedAt: string | null;
  /** The diagnosis that alerted them (the card's paths act on one unresolved member's). */
  readonly report: DiagnosisReport;
}

/** An alert: one cause, its users in the order they were alerted. */
export interface Alert {
  readonly id: string;
  readonly cause: AlertCause;
  readonly openedAt: string;
  /** Failures of the cause until then join this alert; later ones open a new one. */
  readonly windowEndsAt: string;
  /** Grows with every change (a member added or resolved): cards are re-rendered until they show the latest. */
  readonly version: number;
  readonly members: readonly AlertMember[];
}
