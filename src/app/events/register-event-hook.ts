// Use case: `license-doctor hooks register`: the Okta event hook pointing at PUBLIC_URL/okta/events for the failed
// push events, created once (an existing hook for that URI is reused) and verified by Okta against this deployment.
import { HOOK_EVENT_TYPES } from '../../core/events/push-failure-event.ts';
import type { EventHookInfo, OktaEventHooks } from '../../core/ports/okta-event-hooks.ts';

const EVENT_HOOK_NAME = 'License Doctor - Office 365 push failures';

/** Creates (or reuses) and verifies the hook; Okta's refusal to verify throws with Okta's reason. */
export async function registerEventHook(hooks: OktaEventHooks, settings: { readonly publicUrl: string; readonly secret: string }): Promise<{ hook: EventHookInfo; created: boolean }> {
  const uri = `${settings.publicUrl.replace(/\/+$/, '')}/okta/events`;
  const existing = (await hooks.list()).find((h) => h.uri === uri);
  const hook = existing ?? (await hooks.create({ name: EVENT_HOOK_NAME, uri, authorization: settings.secret, eventTypes: HOOK_EVENT_TYPES }));
  const verified = hook.verificationStatus === 'VERIFIED' ? hook : await hooks.verify(hook.id);
  return { hook: verified, created: existing === undefined };
}
