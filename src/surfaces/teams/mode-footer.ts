// Every Teams card ends with the mode footer (chat/mode-footer-text.ts), added where cards leave the surface: the
// sender (posts and updates) and the turn's answers.
import type { IAdaptiveCard, IRichTextBlock } from '@microsoft/teams.cards';
import type { TeamsSender } from './teams-sender.ts';

/** `card` with the mode footer as its last element. */
export function withModeFooter(card: IAdaptiveCard, footer: string): IAdaptiveCard {
  const line: IRichTextBlock = { type: 'RichTextBlock', separator: true, spacing: 'Medium', inlines: [{ type: 'TextRun', text: footer, size: 'Small', isSubtle: true }] };
  return { ...card, body: [...(card.body ?? []), line] };
}

/** A sender that puts the footer on every card it posts or updates. */
export function footedSender(sender: TeamsSender, footer: string): TeamsSender {
  return {
    ...sender,
    postCard: (to, card, summary) => sender.postCard(to, withModeFooter(card, footer), summary),
    updateCard: (to, activityId, card, summary) => sender.updateCard(to, activityId, withModeFooter(card, footer), summary),
  };
}
