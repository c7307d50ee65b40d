// The demo backend's API (src/surfaces/web/demo-api.ts): setup, messages and clicks as a persona, reset, and the
// event stream of the conversations.
/* global fetch, EventSource */

async function request(path, body) {
  const res = await fetch(path, body === undefined
    ? { headers: { Accept: 'application/json' } }
    : { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  const payload = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null;
  if (!res.ok) throw new Error(payload?.error ?? `The demo server answered HTTP ${res.status}.`);
  return payload;
}

/** Personas, scenarios and conversation ids. */
export const getSetup = () => request('/demo/api/setup');

/** `persona` types `text` in their chat with the bot. */
export const sendMessage = (persona, text) => request('/demo/api/message', { persona, text });

/** A click (or an automatic refresh): resolves to { kind: 'card', card } | { kind: 'message', text } | { kind: 'error', message }. */
export const invoke = (click) => request('/demo/api/invoke', click);

/** Okta pushes `upn` again; resolves to { upn, pushFailed, diagnosed } once the push ran and the System Log was read. */
export const pushFromOkta = (upn) => request('/demo/api/push', { upn });

/** Back to the seeded tenant, with empty conversations. */
export const resetSandbox = () => request('/demo/api/reset', {});

/** Streams the conversations' events to `onEvent`; `onStatus('live' | 'reconnecting')` follows the connection. */
export function openEvents(onEvent, onStatus) {
  const source = new EventSource('/demo/api/events');
  source.onmessage = (e) => onEvent(JSON.parse(e.data));
  source.onopen = () => onStatus('live');
  source.onerror = () => onStatus('reconnecting');
  return source;
}
