import type { GrantedPermissions } from '../permissions/capabilities.ts';

/** Reads, live, what License Doctor's Graph and Okta credentials are granted. */
export interface PermissionReader {
  /**
   * The Graph token's roles and the Okta scopes; throws LicenseDoctorError when a vendor cannot be reached. Okta's
   * write scope is probed with a harmless write only with `probeWrites` (default true).
   */
  readGranted(options?: { readonly probeWrites?: boolean }): Promise<GrantedPermissions>;
}
