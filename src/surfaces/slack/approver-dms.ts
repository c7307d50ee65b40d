// Approvers hear about requests that need them in a direct message from the bot (when and how often:
// chat/approver-messages.ts). Each approver is found by their Entra address with users.lookupByEmail (scope
// users:read.email); someone Slack does not know is skipped.
import type { webApi } from '@slack/bolt';
import type { ChatServices } from '../../app/services.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { EntraUser } from '../../core/model/entra.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import { approverNoticeView } from '../../core/views/approver-notice-view.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { ApproverMessages } from '../chat/approver-messages.ts';
import { context, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { slackErrorCode } from './slack-api-error.ts';

interface ApproverDmsDeps {
  readonly client: webApi.WebClient;
  readonly services: Pick<ChatServices, 'claimAnnouncement' | 'dueNotices' | 'approversToNotify'>;
  readonly clock: Clock;
  readonly approvalsChannel: string;
  readonly logger: Logger;
}

/** Direct messages to approvers: new requests and one reminder before expiry. */
export class SlackApproverDms extends ApproverMessages {
  private readonly deps: ApproverDmsDeps;

  constructor(deps: ApproverDmsDeps) {
    super('slack', deps.services, deps.logger);
    this.deps = deps;
  }

  protected async notify(request: LicenseRequest, kind: 'new' | 'reminder'): Promise<void> {
    const view = approverNoticeView(request, kind, new Date(this.deps.clock.now()).toISOString());
    const blocks = [
      section(`:bell: ${esc(view.headline)}`),
      section(`*Justification*\n${label(esc(view.reason), 2900)}`),
      context(`${esc(view.where)} Approval cards are in <#${this.deps.approvalsChannel}>.`),
    ];
    for (const person of await this.deps.services.approversToNotify(request)) {
      const userId = await this.slackUser(person);
      if (!userId) continue;
      await this.deps.client.chat.postMessage({ channel: userId, text: label(view.headline, 300), blocks, unfurl_links: false });
    }
    this.deps.logger.info({ requestId: request.id, kind }, 'approvers messaged');
  }

  private async slackUser(person: EntraUser): Promise<string | null> {
    const email = person.mail ?? person.userPrincipalName;
    try {
      return (await this.deps.client.users.lookupByEmail({ email })).user?.id ?? null;
    } catch (err) {
      // users_not_found: an approver without a Slack account (or another address there) simply is not messaged.
      this.deps.logger.info({ slackError: slackErrorCode(err) ?? String(err), approver: person.userPrincipalName }, 'approver not found in Slack');
      return null;
    }
  }
}
