// App-only credentials for Graph from License Doctor's settings, as @azure/identity names them: a client
// secret, a certificate (preferred over secrets), or a managed identity. Nothing is requested until first use.
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { LicenseDoctorError } from '../../core/errors.ts';

/** The settings, either typed by kind (src/config) or as the AZURE_* variables give them. */
export type GraphCredentialSettings =
  | { readonly kind: 'client-secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'client-certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
  | { readonly kind: 'managed-identity'; readonly clientId: string }
  | { readonly kind?: undefined; readonly tenantId?: string; readonly clientId: string; readonly clientSecret?: string; readonly certificatePath?: string };

function requireTenant(tenantId: string | undefined): string {
  if (!tenantId) throw new LicenseDoctorError('configuration', 'AZURE_TENANT_ID is missing: a client secret or certificate needs the tenant id of the app registration.');
  return tenantId;
}

/** The @azure/identity credential for these settings (secret, else certificate, else managed identity). */
export function createGraphCredential(settings: GraphCredentialSettings): TokenCredential {
  switch (settings.kind) {
    case 'client-secret':
      return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret);
    case 'client-certificate':
      return new ClientCertificateCredential(settings.tenantId, settings.clientId, { certificatePath: settings.certificatePath });
    case 'managed-identity':
      return new ManagedIdentityCredential({ clientId: settings.clientId });
    case undefined:
      if (settings.clientSecret) return new ClientSecretCredential(requireTenant(settings.tenantId), settings.clientId, settings.clientSecret);
      if (settings.certificatePath) return new ClientCertificateCredential(requireTenant(settings.tenantId), settings.clientId, { certificatePath: settings.certificatePath });
      return new ManagedIdentityCredential({ clientId: settings.clientId });
  }
}
