// The demo's POST routes act as whoever the page says (a persona), so another site must not be able to drive them
// from a visitor's browser. A cross-site form or `fetch(..., { mode: 'no-cors' })` can only send "simple" requests
// (text/plain, form encodings, no custom headers); `application/json` needs a CORS preflight this server never grants.
// Origin and Sec-Fetch-Site, when the browser sends them, must also say the request came from this page.
import type { IncomingMessage } from 'node:http';

export type OriginCheck = { readonly ok: true } | { readonly ok: false; readonly status: 403 | 415; readonly error: string };

/** Whether `req` is a JSON request from the demo page itself. */
export function checkSameOriginJson(req: IncomingMessage): OriginCheck {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return { ok: false, status: 415, error: 'The demo API accepts only Content-Type: application/json from the demo page.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, status: 403, error: 'The demo API accepts requests only from the demo page itself.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && URL.canParse(origin) && new URL(origin).host === req.headers.host) return { ok: true };
  if (origin !== undefined) return { ok: false, status: 403, error: 'The demo API accepts requests only from the demo page itself.' };
  return { ok: true };
}
