// The `diagnose --json` document of CONTRACT.md as a zod schema: tests check every report against it (strict: no
// field missing, no field added).
import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
const groupRef = z.strictObject({
  id: guid, displayName: z.string(), kind: z.enum(['assigned', 'dynamic', 'on-premises-synced', 'mail-enabled', 'role-assignable']),
});

const parsedErrorSchema = z.strictObject({
  source: z.enum(['okta-push', 'graph-json', 'ms-exception', 'other']),
  classification: z.enum(['group-inherited-license', 'usage-location-missing', 'no-available-licenses', 'insufficient-privileges', 'dependency-violation', 'unknown']),
  httpStatus: z.number().int().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  userPrincipalName: z.string().optional(),
  timestamp: iso.optional(),
  method: z.string().optional(),
  requestId: z.string().optional(),
  clientRequestId: z.string().optional(),
});

export const diagnosisReportSchema = z.strictObject({
  query: z.string(),
  sandbox: z.boolean(),
  parsedError: parsedErrorSchema.nullable(),
  user: z.strictObject({
    userPrincipalName: z.string(), displayName: z.string(), entraObjectId: guid, usageLocation: z.string().nullable(), oktaUserId: z.string().nullable(),
  }).nullable(),
  licenses: z.array(z.strictObject({
    skuId: guid, skuPartNumber: z.string(), productName: z.string(), assignment: z.enum(['direct', 'group']), group: groupRef.nullable(),
    state: z.enum(['Active', 'ActiveWithError', 'Disabled', 'Error']),
    error: z.enum(['CountViolation', 'MutuallyExclusiveViolation', 'DependencyViolation', 'ProhibitedInUsageLocationViolation', 'UniquenessViolation', 'Other']).nullable(),
  })),
  okta: z.strictObject({
    appId: z.string(), appUserStatus: z.string().nullable(), syncState: z.string().nullable(), scope: z.enum(['USER', 'GROUP']).nullable(),
    provisioning: z.enum(['enabled', 'disabled', 'unknown']), managedLicenses: z.array(z.string()),
    lastPushFailure: z.strictObject({ at: iso, message: z.string(), eventType: z.string() }).nullable(),
  }).nullable(),
  verdict: z.enum(['user-not-identified', 'user-not-found', 'not-managed-by-okta', 'okta-provisioning-disabled', 'group-inherited-license-conflict', 'dual-managed-license', 'other-license-error', 'no-conflict']),
  conflicts: z.array(z.strictObject({ skuId: guid, skuPartNumber: z.string(), groups: z.array(groupRef) })),
  explanation: z.string().min(20),
  remedies: z.array(z.strictObject({
    id: z.enum(['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only', 'okta-provisioning-on']), available: z.boolean(), reason: z.string().optional(),
    scope: z.enum(['user', 'group', 'app']), approvalsRequired: z.number().int().min(1),
  })),
});
