// The sandbox demo page: a local Teams client for the License Doctor bot. Messages and clicks go to the bot as a
// persona (the switcher says who); what the bot posts and updates arrives on the event stream. Cards show each
// persona's own view (Universal Actions refresh), and the bot's refusals appear as toasts.
/* global document, window */
import { getSetup, invoke, openEvents, pushFromOkta, resetSandbox, sendMessage } from './api.js';
import { CardViews } from './card-views.js';
import { ConversationPane } from './conversation-pane.js';
import { buildScenarioPanel } from './scenario-panel.js';
import { showToast } from './toasts.js';

const PERSONA_KEY = 'license-doctor-demo-persona';
const $ = (id) => document.getElementById(id);

const state = { setup: null, persona: 'agent', conversations: new Map() };
const views = new CardViews();
const panes = {};

const personaOf = (key) => state.setup.personas.find((p) => p.key === key);
const chatId = () => state.setup.conversations.personal[state.persona];
const messagesIn = (id) => state.conversations.get(id) ?? [];
const findMessage = (conversationId, id) => messagesIn(conversationId).find((m) => m.id === id);

/** What a message shows for the current persona (null: keep what is shown while their view is on its way). */
function display(message, shownKey) {
  const card = message.cards[0];
  if (!card) return { key: `t${message.version}`, text: message.text };
  const view = views.view(state.persona, message);
  if (view) return { key: `v${view.seq}`, card: view.card, text: message.text };
  if (shownKey && views.refreshing(state.persona, message)) return null;
  return { key: `b${message.version}`, card, text: message.text };
}

let focusAfterRender = null;
function render() {
  panes.chat.render(messagesIn(chatId()), display);
  panes.channel.render(messagesIn(state.setup.conversations.approvals), display);
  panes.alerts.render(messagesIn(state.setup.conversations.alerts), display);
  if (focusAfterRender) {
    panes.chat.focus(focusAfterRender);
    panes.channel.focus(focusAfterRender);
    panes.alerts.focus(focusAfterRender);
    focusAfterRender = null;
  }
}

/** Sends the automatic refresh Teams would send for every card that asks for one for the current persona. */
function refreshCards() {
  const persona = state.persona;
  const { teamsId } = personaOf(persona);
  for (const conversationId of [chatId(), state.setup.conversations.approvals, state.setup.conversations.alerts]) {
    for (const message of messagesIn(conversationId)) {
      const refresh = views.dueRefresh(persona, teamsId, message);
      if (!refresh) continue;
      const version = message.version;
      views.startRefresh(persona, message);
      invoke({ persona, conversationId, activityId: message.id, ...refresh, trigger: 'automatic' })
        .then((answer) => {
          if (answer.kind === 'card') views.set(persona, findMessage(conversationId, message.id), version, answer.card);
          else showToast(answer.kind === 'message' ? answer.text : answer.message, answer.kind === 'message' ? 'info' : 'error');
        })
        .catch((err) => showToast(`Could not refresh a card: ${err.message}`, 'error'))
        .finally(() => {
          views.endRefresh(persona, message, version);
          render();
        });
    }
  }
}

const busy = new Set();

/** An Action.Execute click on `message`'s card, as the current persona. */
async function execute(message, click) {
  if (busy.has(message.id)) return;
  const persona = state.persona;
  const { conversationId, id } = message;
  // The answer replaces the card only if nobody updated the message meanwhile (an update is newer than the answer).
  const version = findMessage(conversationId, id)?.version;
  const pane = conversationId === state.setup.conversations.approvals ? panes.channel : conversationId === state.setup.conversations.alerts ? panes.alerts : panes.chat;
  busy.add(id);
  pane.setBusy(id, true);
  try {
    const answer = await invoke({ persona, conversationId, activityId: id, verb: click.verb, data: click.data, trigger: 'manual' });
    if (answer.kind === 'card') {
      if (views.set(persona, findMessage(conversationId, id), version, answer.card)) focusAfterRender = id;
    } else {
      showToast(answer.kind === 'message' ? answer.text : answer.message, answer.kind === 'message' ? 'refusal' : 'error');
    }
  } catch (err) {
    showToast(err.message, 'error');
  } finally {
    busy.delete(id);
    pane.setBusy(id, false);
    render();
  }
}

function onEvent(event) {
  switch (event.type) {
    case 'snapshot':
      state.conversations = new Map(Object.entries(event.conversations));
      views.clear();
      break;
    case 'message':
      state.conversations.set(event.message.conversationId, [...messagesIn(event.message.conversationId), event.message]);
      break;
    case 'update':
      state.conversations.set(event.message.conversationId, messagesIn(event.message.conversationId).map((m) => (m.id === event.message.id ? event.message : m)));
      break;
    case 'delete':
      state.conversations.set(event.conversationId, messagesIn(event.conversationId).filter((m) => m.id !== event.id));
      break;
    case 'reset':
      state.conversations = new Map();
      views.clear();
      break;
  }
  refreshCards();
  render();
}

function setStatus(status) {
  const badge = $('connection');
  badge.dataset.status = status;
  badge.textContent = status === 'live' ? 'Connected' : 'Reconnecting…';
}

/** Storage may be off (private windows, strict settings): the page then simply starts as the agent. */
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const remembered = () => storage?.getItem(PERSONA_KEY) ?? null;
const remember = (key) => storage?.setItem(PERSONA_KEY, key);

function choosePersona(key) {
  const persona = personaOf(key) ?? state.setup.personas[0];
  state.persona = persona.key;
  $('persona').value = persona.key;
  $('persona-role').textContent = persona.role;
  $('chat-title').textContent = `${persona.name} · chat with License Doctor`;
  remember(persona.key);
  refreshCards();
  render();
}

async function send(event) {
  event.preventDefault();
  const box = $('message');
  const text = box.value.trim();
  if (text === '') return;
  box.value = '';
  $('typing').hidden = false;
  try {
    await sendMessage(state.persona, text);
  } catch (err) {
    showToast(err.message, 'error');
    box.value = text;
  } finally {
    $('typing').hidden = true;
  }
}

async function push(upn, button) {
  button.disabled = true;
  try {
    const { pushFailed } = await pushFromOkta(upn);
    showToast(pushFailed ? `Okta's push of ${upn} failed: watch #alerts.` : `Okta pushed ${upn}: the push succeeded, nothing to alert.`, 'info');
  } catch (err) {
    showToast(err.message, 'error');
  } finally {
    button.disabled = false;
  }
}

async function reset() {
  const button = $('reset');
  button.disabled = true;
  button.textContent = 'Resetting…';
  try {
    const { settled } = await resetSandbox();
    showToast(settled ? 'Sandbox reset: the seeded tenant is back and the conversations are empty.' : 'Sandbox reset, although a plan was still running.', 'info');
  } catch (err) {
    showToast(`Reset failed: ${err.message}`, 'error');
  } finally {
    button.disabled = false;
    button.textContent = 'Reset sandbox';
  }
}

async function main() {
  state.setup = await getSetup();
  const handlers = { onExecute: execute, onUnsupported: (title) => showToast(`"${title}" is not something the demo can do.`, 'info') };
  panes.chat = new ConversationPane($('chat-log'), $('chat-empty'), handlers);
  panes.channel = new ConversationPane($('channel-log'), $('channel-empty'), handlers);
  panes.alerts = new ConversationPane($('alerts-log'), $('alerts-empty'), handlers);
  const select = $('persona');
  select.replaceChildren(...state.setup.personas.map((p) => new window.Option(`${p.name} (${p.userPrincipalName})`, p.key)));
  select.addEventListener('change', () => choosePersona(select.value));
  buildScenarioPanel($('scenario-list'), state.setup.scenarios, (upn) => {
    $('message').value = upn;
    $('message').focus();
  }, push);
  $('composer').addEventListener('submit', send);
  $('message').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    $('composer').requestSubmit();
  });
  $('reset').addEventListener('click', reset);
  choosePersona(remembered() ?? 'agent');
  openEvents(onEvent, setStatus);
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  $('fatal').hidden = false;
  $('fatal').textContent = `The demo could not start: ${err.message}`;
});
