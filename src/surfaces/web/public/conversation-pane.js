// One conversation on screen, Teams-like: the bot's messages (text and cards) on the left, the person's on the right.
// Messages are rendered by key: a message is drawn again only when what it shows changes, so what someone is typing
// into another card is never lost.
/* global document */
import { renderCard } from './card-renderer.js';
import { markdownToHtml } from './markdown.js';

const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const initials = (name) => name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();

export class ConversationPane {
  #log;
  #empty;
  #nodes = new Map();
  #handlers;

  /** `log` holds the messages; `empty` is shown when there are none. `handlers`: { onExecute(message, click), onUnsupported(title) }. */
  constructor(log, empty, handlers) {
    this.#log = log;
    this.#empty = empty;
    this.#handlers = handlers;
  }

  /**
   * Shows `messages` in order. `display(message, shownKey)` says what to show: { key, card?, text } or null to keep
   * what is shown. Scrolls to a newly added message; returns whether there was one.
   */
  render(messages, display) {
    let added = null;
    const seen = new Set();
    let previous = null;
    for (const message of messages) {
      seen.add(message.id);
      let node = this.#nodes.get(message.id);
      const shown = display(message, node?.dataset.key ?? null);
      if (!node) {
        node = this.#create(message);
        this.#nodes.set(message.id, node);
        added = node;
      }
      if (shown && node.dataset.key !== shown.key) {
        this.#fill(node, message, shown);
        node.dataset.key = shown.key;
      }
      const expected = previous ? previous.nextElementSibling : this.#log.firstElementChild;
      if (expected !== node) this.#log.insertBefore(node, expected);
      previous = node;
    }
    for (const [id, node] of this.#nodes) {
      if (seen.has(id)) continue;
      node.remove();
      this.#nodes.delete(id);
    }
    this.#empty.hidden = messages.length > 0;
    if (added) this.#reveal(added);
    return added !== null;
  }

  /** Scrolls to a new message: its end when it fits, else its start (a long card is read from the top). */
  #reveal(node) {
    if (node.offsetHeight <= this.#log.clientHeight) {
      this.#log.scrollTop = this.#log.scrollHeight;
      return;
    }
    this.#log.scrollTop += node.getBoundingClientRect().top - this.#log.getBoundingClientRect().top - 8;
  }

  /** Marks a message as waiting for the bot's answer to a click. */
  setBusy(id, busy) {
    const node = this.#nodes.get(id);
    if (!node) return;
    node.classList.toggle('is-busy', busy);
    node.setAttribute('aria-busy', String(busy));
  }

  /** Moves keyboard focus to a message's card and shows its start (after a click replaced the card). */
  focus(id) {
    const node = this.#nodes.get(id);
    const card = node?.querySelector('.msg-card');
    if (!node || !card) return;
    this.#log.scrollTop += node.getBoundingClientRect().top - this.#log.getBoundingClientRect().top - 8;
    card.focus({ preventScroll: true });
  }

  #create(message) {
    const node = document.createElement('article');
    const bot = message.from.kind === 'bot';
    node.className = `msg ${bot ? 'msg-bot' : 'msg-person'}`;
    node.dataset.id = message.id;
    node.setAttribute('aria-label', `${message.from.name}, ${time(message.at)}`);
    const avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.setAttribute('aria-hidden', 'true');
    avatar.textContent = bot ? 'LD' : initials(message.from.name);
    const body = document.createElement('div');
    body.className = 'msg-body';
    const meta = document.createElement('div');
    meta.className = 'msg-meta';
    const author = document.createElement('span');
    author.className = 'msg-author';
    author.textContent = message.from.name;
    const at = document.createElement('time');
    at.dateTime = message.at;
    at.textContent = time(message.at);
    meta.append(author, at);
    const content = document.createElement('div');
    content.className = 'msg-content';
    body.append(meta, content);
    node.append(avatar, body);
    return node;
  }

  #fill(node, message, shown) {
    const content = node.querySelector('.msg-content');
    content.replaceChildren();
    if (shown.text) {
      const text = document.createElement('div');
      // What a person typed is plain text (a pasted error keeps its characters); the bot writes Teams Markdown.
      if (message.from.kind === 'person') {
        text.className = 'msg-text msg-text-plain';
        text.textContent = shown.text;
      } else {
        text.className = 'msg-text';
        text.innerHTML = markdownToHtml(shown.text);
      }
      content.append(text);
    }
    if (!shown.card) return;
    const holder = document.createElement('div');
    holder.className = 'msg-card';
    holder.tabIndex = -1;
    holder.setAttribute('aria-label', 'Card');
    try {
      holder.append(renderCard(shown.card, {
        onExecute: (click) => this.#handlers.onExecute(message, click),
        onUnsupported: (title) => this.#handlers.onUnsupported(title),
      }));
    } catch (err) {
      holder.classList.add('msg-card-error');
      holder.textContent = `${shown.card.fallbackText ?? 'This card cannot be shown.'} (${err.message})`;
    }
    content.append(holder);
  }
}
