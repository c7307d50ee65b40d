// The explanation: plain language a helpdesk agent reads in 20 seconds and can act on, one wording per verdict.
import type { ErrorClassification } from '../model/parsed-error.ts';
import { explainConflict, explainDualManaged, wouldConflictSentences } from './explain-conflict.ts';
import { directRemovalSentences, licensesSummary, otherErrorSentences, unmatchedSentences } from './explanation-parts.ts';
import type { Findings } from './findings.ts';
import { licenseErrorFix, licenseErrorSentence } from './license-error-sentence.ts';
import { provisioningOffCauses, type ProvisioningOffCause } from './okta-provisioning-status.ts';
import { relativeTime, utcMinute } from './relative-time.ts';

const ERROR_KINDS: Record<ErrorClassification, string | null> = {
  'group-inherited-license': "Microsoft's refusal to remove a license inherited from a group",
  'usage-location-missing': 'a license error about a missing usage location',
  'no-available-licenses': 'a license error about no free seats',
  'insufficient-privileges': "an 'insufficient privileges' error",
  'dependency-violation': 'a license error about a service plan dependency',
  unknown: null,
};

const OFF_CAUSES: Record<ProvisioningOffCause, string> = {
  'app-inactive': 'the app is deactivated in Okta',
  'connection-disabled': 'its provisioning connection is turned off',
  'provisioning-not-enabled': 'provisioning to Office 365 is not enabled',
  'no-push-features': 'it pushes neither new users nor profile updates',
};

const pastedInheritedError = (f: Findings): boolean => f.input.parsedError?.classification === 'group-inherited-license';

function notIdentified(f: Findings): string {
  const classification = f.input.parsedError?.classification;
  const kind = classification ? ERROR_KINDS[classification] : null;
  const what = kind ? `The error you pasted (${kind})` : 'What you sent';
  return `${what} names no user, so I cannot tell whose licenses to check. Ask for the user's user principal name (their sign-in name, e.g. jane@contoso.com) and send me that.`;
}

function notManaged(f: Findings): string {
  const okta = f.input.okta;
  const why =
    okta === null || okta.user === null ? `${f.name} is not in Okta`
    : okta.app === null ? `${f.name} is in Okta, but there is no Office 365 app in Okta that provisions ${f.name}`
    : `${f.name} is in Okta but not assigned to the Office 365 app '${okta.app.label}'`;
  const sentences = [`${why}, so Okta does not push ${f.name}'s licenses and cannot cause this error.`, licensesSummary(f)];
  if (pastedInheritedError(f)) {
    sentences.push(`The error you pasted did not come from Okta for ${f.name}: check that it is about ${f.name}, and whether another tool assigns licenses.`);
  }
  return [...sentences, ...otherErrorSentences(f)].join(' ');
}

function provisioningDisabled(f: Findings): string {
  const app = f.input.okta?.app;
  // The first cause is the one to undo; the others follow from it (no connection: no push features).
  const cause = app ? provisioningOffCauses(app, f.input.okta?.provisioning ?? null)[0] : undefined;
  const label = app ? ` '${app.label}'` : '';
  const would = wouldConflictSentences(f);
  return [
    `Provisioning of the Okta app${label} is off${cause ? ` (${OFF_CAUSES[cause]})` : ''}, so Okta pushes nothing to Office 365 for ${f.name} now and cannot cause this error today.`,
    ...(would.length > 0 ? would : [licensesSummary(f)]),
    ...unmatchedSentences(f),
    ...otherErrorSentences(f),
  ].join(' ');
}

function otherLicenseError(f: Findings): string {
  const user = f.input.entra.user;
  const ctx = { name: f.name, usageLocation: user?.usageLocation ?? null, groups: f.input.entra.groups, skus: f.input.entra.subscribedSkus };
  const errors = f.rows.filter((r) => r.error !== null || r.state === 'Error');
  const shown = errors.slice(0, 2).map((r) => licenseErrorSentence(r, ctx));
  const rest = errors.length - 2;
  const more = rest === 1 ? ['There is 1 more license error.'] : rest > 1 ? [`There are ${rest} more license errors.`] : [];
  const first = errors[0];
  return [
    ...shown,
    ...more,
    ...(first ? [licenseErrorFix(first, ctx)] : []),
    `Okta is not involved: nothing Okta pushes for ${f.name} conflicts with Entra ID.`,
    ...unmatchedSentences(f),
    ...directRemovalSentences(f),
  ].join(' ');
}

function lastPushState(f: Findings): string | null {
  const appUser = f.input.okta?.appUser;
  if (f.pushFailure !== null) {
    return `Okta's last push, ${relativeTime(f.pushFailure.published, f.input.checkedAt)}, failed with Microsoft's group-inherited license error, but no group gives ${f.name} a license now, so the next push should pass: retry it in Okta (Dashboard > Tasks).`;
  }
  if (appUser?.syncState === 'SYNCHRONIZED' && appUser.lastSync !== null) {
    return `last push succeeded at ${utcMinute(appUser.lastSync)} (${relativeTime(appUser.lastSync, f.input.checkedAt)})`;
  }
  return null;
}

function noConflict(f: Findings): string {
  const push = lastPushState(f);
  const failed = f.pushFailure !== null;
  const sentences = [licensesSummary(f), `No Entra ID group gives ${f.name} a license, so Okta's pushes cannot run into an inherited license.`];
  if (pastedInheritedError(f) && !failed) {
    sentences.push(`The error you pasted no longer applies: no group gives ${f.name} a license any more${push ? `, and Okta's ${push}` : ''}.`);
  } else if (push !== null) {
    sentences.push(failed ? push : `Okta's ${push}.`);
  }
  return [...sentences, ...unmatchedSentences(f), ...directRemovalSentences(f), 'Nothing to resolve.'].join(' ');
}

/** The explanation of the findings' verdict. */
export function explain(f: Findings): string {
  switch (f.verdict) {
    case 'user-not-identified':
      return notIdentified(f);
    case 'user-not-found':
      return `There is no user '${f.input.identifier ?? ''}' in Entra ID. Check the spelling — the user principal name is usually the work email address — or use the user's Entra object id.`;
    case 'not-managed-by-okta':
      return notManaged(f);
    case 'okta-provisioning-disabled':
      return provisioningDisabled(f);
    case 'group-inherited-license-conflict':
      return explainConflict(f);
    case 'dual-managed-license':
      return explainDualManaged(f);
    case 'other-license-error':
      return otherLicenseError(f);
    case 'no-conflict':
      return noConflict(f);
  }
}
