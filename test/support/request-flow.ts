// The people of the sandbox tenant acting through the application services: an agent asks, approvers approve.
import type { PathId } from '../../src/core/model/diagnosis.ts';
import type { PlanOptions } from '../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import type { LicenseRequest, Surface } from '../../src/core/model/request.ts';
import type { DecideResult } from '../../src/app/decide-request.ts';
import type { Services } from '../../src/app/services.ts';
import { PERSONAS } from '../../src/sandbox/seed.ts';

/** Someone acting from the command line. */
export const as = (upn: string, surface: Surface = 'cli') => ({ upnOrId: upn, surface, surfaceUserId: null });

export const AGENT = as(PERSONAS.agent);
export const PATTI = as(PERSONAS.approver);
export const CHRISTIE = as(PERSONAS.secondApprover);
export const DEBRA = as(PERSONAS.nonApprover);

export interface AskInput {
  readonly query: string;
  readonly path: PathId;
  readonly options?: PlanOptions;
  readonly acknowledgeRemoval?: boolean;
}

/** The agent asks for the plan (removals acknowledged unless told otherwise). */
export function ask(services: Services, input: AskInput): Promise<LicenseRequest> {
  return services.createRequest({
    query: input.query, path: input.path, options: input.options ?? DEFAULT_PLAN_OPTIONS, requester: AGENT,
    reason: `End-to-end test: ${input.path} for ${input.query}`, acknowledgeRemoval: input.acknowledgeRemoval ?? true,
  });
}

/** Patti approves, and Christie too when the request needs two approvals; the last decision is returned. */
export async function approve(services: Services, request: LicenseRequest): Promise<DecideResult> {
  let decided = await services.decide({ requestId: request.id, decision: 'approve', actor: PATTI });
  if (request.approvalsRequired > 1) decided = await services.decide({ requestId: request.id, decision: 'approve', actor: CHRISTIE });
  return decided;
}
