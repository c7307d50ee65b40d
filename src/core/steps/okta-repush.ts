// Step kind: the unchanged profile is posted so that Okta pushes again, now that no group grants what Okta would remove.
import type { DiagnosisInput } from '../model/diagnosis.ts';
import type { JournalEntry } from '../model/journal.ts';
import { LicenseDoctorError } from '../errors.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { pushedSince, requestIds } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /api/v1/apps/{appId}/users/{oktaUserId} with the unchanged profile: asks Okta to push again. */
export interface RepushAction {
  readonly kind: 'okta-repush';
  readonly appId: string;
  readonly oktaUserId: string;
  readonly scope: 'USER' | 'GROUP';
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'okta-repush': RepushAction;
  }
}

/**
 * Only this plan's own re-push counts: a push Okta made for an earlier step (the license change of step 1, say) may
 * have read Graph before the group path went, so it proves nothing. The POST landed if the journal says so, or, after
 * a crash during the call, if Okta updated the app user since the attempt started or is pushing it now.
 */
function repushLanded(live: DiagnosisInput, attempts: readonly JournalEntry[]): boolean {
  if (attempts.some((j) => j.status === 'succeeded')) return true;
  const interrupted = attempts.find((j) => j.status === 'started' && j.finishedAt === null);
  if (!interrupted) return false;
  const appUser = live.okta?.appUser;
  const updated = appUser?.lastUpdated ? Date.parse(appUser.lastUpdated) : Number.NaN;
  return updated >= Date.parse(interrupted.startedAt) || appUser?.syncState === 'SYNCING';
}

export const repush: StepKind<RepushAction, PlanSubject> = {
  kind: 'okta-repush',
  role: 'write',
  vendor: 'okta',
  // Whether Okta's push worked is the verification's to read; a lost answer is read once (did the POST land?).
  readBack: 'once',
  awaitsGroupLicensing: true,
  ownWriteIsEvidence: true,
  describe: (a, s) => ({
    title: `Ask Okta to push ${s.name}'s profile to Office 365 again`,
    precondition: `No Entra ID group grants ${s.name} a license any more, so Okta's push no longer has to remove an inherited license.`,
    effect:
      `POST /api/v1/apps/${a.appId}/users/${a.oktaUserId} with the app user's profile unchanged` +
      `${a.scope === 'GROUP' ? ' and its scope left GROUP (the assignment stays group-scoped)' : ''}.`,
    verification:
      `GET /api/v1/apps/${a.appId}/users/${a.oktaUserId}: syncState SYNCHRONIZED with a lastSync after this step, and no newer push failure ` +
      "in Okta's System Log. If Okta does not push an unchanged profile, retry the failed task in Okta Admin Console > Dashboard > Tasks, then Re-check.",
  }),
  isDone: (_a, live, since) => pushedSince(live, since),
  confirmDone: (_a, { live, attempts }) => repushLanded(live, attempts),
  writes: (a) => [{ method: 'POST', path: `/api/v1/apps/${a.appId}/users/${a.oktaUserId}` }],
  perform: async (a, { ports, live, target }) => {
    const appUser = live.okta?.appUser;
    if (!appUser) throw new LicenseDoctorError('okta-request-failed', `${target.displayName} is no longer assigned to the Office 365 app in Okta.`);
    // The unchanged profile: Okta re-evaluates and pushes (a GROUP-scoped assignment stays group-scoped).
    const r = await ports.okta.updateAppUserProfile(a.appId, a.oktaUserId, appUser.profile);
    return { vendorRequestIds: requestIds(r), detail: 'asked Okta to push the profile again' };
  },
};

/** Posts the unchanged profile so Okta pushes again, now that no group grants what Okta would remove. */
export function repushStep(s: PlanSubject, scope: 'USER' | 'GROUP'): StepDraft {
  return draft(repush, { kind: 'okta-repush', appId: s.app.id, oktaUserId: s.oktaUserId, scope }, s);
}
