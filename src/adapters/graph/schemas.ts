// zod schemas for every Graph response License Doctor reads. They check what the adapter relies on and stay
// lenient where Graph is (nullable properties may be null or absent); unknown properties are dropped.
import { z } from 'zod';

const text = z.string().nullish();
const flag = z.boolean().nullish();

const assignedLicenseSchema = z.object({
  skuId: z.string(),
  disabledPlans: z.array(z.string()).nullish(),
});

const licenseAssignmentStateSchema = z.object({
  skuId: z.string(),
  disabledPlans: z.array(z.string()).nullish(),
  assignedByGroup: text,
  state: text,
  error: text,
  lastUpdatedDateTime: text,
});

export const userSchema = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: text,
  mail: text,
  accountEnabled: flag,
  usageLocation: text,
  onPremisesSyncEnabled: flag,
  assignedLicenses: z.array(assignedLicenseSchema).nullish(),
  licenseAssignmentStates: z.array(licenseAssignmentStateSchema).nullish(),
});
export type GraphUserJson = z.infer<typeof userSchema>;

/** A page of a collection: `value` plus the absolute `@odata.nextLink` when more remain. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item), '@odata.nextLink': z.string().nullish() });

export const groupSchema = z.object({
  id: z.string(),
  displayName: text,
  groupTypes: z.array(z.string()).nullish(),
  membershipRule: text,
  onPremisesSyncEnabled: flag,
  mailEnabled: flag,
  securityEnabled: flag,
  isAssignableToRole: flag,
  assignedLicenses: z.array(assignedLicenseSchema).nullish(),
});
export type GraphGroupJson = z.infer<typeof groupSchema>;

export const subscribedSkuSchema = z.object({
  skuId: z.string(),
  skuPartNumber: z.string(),
  appliesTo: text,
  capabilityStatus: text,
  consumedUnits: z.number().int().nullish(),
  prepaidUnits: z.object({ enabled: z.number().int().nullish() }).nullish(),
  servicePlans: z.array(z.object({ servicePlanId: z.string(), servicePlanName: z.string() })).nullish(),
});
export type GraphSubscribedSkuJson = z.infer<typeof subscribedSkuSchema>;

/** checkMemberGroups: a collection of group ids. */
export const idCollectionSchema = z.object({ value: z.array(z.string()) });

/** What an action that returns the changed object gives back (assignLicense): at least its id. */
export const directoryObjectSchema = z.object({ id: z.string() });

/** `$count`: a plain-text non-negative integer. */
export const countSchema = z.string().trim().regex(/^\d+$/).transform(Number);

export const batchEnvelopeSchema = z.object({
  responses: z.array(z.object({
    id: z.string(),
    status: z.number().int(),
    headers: z.record(z.string(), z.string()).nullish(),
    body: z.unknown().optional(),
  })),
});

/** Graph's error envelope (concepts/errors.md). */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: z.object({ 'request-id': z.string().nullish(), 'client-request-id': z.string().nullish(), date: z.string().nullish() }).nullish(),
  }),
});
