// zod schemas for what the Okta adapter reads, producing the model types of src/core/model/okta.ts. They
// parse plain JSON: SDK model objects go through `toPlain` first (class instances, Date fields).
import { z } from 'zod';
import type { OktaApp, OktaAppUser, OktaGroupAssignment, OktaUser } from '../../core/model/okta.ts';

/** The SDK's model objects as plain JSON (Dates become ISO strings, unset fields disappear). */
export function toPlain(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

const text = z.string().nullish().transform((v) => v ?? null);
const json = z.record(z.string(), z.unknown());

/** A User → OktaUser. */
export const oktaUserSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    profile: z.object({ login: z.string(), email: text, displayName: text, firstName: text, lastName: text }),
  })
  .transform((u): OktaUser => ({
    id: u.id,
    login: u.profile.login,
    email: u.profile.email,
    status: u.status,
    displayName: u.profile.displayName ?? ([u.profile.firstName, u.profile.lastName].filter(Boolean).join(' ') || null),
  }));

/** An Application → OktaApp. */
export const oktaAppSchema = z
  .object({ id: z.string(), name: z.string(), label: z.string(), status: z.string(), features: z.array(z.string()).nullish() })
  .transform((a): OktaApp => ({ id: a.id, name: a.name, label: a.label, status: a.status, features: a.features ?? [] }));

/** An AppUser → OktaAppUser. */
export const oktaAppUserSchema = z
  .object({
    id: z.string(),
    externalId: text,
    credentials: z.object({ userName: text }).nullish(),
    status: z.string(),
    syncState: text,
    scope: z.enum(['USER', 'GROUP']).nullish(),
    lastSync: text,
    lastUpdated: text,
    profile: json.nullish(),
  })
  .transform((u): OktaAppUser => ({
    id: u.id,
    externalId: u.externalId,
    userName: u.credentials?.userName ?? null,
    status: u.status,
    syncState: u.syncState,
    scope: u.scope ?? null,
    lastSync: u.lastSync,
    lastUpdated: u.lastUpdated,
    profile: u.profile ?? {},
  }));

/** An ApplicationGroupAssignment (with `expand=group`) → OktaGroupAssignment. */
export const oktaGroupAssignmentSchema = z
  .object({
    id: z.string(),
    priority: z.number().nullish(),
    profile: json.nullish(),
    _embedded: z.object({ group: z.object({ profile: z.object({ name: text }).nullish() }).nullish() }).nullish(),
  })
  .transform((a): OktaGroupAssignment => ({
    groupId: a.id,
    groupName: a._embedded?.group?.profile?.name ?? null,
    priority: a.priority ?? null,
    profile: a.profile ?? {},
  }));

/** A Group, as far as its id. */
export const oktaGroupSchema = z.object({ id: z.string() });

/** A ProvisioningConnectionResponse, as far as its status. */
export const provisioningConnectionSchema = z.object({
  // Okta documents ENABLED, DISABLED and UNKNOWN; anything newer is treated as unknown.
  status: z.string().transform((s) => (s === 'ENABLED' || s === 'DISABLED' ? s : 'UNKNOWN')),
});

/** An ApplicationFeature, as far as its name and status. */
export const applicationFeatureSchema = z.object({ name: z.string(), status: z.enum(['ENABLED', 'DISABLED']) });

/** A System Log LogEvent, as far as push failures need. */
export const logEventSchema = z.object({
  uuid: z.string(),
  published: z.string(),
  eventType: z.string(),
  displayMessage: text,
  outcome: z.object({ result: text, reason: text }).nullish(),
  debugContext: z.object({ debugData: json.nullish() }).nullish(),
  target: z.array(z.object({ id: z.string(), alternateId: text })).nullish(),
});
/** A parsed System Log event. */
export type LogEventJson = z.infer<typeof logEventSchema>;

// A list of allowed values: JSON Schema `enum`, or `oneOf` entries with `const` and a display `title`.
const allowedValues = {
  enum: z.array(z.unknown()).nullish(),
  // Entries are read one by one (find-license-schema.ts): one odd entry must not make the schema unreadable.
  oneOf: z.array(z.unknown()).nullish(),
};
const schemaAttribute = z.object({ title: text, type: text, items: z.object({ type: text, ...allowedValues }).nullish() });
const schemaPart = z.object({ properties: z.record(z.string(), schemaAttribute).nullish() }).nullish();

/** The app user schema (`GET /api/v1/meta/schemas/apps/{appId}/default`), as far as attribute discovery needs. */
export const appUserSchemaSchema = z.object({ definitions: z.object({ base: schemaPart, custom: schemaPart }).nullish() });
/** A parsed app user schema. */
export type AppUserSchemaJson = z.infer<typeof appUserSchemaSchema>;
