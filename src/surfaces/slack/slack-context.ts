// What the Slack listeners share: the application services and the Slack-side helpers.
import type { webApi } from '@slack/bolt';
import type { BatchHub } from '../../app/batch/batch-hub.ts';
import type { ChatServices } from '../../app/services.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Logger } from '../../logging/create-logger.ts';
import type { CardFollower } from '../chat/card-follower.ts';
import type { SlackPlace, SlackRef } from './slack-platform.ts';
import type { SlackPeople } from './slack-people.ts';

/** The services and Slack helpers every listener gets. */
export interface SlackContext {
  readonly services: ChatServices;
  readonly client: webApi.WebClient;
  readonly people: SlackPeople;
  /** Posts request cards and keeps them current. */
  readonly cards: CardFollower<SlackPlace, SlackRef>;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Which mode runs, on every diagnosis and request card (chat/mode-footer-text.ts). */
  readonly footer: string;
  /** Channel id of the approvals channel. */
  readonly approvalsChannel: string;
  /** Batches: the service the batch buttons call. */
  readonly batches: BatchHub;
}
