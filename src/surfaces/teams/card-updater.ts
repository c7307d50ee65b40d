// Keeps the Teams cards of a request current for everyone: on every request change and step progress, the approval
// card in the approvals channel and the agent's status card are replaced (updateActivity) from the stored
// references, so whichever instance runs the plan updates the cards. Bursts coalesce: each request's cards get its
// latest state, in order, one update at a time.
import type { AppLogger } from '../../app/app-logger.ts';
import type { RequestEvent, RequestEvents } from '../../app/request-events.ts';
import type { LicenseRequest } from '../../core/model/request.ts';
import type { RequestStore } from '../../core/ports/request-store.ts';
import { requestView } from '../../core/views/request-view.ts';
import { approvalCard } from './approval-card.ts';
import { statusCard } from './status-card.ts';
import { loadTeamsRef, TEAMS_REF_KEYS } from './teams-refs.ts';
import type { TeamsSender } from './teams-sender.ts';

export interface CardUpdaterDeps {
  readonly store: RequestStore;
  readonly sender: TeamsSender;
  readonly logger: AppLogger;
}

export class TeamsCardUpdater {
  readonly #deps: CardUpdaterDeps;
  readonly #latest = new Map<string, LicenseRequest>();
  readonly #workers = new Map<string, Promise<void>>();

  constructor(deps: CardUpdaterDeps) {
    this.#deps = deps;
  }

  /** Follows `events`; returns the function that stops following. */
  follow(events: RequestEvents): () => void {
    return events.subscribe((event) => this.#onEvent(event));
  }

  /** Resolves when every queued update is done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#workers.size > 0) await Promise.all([...this.#workers.values()]);
  }

  #onEvent(event: RequestEvent): void {
    // A new request's cards are posted by the action that created it, with its first state.
    if (event.type === 'execution-boundary' || (event.type === 'request-changed' && event.change === 'created')) return;
    const previous = this.#latest.get(event.request.id);
    if (previous && previous.version > event.request.version) return;
    this.#latest.set(event.request.id, event.request);
    if (!this.#workers.has(event.request.id)) {
      const worker = this.#drain(event.request.id).finally(() => this.#workers.delete(event.request.id));
      this.#workers.set(event.request.id, worker);
    }
  }

  async #drain(requestId: string): Promise<void> {
    for (let request = this.#latest.get(requestId); request; request = this.#latest.get(requestId)) {
      this.#latest.delete(requestId);
      await this.update(request);
    }
  }

  /** Replaces the request's approval card and status card with its state `request` (each failure is logged). */
  async update(request: LicenseRequest): Promise<void> {
    const { store, sender, logger } = this.#deps;
    const view = requestView(request);
    const summary = `${view.id}: ${view.statusLine}`;
    const cards = [
      { key: TEAMS_REF_KEYS.approvalCard(request.id), card: 'approval' as const },
      { key: TEAMS_REF_KEYS.agentCard(request.id), card: 'status' as const },
    ];
    for (const { key, card } of cards) {
      try {
        const ref = await loadTeamsRef(store, key);
        if (!ref?.activityId) continue;
        const content = card === 'approval' ? approvalCard(view, { refreshUserIds: ref.refreshUserIds, viewer: null }) : statusCard(view);
        await sender.updateCard(ref, ref.activityId, content, summary);
      } catch (err) {
        logger.error({ err, requestId: request.id, card, status: request.status }, 'could not update a Teams card of a request');
      }
    }
  }
}
