// The sandbox Graph router: the shared Router plus OData's parenthesised key syntax, which Graph requires for a
// user principal name starting with `$` (`/users('$x@contoso.com')`, quotes doubled inside). The key is
// rewritten into the key-as-segment form and flagged, so routes can tell it apart from `/users/$x...`.
import { Router, type Handler, type SandboxResponse } from '../http.ts';
import type { GraphContext } from './graph-context.ts';
import { GraphFailure, graphError } from './graph-response.ts';

/** Route parameter set when the key came in `('...')` form. */
export const KEY_IN_PARENS = 'keyInParens';

const PARENS_KEY = /^(users|groups)\('((?:[^']|'')*)'\)$/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class GraphRouter extends Router {
  override match(method: string, path: string): { handler: Handler; params: Record<string, string> } | null | 'method' {
    let inParens = false;
    const rewritten = path
      .split('/')
      .map((segment) => {
        const m = PARENS_KEY.exec(decoded(segment));
        if (!m?.[1] || m[2] === undefined) return segment;
        inParens = true;
        return `${m[1]}/${encodeURIComponent(m[2].replace(/''/g, "'"))}`;
      })
      .join('/');
    const found = super.match(method, rewritten);
    if (!inParens || found === null || found === 'method') return found;
    return { handler: found.handler, params: { ...found.params, [KEY_IN_PARENS]: '1' } };
  }
}

/** Wraps a handler so that a thrown GraphFailure becomes Graph's error envelope. */
export function graphRoute(ctx: GraphContext, handler: Handler): Handler {
  return async (req): Promise<SandboxResponse> => {
    try {
      return await handler(req);
    } catch (err) {
      if (err instanceof GraphFailure) return graphError(req, ctx.tenant.now(), err);
      throw err;
    }
  };
}

/** A required route parameter (the router guarantees it; a missing one is a routing bug). */
export function param(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
}
