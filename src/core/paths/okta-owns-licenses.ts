// KB path 1, "Okta owns the licenses" (scope user, or group with the group variant): Okta's license set made complete,
// each inherited SKU assigned directly first, the user taken out of the licensing groups, Okta asked to push again.
import { ASSIGN_LICENSES, OKTA_GROUPS, OKTA_WRITE, READS, REMOVE_MEMBERS } from '../permissions/needs.ts';
import { oktaOwnsLicensesPlan } from '../plans/okta-owns-licenses-plan.ts';
import { oktaOwnsLicensesRemedy } from './okta-owns-licenses-remedy.ts';
import { conflictPlan, isConflictVerdict } from './path-helpers.ts';
import type { BooleanOptionDecl, PathModule } from './path-module.ts';
import { booleanOption } from './plan-options.ts';

const allowServiceGap: BooleanOptionDecl = {
  kind: 'boolean', name: 'allowServiceGap', default: false, flag: 'allow-gap',
  label: 'Skip the direct assignment (a short gap in service)',
  help: "For when Graph refuses to assign directly a license the user inherits: the user is without it until Okta's push; needs the acknowledgement.",
  flagHelp: 'no direct assignment first: service lapses briefly',
};
const removeLicenseFromGroup: BooleanOptionDecl = {
  kind: 'boolean', name: 'removeLicenseFromGroup', default: false, flag: 'remove-license-from-group',
  label: 'Remove the license from the group itself',
  help: 'Instead of taking the user out of the group: every member loses that path; needs 2 approvals.',
  flagHelp: 'change the group itself: every member loses that path; 2 approvals',
};
const completeOktaLicenses: BooleanOptionDecl = {
  kind: 'boolean', name: 'completeOktaLicenses', default: true, flag: 'keep-okta-licenses',
  label: "Add the licenses Okta lacks to Okta's set",
  help: 'Off: Okta keeps its set as it is and the user loses what it lacks; needs the acknowledgement.',
  flagHelp: 'do not add missing licenses to Okta: the user loses them; needs --acknowledge-removal',
};

export const oktaOwnsLicenses: PathModule = {
  id: 'okta-owns-licenses',
  labels: { button: 'Okta owns licenses', title: 'Okta owns the licenses', reference: 'KB path 1' },
  scope: 'user',
  kb: 1,
  options: [allowServiceGap, removeLicenseFromGroup, completeOktaLicenses],
  execute: { label: 'execute path 1 (Okta owns licenses)', needs: [...READS, OKTA_GROUPS, ASSIGN_LICENSES, REMOVE_MEMBERS, OKTA_WRITE] },
  reads: (options) => ({ groupMemberCounts: booleanOption(options, removeLicenseFromGroup), oktaGroupAssignment: true }),
  remedy: (f) => (isConflictVerdict(f.verdict) ? oktaOwnsLicensesRemedy(f) : null),
  plan: (diagnosis, options, context) => conflictPlan(diagnosis, (s) => oktaOwnsLicensesPlan(s, options, context)),
  acknowledgement: (plan, name) => (booleanOption(plan.options, allowServiceGap)
    ? `This variant leaves ${name} without the license between the group removal and Okta's push: confirm the gap in service (acknowledge the removal) to ask for it.`
    : null),
};
