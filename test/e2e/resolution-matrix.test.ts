// Issue 3 end to end through the application services: every seeded scenario x every resolution path (and the
// path-1 variants) is previewed, requested, approved and executed against its own sandbox tenant. Each ends verified
// (Okta's push succeeds afterwards, Graph shows the plan's "after"), or in needs-manual-steps with the exact
// instructions — then a person does the change in the sandbox and Re-check finishes it — or as not applicable.
import type { PathId } from '../../src/core/model/diagnosis.ts';
import type { PlanOptions, PlanStepKind } from '../../src/core/model/plan.ts';
import { DEFAULT_PLAN_OPTIONS } from '../factories/plan-options.ts';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import { GROUP, OKTA_APP, OKTA_GROUP, SCENARIOS } from '../../src/sandbox/seed.ts';
import { ask, approve } from '../support/request-flow.ts';
import { expectVerified, forget, isOkta, writesSoFar } from '../support/resolution-checks.ts';
import { graph, okta, removeMemberElsewhere, settled } from '../support/sandbox-admin.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';
import { planWrites } from '../support/vendor-writes.ts';

const VARIANTS = {
  'path 1': { path: 'okta-owns-licenses', options: DEFAULT_PLAN_OPTIONS },
  'path 1 with a gap': { path: 'okta-owns-licenses', options: { ...DEFAULT_PLAN_OPTIONS, allowServiceGap: true } },
  'path 1 on the group': { path: 'okta-owns-licenses', options: { ...DEFAULT_PLAN_OPTIONS, removeLicenseFromGroup: true } },
  'path 1 keeping Okta licenses': { path: 'okta-owns-licenses', options: { ...DEFAULT_PLAN_OPTIONS, completeOktaLicenses: false } },
  'path 2': { path: 'entra-owns-licenses', options: DEFAULT_PLAN_OPTIONS },
  'path 3': { path: 'okta-workflows-profile-only', options: DEFAULT_PLAN_OPTIONS },
} as const satisfies Record<string, { path: PathId; options: PlanOptions }>;
type Variant = keyof typeof VARIANTS;
const PATH_1: readonly Variant[] = ['path 1', 'path 1 with a gap', 'path 1 on the group', 'path 1 keeping Okta licenses'];

/** A manual step: which kind, what its instructions must say, and how a person does it in the sandbox. */
interface ByHand {
  readonly kind: Extract<PlanStepKind, 'manual-group-membership' | 'manual-okta-group-assignment'>;
  readonly says: readonly RegExp[];
  readonly variants: readonly Variant[];
  readonly doIt: (rt: SandboxRuntime, request: LicenseRequest) => Promise<void>;
}

const leaveGroup = (groupId: string) => async (rt: SandboxRuntime, request: LicenseRequest) =>
  removeMemberElsewhere(rt.sandbox, groupId, request.target.entraObjectId);
const MEMBERSHIP: readonly Variant[] = ['path 1', 'path 1 with a gap', 'path 1 keeping Okta licenses'];

const BY_HAND: Readonly<Record<string, ByHand>> = {
  'alex.wilber@contoso.com': {
    kind: 'manual-group-membership', variants: MEMBERSHIP,
    says: [/Dynamic membership rules, change the rule \(now: user\.department -eq "Sales"\)/, /change Alex Wilber's department/],
    // The helpdesk changes his department in Entra ID; the dynamic group drops him.
    doIt: async (rt, request) => {
      await graph(rt.sandbox, 'PATCH', `/users/${request.target.entraObjectId}`, { department: 'Retail' });
    },
  },
  'lynne.robbins@contoso.com': {
    kind: 'manual-group-membership', variants: MEMBERSHIP,
    says: [/Remove-ADGroupMember -Identity 'CONTOSO Finance Licensing'/, /Start-ADSyncSyncCycle -PolicyType Delta/],
    doIt: leaveGroup(GROUP.FINANCE_ONPREM),
  },
  'diego.siciliani@contoso.com': {
    kind: 'manual-group-membership', variants: MEMBERSHIP,
    says: [/Remove-DistributionGroupMember -Identity 'Legal Team' -Member diego\.siciliani@contoso\.com/],
    doIt: leaveGroup(GROUP.LEGAL_MAIL),
  },
  'isaiah.langer@contoso.com': {
    kind: 'manual-group-membership', variants: MEMBERSHIP,
    says: [/a Privileged Role Administrator removes isaiah\.langer@contoso\.com/],
    doIt: leaveGroup(GROUP.ADMINS_ROLE),
  },
  'miriam.graham@contoso.com': {
    kind: 'manual-okta-group-assignment', variants: ['path 1', 'path 1 with a gap', 'path 1 on the group'],
    says: [/Assignments > Groups > 'O365 Standard' > Edit: add SPE_E3 \(Microsoft 365 E3\) to Licenses/],
    // An Okta admin adds Microsoft 365 E3 to the "O365 Standard" group assignment.
    doIt: async (rt) => {
      await okta(rt.sandbox, 'PUT', `/api/v1/apps/${OKTA_APP.MAIN}/groups/${OKTA_GROUP.O365_STANDARD}`, { profile: { licenses: ['ENTERPRISEPACK', 'SPE_E3'], roles: [] } });
    },
  },
};

const nothingToResolve = (name: string) => `Okta does not push ${name} to Office 365, so Okta and Entra ID do not compete for ${name}'s licenses: there is nothing to resolve.`;
const NOT_APPLICABLE: Readonly<Record<string, (v: Variant) => string>> = {
  'johanna.lorenz@contoso.com': () => "Johanna Lorenz's license problem does not come from Okta: fix it in Entra ID (see the diagnosis); no resolution path applies.",
  'lee.gu@contoso.com': () => "Okta and Entra ID do not conflict over Lee Gu's licenses: there is nothing to resolve.",
  'pradeep.gupta@contoso.com': () => nothingToResolve('Pradeep Gupta'),
  'nestor.wilke@contoso.com': () => nothingToResolve('Nestor Wilke'),
  'kai.carter@contoso.com': (v) => (PATH_1.includes(v)
    ? "Okta's provisioning of the Office 365 app is off, so Okta pushes nothing for Kai Carter now: there is no conflict to resolve."
    : 'Provisioning of Microsoft Office 365 - Contractors is already off in Okta: there is nothing to turn off.'),
  'henrietta.mueller@contoso.com': (v) => (PATH_1.includes(v)
    ? 'Henrietta Mueller has no usage location, and a direct license (Okta\'s or License Doctor\'s) needs one. Set it in the Microsoft Entra admin center > Users > Henrietta Mueller > Properties (or in Okta, if Okta pushes usageLocation), then diagnose again.'
    : ''),
};

type Expected = { kind: 'succeeded' } | { kind: 'manual'; byHand: ByHand } | { kind: 'not-applicable'; reason: string } | { kind: 'configuration' };

function expected(upn: string, variant: Variant): Expected {
  const byHand = BY_HAND[upn];
  if (byHand?.variants.includes(variant)) return { kind: 'manual', byHand };
  const reason = NOT_APPLICABLE[upn]?.(variant) ?? '';
  if (reason !== '') return { kind: 'not-applicable', reason };
  return SCENARIOS.find((s) => s.userPrincipalName === upn)?.verdict === null ? { kind: 'configuration' } : { kind: 'succeeded' };
}

const CASES = SCENARIOS.flatMap((s) => (Object.keys(VARIANTS) as Variant[]).map((v) => [s.userPrincipalName, v, expected(s.userPrincipalName, v)] as const));

const TITLE: Record<Expected['kind'], string> = {
  succeeded: 'is resolved and verified',
  manual: 'needs a manual step with exact instructions; done by hand, Re-check resolves it',
  'not-applicable': 'is not applicable, and says why',
  configuration: 'asks for OKTA_O365_APP_ID instead of guessing the app',
};

describe.each(CASES)('%s, %s', (upn, variant, outcome) => {
  const { path, options } = VARIANTS[variant];

  test(TITLE[outcome.kind], async () => {
    const rt = await startSandboxRuntime();
    try {
      if (outcome.kind === 'configuration') {
        await expect(ask(rt.services, { query: upn, path, options })).rejects.toMatchObject({ code: 'configuration', message: expect.stringContaining('Set OKTA_O365_APP_ID') });
        return;
      }
      if (outcome.kind === 'not-applicable') {
        await expect(rt.services.previewPlan(upn, path, options)).rejects.toMatchObject({ code: 'usage', message: `No plan for ${path}: ${outcome.reason}` });
        await expect(ask(rt.services, { query: upn, path, options })).rejects.toMatchObject({ code: 'usage', message: `No plan for ${path}: ${outcome.reason}` });
        expect(await rt.services.list()).toEqual([]);
        return;
      }
      const { plan } = await rt.services.previewPlan(upn, path, options);
      const request = await ask(rt.services, { query: upn, path, options });
      expect(request).toMatchObject({ status: 'pending', path, approvalsRequired: plan.approvalsRequired });
      expect(request.plan.steps).toEqual(plan.steps);
      const decided = await approve(rt.services, request);
      expect(decided).toMatchObject({ shouldExecute: true, request: { status: 'approved' } });

      forget(rt);
      const startedAt = new Date().toISOString();
      let after = await rt.services.execute(request.id);
      await rt.sandbox.okta.idle();
      const writes = writesSoFar(rt);
      if (outcome.kind === 'manual') {
        const n = plan.steps.findIndex((s) => !s.automatic);
        const manual = plan.steps[n];
        expect(manual?.action.kind).toBe(outcome.byHand.kind);
        expect(after).toMatchObject({ status: 'needs-manual-steps' });
        expect(after?.outcome?.message).toBe(
          `Step ${n + 1} needs a person — ${manual?.title}: ${manual?.effect.replace(/\.$/, '')}. Then press Re-check ` +
            `(license-doctor recheck ${request.id}): License Doctor checks it and finishes the remaining steps.`,
        );
        for (const says of outcome.byHand.says) expect(after?.outcome?.message).toMatch(says);
        // Only the steps before the manual one ran.
        const before = planWrites(plan, plan.steps.slice(0, n).map((s) => s.id));
        expect(writes).toEqual({ graph: before.filter((w) => !isOkta(w)), okta: before.filter(isOkta) });

        await outcome.byHand.doIt(rt, request);
        await settled(rt.sandbox);
        forget(rt);
        after = await rt.services.recheck(request.id);
        await rt.sandbox.okta.idle();
        const more = writesSoFar(rt);
        writes.graph.push(...more.graph);
        writes.okta.push(...more.okta);
        expect(after?.steps[n]).toMatchObject({ status: 'succeeded', detail: 'done by hand' });
      }
      if (!after) throw new Error('execute returned no request');
      await expectVerified(rt, after, plan, startedAt);
      const all = planWrites(plan);
      expect(writes).toEqual({ graph: all.filter((w) => !isOkta(w)), okta: all.filter(isOkta) });
    } finally {
      await rt.close();
    }
  }, 20_000);
});
