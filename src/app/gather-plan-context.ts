// Reads what a plan needs beyond the diagnosis: blast radius counts and the Okta group assignment behind a
// GROUP-scoped app user. Only what the chosen path declares it needs for these options is read (PathModule.reads).
import { oktaLicenseValues } from '../core/licensing/okta-license-values.ts';
import type { Diagnosis, PathId } from '../core/model/diagnosis.ts';
import type { PlanOptions } from '../core/model/plan.ts';
import { pathModule } from '../core/paths/path-registry.ts';
import type { PlanContext } from '../core/plans/plan-context.ts';
import type { EntraDirectory } from '../core/ports/entra-directory.ts';
import type { OktaOrg } from '../core/ports/okta-org.ts';

export interface PlanContextDeps {
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly workflowsConfigured: boolean;
}

/** The PlanContext for building `path` with `options` from `diagnosis`. */
export async function gatherPlanContext(deps: PlanContextDeps, diagnosis: Diagnosis, path: PathId, options: PlanOptions): Promise<PlanContext> {
  const { input, report } = diagnosis;
  const app = input.okta?.app ?? null;
  const appUser = input.okta?.appUser ?? null;
  const groupIds = [...new Set(report.licenses.flatMap((l) => (l.group ? [l.group.id] : [])))];
  const reads = pathModule(path).reads(options);

  const counts = reads.groupMemberCounts === true
    ? Object.fromEntries(await Promise.all(groupIds.map(async (id) => [id, await deps.entra.countGroupMembers(id)] as const)))
    : {};
  const appUsers = reads.appAssignedUsers === true && app ? await deps.okta.countAppUsers(app.id) : null;

  let oktaGroupAssignment: PlanContext['oktaGroupAssignment'] = null;
  if (reads.oktaGroupAssignment === true && app && appUser?.scope === 'GROUP' && input.okta?.user) {
    const [memberOf, assignments] = await Promise.all([deps.okta.listUserGroupIds(input.okta.user.id), deps.okta.listGroupAssignments(app.id)]);
    const attribute = input.okta.licenseSchema?.licensesAttribute ?? 'licenses';
    // Okta applies the assignment with the best priority (lowest number) among the user's groups.
    const mine = assignments.filter((a) => memberOf.includes(a.groupId)).sort((a, b) => (a.priority ?? 1e9) - (b.priority ?? 1e9));
    const chosen = mine[0];
    if (chosen) {
      const values = oktaLicenseValues(
        { ...appUser, profile: chosen.profile },
        { licensesAttribute: attribute, rolesAttribute: input.okta.licenseSchema?.rolesAttribute ?? null },
      );
      oktaGroupAssignment = { groupId: chosen.groupId, groupName: chosen.groupName ?? chosen.groupId, values };
    }
  }
  return { groupMemberCounts: counts, appAssignedUsers: appUsers?.count ?? null, appAssignedUsersMore: appUsers?.more ?? false, workflowsConfigured: deps.workflowsConfigured, oktaGroupAssignment };
}
