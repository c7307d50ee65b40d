// Who may approve: members (transitive) of APPROVERS_GROUP_ID, checked live through Graph on every decision, plus an
// optional explicit list of UPNs.
import { LicenseDoctorError } from '../core/errors.ts';
import type { Actor } from '../core/model/request.ts';
import type { EntraDirectory } from '../core/ports/entra-directory.ts';

export interface ApproverPolicy {
  readonly groupId: string | null;
  /** Explicitly allowed approvers (lower-case UPNs). */
  readonly approvers: readonly string[];
}

/** Whether `actor` may approve, asked of Graph now (never cached: membership changes take effect at once). */
export async function isApprover(entra: EntraDirectory, policy: ApproverPolicy, actor: Actor): Promise<boolean> {
  if (policy.approvers.includes(actor.userPrincipalName.toLowerCase())) return true;
  if (!policy.groupId || !actor.entraObjectId) return false;
  const memberOf = await entra.checkMemberGroups(actor.entraObjectId, [policy.groupId]);
  return memberOf.some((id) => id.toLowerCase() === policy.groupId?.toLowerCase());
}

/** Refuses (before anything is read or written) an action that needs approvers when none are configured. */
export function requireApprovers(policy: ApproverPolicy, action: string): void {
  if (policy.groupId !== null || policy.approvers.length > 0) return;
  throw new LicenseDoctorError('configuration', `No approvers are configured, so License Doctor cannot ${action}: set APPROVERS_GROUP_ID to the Entra group whose members may approve changes (or APPROVERS to a comma-separated list of UPNs). Diagnose and plan work without it.`);
}
