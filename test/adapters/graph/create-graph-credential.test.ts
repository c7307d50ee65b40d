import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { createGraphCredential } from '../../../src/adapters/graph/create-graph-credential.ts';

// Construction only: no token is requested, so no network is used.
describe('createGraphCredential', () => {
  const tenantId = '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001';
  const clientId = '11111111-2222-4333-8444-555555555555';

  it.each([
    ['client-secret', { kind: 'client-secret', tenantId, clientId, clientSecret: 'not-a-real-secret' } as const, ClientSecretCredential],
    ['client-certificate', { kind: 'client-certificate', tenantId, clientId, certificatePath: '/nonexistent/cert.pem' } as const, ClientCertificateCredential],
    ['managed-identity', { kind: 'managed-identity', clientId } as const, ManagedIdentityCredential],
    ['secret from AZURE_* values', { tenantId, clientId, clientSecret: 'not-a-real-secret' }, ClientSecretCredential],
    ['certificate from AZURE_* values', { tenantId, clientId, certificatePath: '/nonexistent/cert.pem' }, ClientCertificateCredential],
    ['managed identity from AZURE_CLIENT_ID alone', { clientId }, ManagedIdentityCredential],
  ])('builds the %s credential', (_label, settings, type) => {
    expect(createGraphCredential(settings)).toBeInstanceOf(type);
  });

  it('needs the tenant id for a secret', () => {
    expect(() => createGraphCredential({ clientId, clientSecret: 'not-a-real-secret' })).toThrow(expect.objectContaining({ code: 'configuration' }));
  });
});
