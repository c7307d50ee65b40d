// What a click asks for: the verb and data of an Action.Execute invoke (or of the Action.Submit fallback, whose
// message `value` carries the verb inside the data), validated. Values are only hints: the server re-reads the
// request and re-checks the person on every click (CONTRACT.md "Chat actions").
import { z } from 'zod';
import type { PathId } from '../../core/model/diagnosis.ts';
import { isPathId } from '../../core/paths/path-registry.ts';
import { REJECT_REASON_INPUT } from './approval-card.ts';
import { optionInputs } from '../chat/plan-option-inputs.ts';
import { PLAN_INPUTS } from './plan-card.ts';

export type TeamsAction =
  // `options`: the plan option inputs sent (`option:<name>`, by name; absent when none), parsed by the runner.
  | { readonly verb: 'path'; readonly path: PathId; readonly query: string; readonly options?: Readonly<Record<string, unknown>> }
  | {
      readonly verb: 'request'; readonly path: PathId; readonly query: string; readonly justification: string; readonly acknowledgeRemoval: boolean;
      readonly options?: Readonly<Record<string, unknown>>;
    }
  | { readonly verb: 'recheck'; readonly target: { readonly kind: 'query'; readonly query: string } | { readonly kind: 'request'; readonly requestId: string } }
  | { readonly verb: 'approve' | 'reject' | 'cancel'; readonly requestId: string; readonly reason: string; readonly card: 'approval' | 'status' }
  | { readonly verb: 'retry'; readonly requestId: string; readonly card: 'approval' | 'status' }
  | { readonly verb: 'refresh'; readonly requestId: string }
  | { readonly verb: 'batch-approve' | 'batch-reject' | 'batch-retry' | 'batch-split'; readonly batchId: string; readonly reason: string }
  | { readonly verb: 'batch-from-alert'; readonly alertId: string; readonly justification: string };

const text = (max: number) => z.string().trim().min(1).max(max);
const requestId = text(64);
const path = z.string().refine(isPathId);
// Input.Toggle sends its valueOn / valueOff strings; some clients send booleans.
const toggle = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === 'true').optional();

const schemas = {
  path: z.object({ path, query: text(65_536) }),
  request: z.object({
    path, query: text(65_536),
    [PLAN_INPUTS.justification]: z.string().max(4000).optional(),
    [PLAN_INPUTS.acknowledgeRemoval]: toggle,
    [PLAN_INPUTS.acknowledgeVariant]: toggle,
  }),
  recheck: z.union([z.object({ requestId }), z.object({ query: text(65_536) })]),
  decision: z.object({ requestId, [REJECT_REASON_INPUT]: z.string().max(4000).optional(), card: z.enum(['approval', 'status']).optional() }),
  refresh: z.object({ requestId }),
  retry: z.object({ requestId, card: z.enum(['approval', 'status']).optional() }),
  fromAlert: z.object({ alertId: z.string().regex(/^[A-Za-z0-9-]{1,80}$/), justification: z.string().max(4000).optional() }),
  batch: z.object({ batchId: z.string().regex(/^LD-B[0-9A-Z]{4}-[0-9A-Z]{4}$/), [REJECT_REASON_INPUT]: z.string().max(4000).optional() }),
};

/** The plan option inputs among the data, when there are any. */
function optionsOf(input: object): { options?: Record<string, unknown> } {
  const options = optionInputs(input as Record<string, unknown>);
  return Object.keys(options).length > 0 ? { options } : {};
}

/** The action `verb` + `data` describe, or null when they are not one of License Doctor's (an old or foreign card). */
export function parseTeamsAction(verb: unknown, data: unknown): TeamsAction | null {
  const input = typeof data === 'object' && data !== null ? data : {};
  switch (verb) {
    case 'path': {
      const r = schemas.path.safeParse(input);
      return r.success ? { verb, path: r.data.path, query: r.data.query, ...optionsOf(input) } : null;
    }
    case 'request': {
      const r = schemas.request.safeParse(input);
      return r.success
        ? {
            verb, path: r.data.path, query: r.data.query, justification: (r.data.justification ?? '').trim(), acknowledgeRemoval: (r.data.acknowledgeRemoval ?? false) || (r.data.acknowledgeVariant ?? false),
            ...optionsOf(input),
          }
        : null;
    }
    case 'recheck': {
      const r = schemas.recheck.safeParse(input);
      if (!r.success) return null;
      return { verb, target: 'requestId' in r.data ? { kind: 'request', requestId: r.data.requestId } : { kind: 'query', query: r.data.query } };
    }
    case 'approve':
    case 'reject':
    case 'cancel': {
      const r = schemas.decision.safeParse(input);
      return r.success ? { verb, requestId: r.data.requestId, reason: (r.data.reason ?? '').trim(), card: r.data.card ?? 'status' } : null;
    }
    case 'retry': {
      const r = schemas.retry.safeParse(input);
      return r.success ? { verb, requestId: r.data.requestId, card: r.data.card ?? 'status' } : null;
    }
    case 'refresh': {
      const r = schemas.refresh.safeParse(input);
      return r.success ? { verb, requestId: r.data.requestId } : null;
    }
    case 'batch-approve':
    case 'batch-reject':
    case 'batch-retry':
    case 'batch-split': {
      const r = schemas.batch.safeParse(input);
      return r.success ? { verb, batchId: r.data.batchId, reason: (r.data.reason ?? '').trim() } : null;
    }
    case 'batch-from-alert': {
      const r = schemas.fromAlert.safeParse(input);
      return r.success ? { verb, alertId: r.data.alertId, justification: (r.data.justification ?? '').trim() } : null;
    }
    default:
      return null;
  }
}
