// What a chat shows of a fleet scan: one card, first its progress (pages read on each side, users diagnosed), then
// its summary (users by verdict, the licensing groups behind the conflicts with their SKUs), or why it did not run.
// Decided once here; the Slack and Teams renderers only lay it out.
import { productNameOfPart } from '../licensing/product-catalog.ts';
import { VERDICTS, type Verdict } from '../model/diagnosis.ts';
import type { ScanProgress, ScanSummary } from '../model/scan.ts';
import type { Tone } from './view-model.ts';

/** What each verdict means for a whole fleet (the CLI's text report uses the same words). */
export const SCAN_VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  'group-inherited-license-conflict': 'conflict: Okta removes a group license (fails now or on the next push)',
  'dual-managed-license': 'licensed by Okta and a group (next change in Okta fails)',
  'other-license-error': 'other license error',
  'okta-provisioning-disabled': 'Okta provisioning off',
  'not-managed-by-okta': 'not managed by Okta',
  'user-not-found': 'in Okta, not in Entra ID',
  'user-not-identified': 'not identified',
  'no-conflict': 'no conflict',
};

const VERDICT_TONE: Readonly<Record<Verdict, Tone>> = {
  'group-inherited-license-conflict': 'attention',
  'dual-managed-license': 'warning',
  'other-license-error': 'warning',
  'okta-provisioning-disabled': 'neutral',
  'not-managed-by-okta': 'neutral',
  'user-not-found': 'warning',
  'user-not-identified': 'neutral',
  'no-conflict': 'good',
};

/** How many licensing groups a card lists (the report has them all). */
const SCAN_CARD_GROUPS = 10;

export interface ScanSideView {
  readonly name: string;
  /** "12 pages · 5,961 users" with "done" once the side is read. */
  readonly line: string;
  readonly done: boolean;
}

export interface ScanVerdictLine {
  readonly verdict: Verdict;
  readonly label: string;
  readonly users: number;
  readonly tone: Tone;
}

export interface ScanGroupLine {
  readonly displayName: string;
  /** "assigned", "dynamic", ... */
  readonly kind: string;
  /** "Office 365 E3 (ENTERPRISEPACK)", ... */
  readonly skus: readonly string[];
  readonly users: number;
}

export type ScanCardView =
  | {
      readonly kind: 'progress';
      readonly title: string;
      readonly startedBy: string;
      readonly sides: readonly ScanSideView[];
      /** "4,210 users diagnosed so far". */
      readonly diagnosed: string;
    }
  | {
      readonly kind: 'summary';
      readonly title: string;
      readonly tone: Tone;
      /** "9,421 Office 365 app users in Okta, 10,000 users in Entra ID · finished 2026-12-03 14:02 UTC". */
      readonly scope: string;
      readonly startedBy: string;
      readonly verdicts: readonly ScanVerdictLine[];
      readonly groups: readonly ScanGroupLine[];
      /** Licensing groups behind conflicts that the card leaves out. */
      readonly moreGroups: number;
      /** Where every user is: the CLI's report. */
      readonly footnote: string;
    }
  | { readonly kind: 'stopped'; readonly title: string; readonly tone: Tone; readonly message: string };

const n = (value: number): string => value.toLocaleString('en-US');
const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The card while the scan runs. */
export function scanProgressView(p: ScanProgress, startedBy: string): ScanCardView {
  const side = (name: string, pages: number, users: number, done: boolean): ScanSideView => ({
    name, done, line: `${n(pages)} page${pages === 1 ? '' : 's'} · ${n(users)} users${done ? ' · done' : ''}`,
  });
  return {
    kind: 'progress',
    title: 'Fleet scan running',
    startedBy,
    sides: [side('Okta (Office 365 app users)', p.oktaPages, p.oktaUsers, p.oktaDone), side('Entra ID (users)', p.entraPages, p.entraUsers, p.entraDone)],
    diagnosed: `${n(p.diagnosed)} users diagnosed so far`,
  };
}

/** The card once the scan finished: verdicts with users (zero ones left out), the top groups by users affected. */
export function scanSummaryView(summary: ScanSummary, finishedAt: string, startedBy: string, resumed: boolean): ScanCardView {
  const verdicts = VERDICTS.filter((v) => summary.byVerdict[v] > 0)
    .map((v) => ({ verdict: v, label: SCAN_VERDICT_LABELS[v], users: summary.byVerdict[v], tone: VERDICT_TONE[v] }))
    .sort((a, b) => b.users - a.users);
  const conflicts = summary.byVerdict['group-inherited-license-conflict'] + summary.byVerdict['dual-managed-license'];
  const groups = summary.byGroup.slice(0, SCAN_CARD_GROUPS).map((g) => ({
    displayName: g.displayName, kind: g.kind, users: g.users,
    skus: g.skus.map((part) => {
      const name = productNameOfPart(part);
      return name === null ? part : `${name} (${part})`;
    }),
  }));
  return {
    kind: 'summary',
    title: conflicts === 0 ? 'Fleet scan: no license conflicts' : `Fleet scan: ${n(conflicts)} user${conflicts === 1 ? '' : 's'} with a license conflict`,
    tone: summary.byVerdict['group-inherited-license-conflict'] > 0 ? 'attention' : conflicts > 0 ? 'warning' : 'good',
    scope: `${n(summary.oktaAppUsers)} Office 365 app users in Okta, ${n(summary.entraUsers)} users in Entra ID · finished ${utc(finishedAt)}${resumed ? ' (resumed from its checkpoint)' : ''}`,
    startedBy,
    verdicts,
    groups,
    moreGroups: Math.max(0, summary.byGroup.length - groups.length),
    footnote: 'Every user, with SKUs and groups: license-doctor scan --json or --csv (the latest scan is kept in the store).',
  };
}

/** The card when the scan did not run or did not finish. */
export function scanStoppedView(reason: { readonly kind: 'busy'; readonly startedBy: string | null } | { readonly kind: 'failed'; readonly message: string }): ScanCardView {
  if (reason.kind === 'busy') {
    return {
      kind: 'stopped', title: 'A scan is already running', tone: 'neutral',
      message: `A fleet scan ${reason.startedBy ? `started by ${reason.startedBy} ` : ''}is already running (one scan runs at a time). Ask again once it has finished.`,
    };
  }
  return { kind: 'stopped', title: 'The fleet scan stopped', tone: 'attention', message: reason.message };
}
