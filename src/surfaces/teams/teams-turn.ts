// The glue between an SDK turn and the card actions: who and where (TeamsTurn), the invoke response body for a
// reply, and failures (vendor trouble, unknown request, the unexpected) turned into messages for the clicker.
import type { AdaptiveCardActionResponse } from '@microsoft/teams.api';
import type { AppLogger } from '../../app/app-logger.ts';
import { isLicenseDoctorError } from '../../core/errors.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { reportUnexpected } from '../chat/report-unexpected.ts';
import type { ActionReply, TeamsTurn } from './run-teams-action.ts';

/** The fields of an activity a turn needs. */
export interface TurnActivity {
  readonly conversation: { readonly id: string; readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
  readonly replyToId?: string;
}

/** Who clicked, where; `serviceUrl` is the SDK's normalised one for this activity. */
export function turnOf(person: ChatPerson, activity: TurnActivity, serviceUrl: string): TeamsTurn {
  return {
    person,
    here: { serviceUrl, conversationId: activity.conversation.id, tenantId: activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null },
    cardActivityId: activity.replyToId ?? null,
  };
}

/**
 * Runs `work`; a LicenseDoctorError (Graph down, no such request, Teams refused) becomes a message for the person, and
 * anything unexpected too, logged with a correlation id the person is shown.
 */
export async function safely(logger: AppLogger, verb: string, work: () => Promise<ActionReply>): Promise<ActionReply> {
  try {
    return await work();
  } catch (err) {
    if (isLicenseDoctorError(err)) return { kind: 'message', text: err.message };
    return { kind: 'message', text: reportUnexpected(logger, err, { surface: 'teams', verb }) };
  }
}

/** The adaptiveCard/action invoke response body for `reply` (HTTP 200 either way: the bot handled it). */
export function invokeResponse(reply: ActionReply): AdaptiveCardActionResponse {
  return reply.kind === 'card'
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text };
}
