// Renders Adaptive Cards with the official renderer (adaptivecards.min.js, loaded by the page as the global
// AdaptiveCards) and the Teams-like host config, and turns clicks into what Teams would send: Action.Execute gives its
// verb and its data merged with the card's inputs (the renderer validates required inputs first).
/* global window */
import { HOST_CONFIG } from './host-config.js';
import { markdownToHtml } from './markdown.js';

let renderer = null;

/** The renderer, set up once (Markdown as Teams renders it). */
function adaptiveCards() {
  if (renderer) return renderer;
  const ac = window.AdaptiveCards;
  if (!ac) throw new Error('The Adaptive Cards renderer did not load (GET /demo/vendor/adaptivecards.min.js).');
  ac.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdownToHtml(text);
    result.didProcess = true;
  };
  renderer = { ac, hostConfig: new ac.HostConfig(HOST_CONFIG) };
  return renderer;
}

const isWebUrl = (url) => /^https?:\/\//i.test(url ?? '');

/**
 * The rendered card. `onExecute({ verb, data })` is called for an Action.Execute click (after the renderer checked
 * the required inputs); `onUnsupported(title)` for an action the demo does not send.
 */
export function renderCard(payload, { onExecute, onUnsupported }) {
  const { ac, hostConfig } = adaptiveCards();
  const card = new ac.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (action instanceof ac.ExecuteAction) return onExecute({ verb: action.verb, data: { ...(action.data ?? {}) } });
    if (action instanceof ac.OpenUrlAction && isWebUrl(action.url)) return void window.open(action.url, '_blank', 'noopener');
    return onUnsupported(action.title ?? action.getJsonTypeName());
  };
  card.parse(payload);
  const element = card.render();
  if (!element) throw new Error('The renderer produced nothing for this card.');
  return element;
}
