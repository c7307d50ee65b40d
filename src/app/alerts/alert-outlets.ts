// Where alert cards go: each chat surface adds its outlet (the Slack ALERTS_CHANNEL, the Teams alerts channel, the
// demo page's through the Teams surface) when it starts; the alert service posts to and updates every one.
import type { AlertView } from '../../core/views/alert-view.ts';
import type { ScanCardView } from '../../core/views/scan-view.ts';

/** Platform data that finds a posted card again (Slack channel and ts, Teams conversation and activity id). */
export type AlertCardRef = Readonly<Record<string, unknown>>;

export interface AlertOutlet {
  readonly surface: 'slack' | 'teams' | 'web';
  /** Posts a new alert card; its reference, or null when there is nowhere to post yet (the channel not captured). */
  post(view: AlertView): Promise<AlertCardRef | null>;
  /** Replaces the card `ref` names. */
  update(ref: AlertCardRef, view: AlertView): Promise<void>;
  /** Posts a scheduled scan's summary card in the same channel; false when there is nowhere to post yet. */
  postScan?(view: ScanCardView): Promise<boolean>;
}

/** The outlets of this instance's surfaces. */
export class AlertOutlets {
  readonly #outlets = new Set<AlertOutlet>();

  /** Adds an outlet; returns the function that removes it. */
  add(outlet: AlertOutlet): () => void {
    this.#outlets.add(outlet);
    return () => this.#outlets.delete(outlet);
  }

  list(): AlertOutlet[] {
    return [...this.#outlets];
  }
}
