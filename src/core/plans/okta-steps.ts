// Plan steps on Okta's side: what Okta holds for the user, the re-push, and turning provisioning off and back on.
import { listPhrase } from '../diagnosis/prose.ts';
import type { StepDraft } from './number-steps.ts';
import type { PlanSubject } from './plan-subject.ts';

const valuesPhrase = (values: readonly string[]): string => (values.length === 0 ? 'empty' : values.join(', '));
const itThem = (n: number): string => (n === 1 ? 'it' : 'them');

/** Sets the app user's licenses attribute to `values` (Okta's current values plus what the user would lose). */
export function setOktaLicensesStep(s: PlanSubject, attribute: string, values: readonly string[], products: readonly string[]): StepDraft {
  const added = values.filter((v) => !s.oktaValues.includes(v));
  return {
    action: { kind: 'okta-set-user-licenses', appId: s.app.id, oktaUserId: s.oktaUserId, attribute, values, previous: s.oktaValues },
    automatic: true,
    title: `Add ${listPhrase([...products])} to Okta's licenses for ${s.name}`,
    precondition:
      `${s.name} is assigned to ${s.app.label} in Okta individually (scope USER), and Okta's ${attribute} for ${s.name} are ` +
      `${valuesPhrase(s.oktaValues)}. Without ${itThem(products.length)}, Okta's push would remove ${itThem(products.length)} once no group grants ${itThem(products.length)}.`,
    effect:
      `POST /api/v1/apps/${s.app.id}/users/${s.oktaUserId} with the app user's profile, ${attribute} set to ${JSON.stringify(values)} ` +
      'and every other attribute unchanged; Okta then pushes the profile to Office 365.',
    verification: `GET /api/v1/apps/${s.app.id}/users/${s.oktaUserId}: profile.${attribute} includes ${added.join(', ')}.`,
  };
}

/** Manual: the Okta group assignment behind a GROUP-scoped user gains the values (it changes every member). */
export function oktaGroupAssignmentStep(
  s: PlanSubject,
  assignment: { readonly groupId: string; readonly groupName: string; readonly values: readonly string[] },
  attribute: string,
  addValues: readonly string[],
  products: readonly string[],
): StepDraft {
  const g = assignment.groupName;
  return {
    action: { kind: 'manual-okta-group-assignment', appId: s.app.id, groupId: assignment.groupId, groupName: g, attribute, addValues },
    automatic: false,
    title: `In Okta, add ${listPhrase([...products])} to the group assignment '${g}'`,
    precondition:
      `${s.name} gets ${s.app.label} through the Okta group '${g}' (scope GROUP), whose ${attribute} are ${valuesPhrase(assignment.values)}. ` +
      `The change applies to every member of '${g}', so an Okta administrator decides and makes it.`,
    effect:
      `Okta Admin Console > Applications > Applications > ${s.app.label} > Assignments > Groups > '${g}' > Edit: add ${addValues.join(', ')} ` +
      `(${listPhrase([...products])}) to Licenses, keep the values already there, and Save.`,
    verification: `Re-check: Okta's ${attribute} for ${s.name} include ${addValues.join(', ')}.`,
  };
}

/** Posts the unchanged profile so Okta pushes again, now that no group grants what Okta would remove. */
export function repushStep(s: PlanSubject, scope: 'USER' | 'GROUP'): StepDraft {
  return {
    action: { kind: 'okta-repush', appId: s.app.id, oktaUserId: s.oktaUserId, scope },
    automatic: true,
    title: `Ask Okta to push ${s.name}'s profile to Office 365 again`,
    precondition: `No Entra ID group grants ${s.name} a license any more, so Okta's push no longer has to remove an inherited license.`,
    effect:
      `POST /api/v1/apps/${s.app.id}/users/${s.oktaUserId} with the app user's profile unchanged` +
      `${scope === 'GROUP' ? ' and its scope left GROUP (the assignment stays group-scoped)' : ''}.`,
    verification:
      `GET /api/v1/apps/${s.app.id}/users/${s.oktaUserId}: syncState SYNCHRONIZED with a lastSync after this step, and no newer push failure ` +
      "in Okta's System Log. If Okta does not push an unchanged profile, retry the failed task in Okta Admin Console > Dashboard > Tasks, then Re-check.",
  };
}

/** Turns off the app's provisioning connection: Okta stops pushing anything, licenses included, for every assigned user. */
export function deactivateProvisioningStep(s: PlanSubject, assignedUsers: number, more = false): StepDraft {
  return {
    action: { kind: 'okta-deactivate-provisioning', appId: s.app.id, appLabel: s.app.label },
    automatic: true,
    title: `Turn off provisioning of ${s.app.label} in Okta`,
    precondition: `Provisioning of ${s.app.label} is on. Turning it off affects ${allUsersPhrase(assignedUsers, more)} assigned to the app, not only ${s.name}.`,
    effect: `POST /api/v1/apps/${s.app.id}/connections/default/lifecycle/deactivate`,
    verification: `GET /api/v1/apps/${s.app.id}/connections/default: status DISABLED.`,
  };
}

/** Turns the app's provisioning connection back on: Okta pushes again, licenses included, for every assigned user. */
export function activateProvisioningStep(s: PlanSubject, assignedUsers: number): StepDraft {
  return {
    action: { kind: 'okta-activate-provisioning', appId: s.app.id, appLabel: s.app.label },
    automatic: true,
    title: `Turn provisioning of ${s.app.label} back on in Okta`,
    precondition: `Provisioning of ${s.app.label} is off. Turning it on affects ${allUsersPhrase(assignedUsers)} assigned to the app, not only ${s.name}.`,
    effect: `POST /api/v1/apps/${s.app.id}/connections/default/lifecycle/activate`,
    verification: `GET /api/v1/apps/${s.app.id}/connections/default: status ENABLED.`,
  };
}

/** "all 184 users", "the 1 user". */
export const allUsersPhrase = (n: number, more = false): string => (more ? `more than ${n} users` : n === 1 ? 'the 1 user' : `all ${n} users`);
