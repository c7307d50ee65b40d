// `my requests` in a chat: the requests a person asked for, and those waiting for their approval, one line each.
import { describeStatus } from '../approval/describe-status.ts';
import type { LicenseRequest } from '../model/request.ts';
import { pathModule } from '../paths/path-registry.ts';

/** One request in a list. */
export interface RequestLineView {
  readonly id: string;
  /** "Adele Vance — Okta owns the licenses". */
  readonly title: string;
  readonly statusLine: string;
}

/** The person's requests, and what waits for them. */
export interface RequestListView {
  readonly mine: readonly RequestLineView[];
  readonly awaitingMe: readonly RequestLineView[];
  /** Said when both lists are empty. */
  readonly empty: string;
}

const line = (r: LicenseRequest): RequestLineView => ({
  id: r.id, title: `${r.target.displayName} — ${pathModule(r.path).labels.title}`, statusLine: describeStatus(r),
});

/** The view of `mine` (newest first) and `awaitingMe` (pending requests the person may approve). */
export function requestListView(mine: readonly LicenseRequest[], awaitingMe: readonly LicenseRequest[]): RequestListView {
  return { mine: mine.map(line), awaitingMe: awaitingMe.map(line), empty: 'You have no requests, and none waits for your approval.' };
}
