// CLI_DECISIONS=false: approve, reject and cancel only from a chat platform that vouches for its users. Whoever runs
// the command line holds the service's own credentials, so its --as is a claim, not an identity.
import { LicenseDoctorError } from '../core/errors.ts';
import type { Surface } from '../core/model/request.ts';
import { auditRecord, writeAudit } from './audit.ts';
import type { ServiceDeps } from './service-deps.ts';

const ACTION = { approve: 'approval.refused', reject: 'rejection.refused', cancel: 'cancellation.refused' } as const;

/** Refuses (policy, audited) a command-line decision when CLI_DECISIONS is false; does nothing otherwise. */
export async function refuseCliDecision(
  deps: Pick<ServiceDeps, 'policy' | 'clock' | 'auditLog' | 'auditContext'>,
  input: { readonly requestId: string; readonly decision: keyof typeof ACTION; readonly actor: { readonly upnOrId: string; readonly surface: Surface } },
): Promise<void> {
  if (input.actor.surface !== 'cli' || deps.policy.cliDecisions) return;
  const message = 'Decisions from the command line are turned off (CLI_DECISIONS=false): approve, reject or cancel this request in Slack or Teams.';
  const at = new Date(deps.clock.now()).toISOString();
  await writeAudit(deps, [auditRecord(at, ACTION[input.decision], input.actor.upnOrId, input.requestId, { reason: 'cli-decisions-off', surface: 'cli', message })]);
  throw new LicenseDoctorError('policy', message, { reason: 'cli-decisions-off', requestId: input.requestId });
}
