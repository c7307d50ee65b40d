// `--login`: the command-line operator signs in with Entra ID through @azure/identity (the Azure CLI's session, or a
// device code), and License Doctor takes the UPN from the token Entra issued, instead of trusting a typed --as.
import { z } from 'zod';
import { LicenseDoctorError } from '../../core/errors.ts';
import type { CliIdentity } from '../../core/model/request.ts';

type SignInMethod = NonNullable<CliIdentity['signIn']>;

export interface SignInOptions {
  /** The tenant the operator must belong to (AZURE_TENANT_ID); null accepts the sign-in's own tenant. */
  readonly tenantId: string | null;
  /** Shows the device-code instructions (stderr). */
  readonly prompt: (message: string) => void;
}

// Any resource works for reading who signed in; Graph is the one every Entra user can get a token for.
const SCOPE = 'https://graph.microsoft.com/.default';
const LABEL: Readonly<Record<SignInMethod, string>> = { 'azure-cli': 'Azure CLI', 'device-code': 'device code' };
const claimsSchema = z.object({ upn: z.string().optional(), preferred_username: z.string().optional(), unique_name: z.string().optional(), tid: z.string().optional() });

/** The user principal name and tenant in an Entra access token's claims (its signature is Entra's business, not ours). */
export function tokenIdentity(token: string): { upn: string; tenantId: string | null } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    // Not a JWT: the caller refuses the sign-in with the reason.
    return null;
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success) return null;
  const upn = claims.data.upn ?? claims.data.preferred_username ?? claims.data.unique_name;
  return upn && upn.includes('@') ? { upn: upn.toLowerCase(), tenantId: claims.data.tid ?? null } : null;
}

const refuse = (method: SignInMethod, why: string): LicenseDoctorError =>
  new LicenseDoctorError('policy', `Sign-in with ${LABEL[method]} failed, so nothing was decided: ${why}`, { reason: 'sign-in-failed' });

/** Signs the operator in and answers their UPN; a failed or foreign sign-in is refused (policy). */
export async function signInOperator(method: SignInMethod, options: SignInOptions): Promise<{ upn: string; signIn: SignInMethod }> {
  const identity = await import('@azure/identity');
  const tenant = options.tenantId ? { tenantId: options.tenantId } : {};
  const credential = method === 'azure-cli'
    ? new identity.AzureCliCredential({ ...tenant, processTimeoutInMs: 30_000 })
    : new identity.DeviceCodeCredential({ ...tenant, userPromptCallback: (info) => options.prompt(info.message) });
  let token: string;
  try {
    token = (await credential.getToken(SCOPE)).token;
  } catch (err) {
    throw refuse(method, err instanceof Error ? err.message : String(err));
  }
  const who = tokenIdentity(token);
  if (!who) throw refuse(method, 'the token Entra ID returned names no user (was a service principal signed in?).');
  if (options.tenantId && who.tenantId && who.tenantId.toLowerCase() !== options.tenantId.toLowerCase()) {
    throw refuse(method, `${who.upn} signed in to tenant ${who.tenantId}, not to this deployment's tenant ${options.tenantId}.`);
  }
  return { upn: who.upn, signIn: method };
}
