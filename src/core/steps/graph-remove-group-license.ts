// Step kind: SKUs leave the group itself, so every member loses that path (the group-scoped variant of path 1).
import { listPhrase } from '../diagnosis/prose.ts';
import type { DiagnosisInput, GroupRef } from '../model/diagnosis.ts';
import { productOf } from '../plans/license-lines.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { licensePaths, requestIds, same } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** POST /groups/{groupId}/assignLicense removing the SKUs from the group itself (every member loses that path). */
export interface RemoveGroupLicenseAction {
  readonly kind: 'graph-remove-group-license';
  readonly groupId: string;
  readonly groupName: string;
  readonly skuIds: readonly string[];
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'graph-remove-group-license': RemoveGroupLicenseAction;
  }
}

function removed(a: RemoveGroupLicenseAction, live: DiagnosisInput): boolean {
  if (live.entra.user === null) return false;
  const group = live.entra.groups.find((g) => same(g.id, a.groupId));
  const groupLacks = group !== undefined && a.skuIds.every((sku) => !group.assignedLicenses.some((l) => same(l.skuId, sku)));
  // The live state reads only groups that still license the user: once the change is applied, the path is the evidence.
  const noPath = !licensePaths(live).some((p) => same(p.assignedByGroup, a.groupId) && a.skuIds.some((sku) => same(p.skuId, sku)));
  return groupLacks || noPath;
}

interface Facts {
  readonly subject: PlanSubject;
  readonly memberCount: number;
  readonly serviceNote: string;
}

export const removeGroupLicense: StepKind<RemoveGroupLicenseAction, Facts> = {
  kind: 'graph-remove-group-license',
  role: 'write',
  vendor: 'graph',
  readBack: 'poll',
  describe: (a, { subject: s, memberCount, serviceNote }) => {
    const products = listPhrase(a.skuIds.map((id) => productOf(id, s.skus)));
    const body = JSON.stringify({ addLicenses: [], removeLicenses: a.skuIds });
    const them = a.skuIds.length === 1 ? 'it' : 'them';
    return {
      title: `Remove ${products} from the group '${a.groupName}' itself`,
      precondition:
        `All ${memberCount} member${memberCount === 1 ? '' : 's'} of '${a.groupName}' lose ${products} from this group; ` +
        `members with no other source of ${them} lose the license. ${serviceNote}`,
      effect: `POST /v1.0/groups/${a.groupId}/assignLicense with ${body} (Graph answers 202 Accepted and updates every member in the background).`,
      verification:
        `GET /v1.0/groups/${a.groupId}: assignedLicenses no longer list ${products}, and ${s.name}'s licenseAssignmentStates have no entry ` +
        `from '${a.groupName}' for ${them}.`,
    };
  },
  isDone: removed,
  writes: (a) => [{ method: 'POST', path: `/v1.0/groups/${a.groupId}/assignLicense` }],
  perform: async (a, { ports }) => {
    const r = await ports.entra.assignGroupLicenses(a.groupId, [], a.skuIds);
    return { vendorRequestIds: requestIds(r), detail: `license removed from the group ${a.groupName}` };
  },
};

/** Removes SKUs from the group itself: every member loses that path (the group-scoped variant). */
export function removeGroupLicenseStep(s: PlanSubject, group: GroupRef, skuIds: readonly string[], memberCount: number, serviceNote: string): StepDraft {
  const action: RemoveGroupLicenseAction = { kind: 'graph-remove-group-license', groupId: group.id, groupName: group.displayName, skuIds };
  return draft(removeGroupLicense, action, { subject: s, memberCount, serviceNote });
}
