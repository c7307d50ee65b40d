// Step kind, manual: the Okta group assignment behind a GROUP-scoped user gains license values (it changes every member,
// so an Okta administrator decides and makes it).
import { listPhrase } from '../diagnosis/prose.ts';
import type { StepDraft } from '../plans/number-steps.ts';
import type { PlanSubject } from '../plans/plan-subject.ts';
import { oktaHolds } from './live-state.ts';
import { draft, type StepKind } from './step-kind.ts';

/** Manual: the Okta group assignment that gives a GROUP-scoped user licenses must gain `addValues`. */
export interface OktaGroupAssignmentAction {
  readonly kind: 'manual-okta-group-assignment';
  readonly appId: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly attribute: string;
  readonly addValues: readonly string[];
}

declare module '../model/plan.ts' {
  interface StepActions {
    readonly 'manual-okta-group-assignment': OktaGroupAssignmentAction;
  }
}

interface Facts {
  readonly subject: PlanSubject;
  /** The assignment's values now. */
  readonly values: readonly string[];
  readonly products: readonly string[];
}

const valuesPhrase = (values: readonly string[]): string => (values.length === 0 ? 'empty' : values.join(', '));

export const oktaGroupAssignment: StepKind<OktaGroupAssignmentAction, Facts> = {
  kind: 'manual-okta-group-assignment',
  role: 'manual',
  vendor: null,
  readBack: 'none',
  describe: (a, { subject: s, values, products }) => {
    const g = a.groupName;
    return {
      title: `In Okta, add ${listPhrase([...products])} to the group assignment '${g}'`,
      precondition:
        `${s.name} gets ${s.app.label} through the Okta group '${g}' (scope GROUP), whose ${a.attribute} are ${valuesPhrase(values)}. ` +
        `The change applies to every member of '${g}', so an Okta administrator decides and makes it.`,
      effect:
        `Okta Admin Console > Applications > Applications > ${s.app.label} > Assignments > Groups > '${g}' > Edit: add ${a.addValues.join(', ')} ` +
        `(${listPhrase([...products])}) to Licenses, keep the values already there, and Save.`,
      verification: `Re-check: Okta's ${a.attribute} for ${s.name} include ${a.addValues.join(', ')}.`,
    };
  },
  // A GROUP-scoped app user's values come from the group assignment: the user's values show the change.
  isDone: (a, live) => oktaHolds(live, a.attribute, a.addValues),
};

/** Manual: the Okta group assignment behind a GROUP-scoped user gains the values (it changes every member). */
export function oktaGroupAssignmentStep(
  s: PlanSubject,
  assignment: { readonly groupId: string; readonly groupName: string; readonly values: readonly string[] },
  attribute: string,
  addValues: readonly string[],
  products: readonly string[],
): StepDraft {
  const action: OktaGroupAssignmentAction = { kind: 'manual-okta-group-assignment', appId: s.app.id, groupId: assignment.groupId, groupName: assignment.groupName, attribute, addValues };
  return draft(oktaGroupAssignment, action, { subject: s, values: assignment.values, products });
}
