// Who clicked: a Slack user id → `users.info` → their email → the ChatPerson the services resolve in Entra ID (in
// the sandbox the emails are the UPNs). Cached briefly: one approval round should not cost a users.info per click,
// while a changed email still takes effect within minutes. Authorisation itself is never cached (the services ask
// Graph on every decision).
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../core/ports/clock.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { slackErrorCode } from './slack-api-error.ts';

/** Who clicked, or why they cannot act. */
export type PersonLookup =
  | { readonly kind: 'person'; readonly person: ChatPerson }
  /** The person cannot act: `message` says why and what to do. */
  | { readonly kind: 'unknown'; readonly message: string };

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

/** Resolves Slack users to ChatPersons through users.info, with a short cache. */
export class SlackPeople {
  private readonly client: webApi.WebClient;
  private readonly clock: Clock;
  private readonly cache = new Map<string, { readonly at: number; readonly value: Promise<PersonLookup> }>();

  constructor(client: webApi.WebClient, clock: Clock) {
    this.client = client;
    this.clock = clock;
  }

  /** The person behind `userId` (concurrent look-ups of one user share a call). */
  lookup(userId: string): Promise<PersonLookup> {
    const now = this.clock.now();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const value = this.fetch(userId);
    this.cache.set(userId, { at: now, value });
    // A failed call is not remembered: the next click asks Slack again.
    value.catch(() => {
      if (this.cache.get(userId)?.value === value) this.cache.delete(userId);
    });
    return value;
  }

  private async fetch(userId: string): Promise<PersonLookup> {
    let result: webApi.UsersInfoResponse;
    try {
      result = await this.client.users.info({ user: userId });
    } catch (err) {
      const code = slackErrorCode(err);
      if (code === 'user_not_found' || code === 'user_not_visible') {
        return { kind: 'unknown', message: `Slack does not show License Doctor who you are (${code}), so it cannot check what you may do.` };
      }
      if (code === 'missing_scope') {
        return { kind: 'unknown', message: 'License Doctor cannot read Slack email addresses (the app lacks the users:read.email scope): ask your Slack admin to reinstall it from the manifest.' };
      }
      throw err;
    }
    const user = result.user;
    const email = user?.profile?.email?.trim();
    if (!user || user.deleted || user.is_bot) {
      return { kind: 'unknown', message: 'Only people can act on License Doctor requests; this Slack account is a bot or deactivated.' };
    }
    if (!email) {
      return { kind: 'unknown', message: 'Your Slack profile has no email address License Doctor can see, so it cannot find you in Entra ID. Ask your Slack admin to check the app\'s users:read.email scope.' };
    }
    const displayName = user.real_name || user.profile?.real_name || user.name || null;
    return { kind: 'person', person: { surface: 'slack', surfaceUserId: userId, entraIdentity: email, displayName } };
  }
}
