// User-specific card views, kept as Teams keeps them (Universal Actions): per person and per message version. A card
// whose `refresh` lists the person (or lists nobody) is refreshed for them with an automatic invoke; the card a click
// returns replaces the card for the clicker only. An update of the message (a new version) makes every view stale.

/** Teams refreshes a view again once it is older than a minute. */
const MAX_AGE_MS = 60_000;

const keyOf = (persona, message) => `${persona}|${message.id}`;

export class CardViews {
  #views = new Map();
  #refreshing = new Map();
  #seq = 0;

  /** The person's view of the message's current version, or null. */
  view(persona, message) {
    const view = this.#views.get(keyOf(persona, message));
    return view && view.version === message.version ? view : null;
  }

  /** Keeps `card` as the person's view if the message is still at `version`; false when it changed meanwhile. */
  set(persona, message, version, card) {
    if (!message || message.version !== version) return false;
    this.#seq += 1;
    this.#views.set(keyOf(persona, message), { card, version, at: Date.now(), seq: this.#seq });
    return true;
  }

  /** Whether a refresh of the message's current version is under way for the person. */
  refreshing(persona, message) {
    return this.#refreshing.get(keyOf(persona, message)) === message.version;
  }

  /** The refresh action to send for the person (`teamsId` is their MRI), or null when none is due. */
  dueRefresh(persona, teamsId, message) {
    const refresh = message.cards?.[0]?.refresh;
    const action = refresh?.action;
    if (!action || action.type !== 'Action.Execute' || typeof action.verb !== 'string') return null;
    if (Array.isArray(refresh.userIds) && !refresh.userIds.includes(teamsId)) return null;
    if (this.refreshing(persona, message)) return null;
    const view = this.view(persona, message);
    if (view && Date.now() - view.at < MAX_AGE_MS) return null;
    return { verb: action.verb, data: action.data ?? {} };
  }

  /** Marks a refresh of the message's current version as sent. */
  startRefresh(persona, message) {
    this.#refreshing.set(keyOf(persona, message), message.version);
  }

  /** Marks the refresh of `version` as answered. */
  endRefresh(persona, message, version) {
    const key = keyOf(persona, message);
    if (this.#refreshing.get(key) === version) this.#refreshing.delete(key);
  }

  /** Forgets everything (reset, or a new snapshot from the server). */
  clear() {
    this.#views.clear();
    this.#refreshing.clear();
  }
}
