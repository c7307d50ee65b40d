import { oktaProvisioningStatus, provisioningOffCauses, type ProvisioningOffCause, type ProvisioningStatus } from '../../../src/core/diagnosis/okta-provisioning-status.ts';
import type { OktaApp, OktaProvisioning } from '../../../src/core/model/okta.ts';
import { OKTA_FEATURES, oktaApp } from '../../factories/diagnosis-input.ts';

const on: OktaProvisioning = { connection: 'ENABLED', userProvisioning: 'ENABLED' };

describe('oktaProvisioningStatus', () => {
  test.each<[string, Partial<OktaApp>, OktaProvisioning | null, ProvisioningStatus, ProvisioningOffCause[]]>([
    ['connection on, profile pushes on', {}, on, 'enabled', []],
    ['connection on, USER_PROVISIONING not read, profile pushes on', {}, { connection: 'ENABLED', userProvisioning: null }, 'enabled', []],
    ['connection on, only USER_PROVISIONING enabled', { features: ['PUSH_NEW_USERS'] }, on, 'enabled', []],
    ['connection on, no push features but USER_PROVISIONING enabled', { features: [] }, on, 'enabled', []],
    ['connection on, no push features, USER_PROVISIONING not read', { features: [] }, { connection: 'ENABLED', userProvisioning: null }, 'unknown', []],
    ['app INACTIVE', { status: 'INACTIVE' }, on, 'disabled', ['app-inactive']],
    ['app inactive, any case', { status: 'inactive' }, on, 'disabled', ['app-inactive']],
    ['connection DISABLED', {}, { connection: 'DISABLED', userProvisioning: 'ENABLED' }, 'disabled', ['connection-disabled']],
    ['USER_PROVISIONING DISABLED', {}, { connection: 'ENABLED', userProvisioning: 'DISABLED' }, 'disabled', ['provisioning-not-enabled']],
    ['provisioning NOT_ENABLED', {}, { connection: 'UNKNOWN', userProvisioning: 'NOT_ENABLED' }, 'disabled', ['provisioning-not-enabled']],
    ['no push features, connection UNKNOWN', { features: ['IMPORT_NEW_USERS'] }, { connection: 'UNKNOWN', userProvisioning: null }, 'disabled', ['no-push-features']],
    ['no push features, provisioning not read', { features: [] }, null, 'disabled', ['no-push-features']],
    ['push features, provisioning not read', {}, null, 'unknown', []],
    ['push features, connection UNKNOWN', {}, { connection: 'UNKNOWN', userProvisioning: null }, 'unknown', []],
    ['only PUSH_NEW_USERS, connection UNKNOWN: not known to be off', { features: ['PUSH_NEW_USERS'] }, { connection: 'UNKNOWN', userProvisioning: null }, 'unknown', []],
    ['the sandbox Contractors app: every cause', { features: [] }, { connection: 'DISABLED', userProvisioning: 'NOT_ENABLED' }, 'disabled', ['connection-disabled', 'provisioning-not-enabled', 'no-push-features']],
    ['inactive and disconnected', { status: 'INACTIVE', features: OKTA_FEATURES }, { connection: 'DISABLED', userProvisioning: null }, 'disabled', ['app-inactive', 'connection-disabled']],
  ])('%s', (_case, app, provisioning, status, causes) => {
    expect(oktaProvisioningStatus(oktaApp(app), provisioning)).toBe(status);
    expect(provisioningOffCauses(oktaApp(app), provisioning)).toEqual(causes);
  });
});
