// Which Okta events mean "a push of an Office 365 app user failed": the hook-eligible provisioning events
// (application.provision.user.push_profile, .push, .sync) with outcome FAILURE whose target is an Office 365 app
// instance. Okta's own Office 365 error event is not hook-eligible, so the diagnosis reads the System Log itself.

export const HOOK_EVENT_TYPES: readonly string[] = ['application.provision.user.push_profile', 'application.provision.user.push', 'application.provision.user.sync'];

/** What the System Log poller reads: the hook-eligible types and Okta's Office 365 error event, which only polling sees. */
export const POLLED_EVENT_TYPES: readonly string[] = [...HOOK_EVENT_TYPES, 'app.office365.api.error.push.profile'];

/** A System Log event as far as the filter needs it (validated where it enters). */
export interface OktaLogEvent {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  readonly outcome: { readonly result: string | null } | null;
  readonly target: ReadonlyArray<{ readonly id: string; readonly type: string | null; readonly alternateId: string | null }>;
}

/** A failed push of one user, to diagnose. */
export interface PushFailureEvent {
  readonly uuid: string;
  readonly published: string;
  readonly eventType: string;
  readonly appId: string;
  readonly oktaUserId: string;
  /** The user's Okta login (the target's alternateId), which is what the diagnosis is asked about. */
  readonly login: string;
}

/** The events of `types` that are failed pushes to one of `appIds`, oldest first (deliveries may arrive out of order). */
export function pushFailureEvents(events: readonly OktaLogEvent[], appIds: ReadonlySet<string>, types: readonly string[] = HOOK_EVENT_TYPES): PushFailureEvent[] {
  const found: PushFailureEvent[] = [];
  for (const e of events) {
    if (!types.includes(e.eventType) || e.outcome?.result !== 'FAILURE') continue;
    const app = e.target.find((t) => t.type === 'AppInstance' && appIds.has(t.id));
    const user = e.target.find((t) => t.type === 'User');
    if (!app || !user) continue;
    found.push({ uuid: e.uuid, published: e.published, eventType: e.eventType, appId: app.id, oktaUserId: user.id, login: user.alternateId ?? user.id });
  }
  return found.sort((a, b) => a.published.localeCompare(b.published) || a.uuid.localeCompare(b.uuid));
}
