// Which app user attributes carry licenses and roles. Their variable names are UNCONFIRMED
// (reference/okta.md §2), so they are found by what the Admin Console shows: string-array attributes titled
// "Licenses" and "Roles", in the base or custom part of the schema.
import type { OktaLicenseSchema } from '../../core/model/okta.ts';
import type { AppUserSchemaJson } from './schemas.ts';

function findArrayAttribute(schema: AppUserSchemaJson, title: string): string | null {
  const parts = [schema.definitions?.base, schema.definitions?.custom];
  for (const part of parts) {
    for (const [name, attr] of Object.entries(part?.properties ?? {})) {
      if (attr.type === 'array' && attr.title?.trim().toLowerCase() === title) return name;
    }
  }
  return null;
}

/** The licenses and roles attribute names of an app user schema (null when absent). */
export function findLicenseSchema(schema: AppUserSchemaJson): OktaLicenseSchema {
  return { licensesAttribute: findArrayAttribute(schema, 'licenses'), rolesAttribute: findArrayAttribute(schema, 'roles') };
}
