// Approvers hear about requests that need them in a direct message from the bot (when and how often:
// chat/approver-messages.ts). Each approver is found by their Entra address with users.lookupByEmail (scope
// users:read.email); someone Slack does not know is skipped.
import type { webApi } from '@slack/bolt';
import type { EntraUser } from '../../core/model/entra.ts';
import type { ApproverNoticeView } from '../../core/views/approver-notice-view.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { ApproverMessages, type ApproverMessagesDeps } from '../chat/approver-messages.ts';
import { context, label, mrkdwnEscape as esc, section } from './block-kit.ts';
import { slackErrorCode } from './slack-api-error.ts';

interface ApproverDmsDeps extends ApproverMessagesDeps {
  readonly client: webApi.WebClient;
  readonly approvalsChannel: string;
  readonly logger: Logger;
}

/** Direct messages to approvers: new requests and one reminder before expiry. */
export class SlackApproverDms extends ApproverMessages {
  private readonly deps: ApproverDmsDeps;

  constructor(deps: ApproverDmsDeps) {
    super('slack', deps);
    this.deps = deps;
  }

  protected async reach(person: EntraUser, notice: ApproverNoticeView): Promise<void> {
    const userId = await this.slackUser(person);
    if (!userId) return;
    const blocks = [
      section(`:bell: ${esc(notice.headline)}`),
      section(`*Justification*\n${label(esc(notice.reason), 2900)}`),
      context(`${esc(notice.where)} Approval cards are in <#${this.deps.approvalsChannel}>.`),
    ];
    await this.deps.client.chat.postMessage({ channel: userId, text: label(notice.headline, 300), blocks, unfurl_links: false });
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
