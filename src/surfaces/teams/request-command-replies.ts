// `status LD-…` and `my requests` in Teams messages: the request's status card, or the person's requests as a list.
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { RequestCommand } from '../../core/approval/request-command.ts';
import type { RequestLineView, RequestListView } from '../../core/views/request-list-view.ts';
import type { ChatPerson } from '../chat/chat-person.ts';
import { myRequests, requestStatus, type ChatFlowDeps } from '../chat/chat-flows.ts';
import { statusCard } from './status-card.ts';
import { UNKNOWN_PERSON_MESSAGE } from './teams-person.ts';

/** What to send back: a card, or text (Teams renders this Markdown subset). */
export type CommandReply = { readonly kind: 'card'; readonly card: IAdaptiveCard; readonly summary: string } | { readonly kind: 'text'; readonly text: string };

// Requester text never reaches here; titles and status lines are built by License Doctor, but names can hold markup.
const plain = (s: string): string => s.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
const line = (r: RequestLineView): string => `- **${r.id}** — ${plain(r.title)}: ${plain(r.statusLine)}`;

/** The `my requests` text. */
function requestListText(view: RequestListView): string {
  if (view.mine.length === 0 && view.awaitingMe.length === 0) return view.empty;
  return [
    ...(view.awaitingMe.length > 0 ? ['**Waiting for your approval**', ...view.awaitingMe.map(line), ''] : []),
    ...(view.mine.length > 0 ? ['**Your requests**', ...view.mine.map(line), ''] : []),
    'Send `status LD-…` for one request.',
  ].join('\n');
}

/** Answers `command` for `person` (null: Teams did not say who they are). */
export async function answerRequestCommand(chat: ChatFlowDeps, command: RequestCommand, person: ChatPerson | null): Promise<CommandReply> {
  if (command.kind === 'status') {
    const result = await requestStatus(chat, command.requestId);
    return result.kind === 'ok' ? { kind: 'card', card: statusCard(result.value), summary: `${result.value.id}: ${result.value.statusLine}` } : { kind: 'text', text: result.message };
  }
  if (!person) return { kind: 'text', text: UNKNOWN_PERSON_MESSAGE };
  const result = await myRequests(chat, person);
  return { kind: 'text', text: result.kind === 'ok' ? requestListText(result.value) : result.message };
}
