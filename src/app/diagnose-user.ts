// Use case: diagnose a user (or a pasted error) from the live state in Microsoft Graph and Okta.
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { Diagnosis, DiagnosisInput } from '../core/model/diagnosis.ts';
import type { EntraUser } from '../core/model/entra.ts';
import type { OktaUser } from '../core/model/okta.ts';
import type { ParsedError, UserIdentifierKind } from '../core/model/parsed-error.ts';
import { MAX_QUERY_BYTES } from '../core/model/parsed-error.ts';
import { parseQuery } from '../core/parse/parse-query.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { EntraDirectory } from '../core/ports/entra-directory.ts';
import type { OktaOrg } from '../core/ports/okta-org.ts';
import { readOktaSide } from './read-okta-side.ts';

export interface DiagnoseDeps {
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly clock: Clock;
  readonly sandbox: boolean;
  readonly oktaAppId: string | null;
  readonly workflowsConfigured: boolean;
}

export type DiagnoseOutcome =
  | { readonly kind: 'diagnosis'; readonly diagnosis: Diagnosis }
  /** The input cannot be used; `message` is one line saying what to give instead. */
  | { readonly kind: 'unusable-input'; readonly message: string };

/** How far back the System Log is searched for push failures: all Okta keeps (90 days); Okta does not retry a failed push by itself. */
const PUSH_FAILURE_LOOKBACK_MS = 90 * 24 * 3_600_000;

/** Diagnoses whatever an agent typed or pasted. Vendor failures throw LicenseDoctorError. */
export async function diagnoseUser(deps: DiagnoseDeps, query: string): Promise<DiagnoseOutcome> {
  const parsed = parseQuery(query);
  switch (parsed.kind) {
    case 'empty':
      return { kind: 'unusable-input', message: 'Give a user principal name (e.g. jane@contoso.com), an object id, or paste the error from Okta.' };
    case 'too-long':
      return { kind: 'unusable-input', message: `That is ${formatBytes(parsed.bytes)}; paste at most ${formatBytes(MAX_QUERY_BYTES)} (the error line itself is enough).` };
    case 'binary':
      return { kind: 'unusable-input', message: 'That looks like binary data, not text: paste the error message or give a user principal name.' };
    case 'unrecognised':
      return { kind: 'unusable-input', message: 'That is neither a user nor a recognisable license error: give a user principal name (e.g. jane@contoso.com) or paste the error from Okta.' };
    case 'deceptive':
      return { kind: 'unusable-input', message: parsed.message };
    case 'user':
      return { kind: 'diagnosis', diagnosis: await diagnoseIdentifier(deps, query, parsed.identifier, parsed.identifierKind, null) };
    case 'error-text':
      return { kind: 'diagnosis', diagnosis: await diagnoseIdentifier(deps, query, parsed.identifier, parsed.identifierKind, parsed.parsedError) };
  }
}

/**
 * Reads the live state for one user and diagnoses it. Also used to re-read a known user (re-checks, the premise
 * check before execution): pass the Entra object id with kind `object-id`, and `deps.oktaAppId` pinned to the plan's app.
 */
export async function diagnoseIdentifier(
  deps: DiagnoseDeps,
  query: string,
  identifier: string | null,
  kind: UserIdentifierKind | null,
  parsedError: ParsedError | null,
): Promise<Diagnosis> {
  const now = deps.clock.now();
  const checkedAt = new Date(now).toISOString();
  const base = { query, sandbox: deps.sandbox, checkedAt, parsedError, workflowsConfigured: deps.workflowsConfigured };
  const noEntra = { user: null, groups: [], subscribedSkus: [] };
  if (identifier === null || kind === null) return finish({ ...base, identifier: null, entra: noEntra, okta: null });

  // Round 1: Entra user, Okta user (when the identifier can be an Okta login) and the Office 365 apps, together.
  const oktaUserByQuery = kind === 'object-id' ? Promise.resolve(null) : deps.okta.findUser(identifier);
  const apps = deps.okta.listOffice365Apps();
  oktaUserByQuery.catch(() => undefined);
  apps.catch(() => undefined);
  let entraUser = await findEntraUser(deps.entra, identifier, kind);
  const oktaUser = await oktaUserByQuery;
  if (!entraUser && oktaUser) {
    // An Okta login or short name: Entra knows the person by the Okta login or email.
    entraUser = (await deps.entra.getUser(oktaUser.login)) ?? (oktaUser.email ? await deps.entra.findUserByMail(oktaUser.email) : null);
  }
  if (!entraUser) {
    await apps;
    return finish({ ...base, identifier, entra: noEntra, okta: null });
  }
  // Round 2: the groups behind the licenses (with the SKUs) and the Okta side, together. When the query was not the
  // Entra UPN (an object id, a mail address), Okta is asked again by the UPN first.
  const resolvedEntraUser = entraUser;
  const triedInOkta = kind === 'object-id' ? null : identifier.toLowerCase();
  const oktaUserForEntra = oktaUser && sameLogin(oktaUser, resolvedEntraUser)
    ? Promise.resolve(oktaUser)
    : resolvedEntraUser.userPrincipalName.toLowerCase() === triedInOkta
      ? Promise.resolve(oktaUser)
      : deps.okta.findUser(resolvedEntraUser.userPrincipalName).then((byUpn) => byUpn ?? oktaUser);
  const groupIds = [...new Set(resolvedEntraUser.licenseAssignmentStates.flatMap((s) => (s.assignedByGroup ? [s.assignedByGroup] : [])))];
  const [licensing, okta] = await Promise.all([
    deps.entra.getLicensingContext(groupIds),
    Promise.all([oktaUserForEntra, apps]).then(([user, list]) =>
      readOktaSide(deps.okta, user, list, {
        appId: deps.oktaAppId,
        since: new Date(now - PUSH_FAILURE_LOOKBACK_MS).toISOString(),
        until: checkedAt,
      }),
    ),
  ]);
  return finish({ ...base, identifier, entra: { user: resolvedEntraUser, groups: licensing.groups, subscribedSkus: licensing.subscribedSkus }, okta });
}

function finish(input: DiagnosisInput): Diagnosis {
  return { report: diagnose(input), input };
}

async function findEntraUser(entra: EntraDirectory, identifier: string, kind: UserIdentifierKind): Promise<EntraUser | null> {
  if (kind === 'okta-login') return null;
  const user = await entra.getUser(identifier);
  if (user || kind !== 'upn') return user;
  // An email address that is not the UPN.
  return entra.findUserByMail(identifier);
}

const sameLogin = (okta: OktaUser, entra: EntraUser): boolean =>
  okta.login.toLowerCase() === entra.userPrincipalName.toLowerCase() ||
  (okta.email !== null && entra.mail !== null && okta.email.toLowerCase() === entra.mail.toLowerCase());

const formatBytes = (n: number): string => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KiB`);
